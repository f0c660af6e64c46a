using ClinicPortal.Core.Email;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Quartz;

namespace ClinicPortal.Infrastructure;

public static class InfrastructureServices
{
    /// <summary>Database, audit, mail and the clustered Quartz scheduler on the same PostgreSQL.</summary>
    public static IServiceCollection AddClinicInfrastructure(this IServiceCollection services, IConfiguration configuration,
        string connectionString, string dataRoot)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddDbContext<ClinicDbContext>(o => o.UseNpgsql(connectionString));
        services.AddScoped<AuditTrail>();
        services.AddScoped<Clinics.ClinicCalendar>();
        services.AddHttpContextAccessor();
        services.AddScoped<PortalLinks>();
        services.AddScoped<Safety.ClinicianAlerts>();
        services.AddScoped<Safety.OverdueReviewAlerts>();

        services.Configure<MailOptions>(configuration.GetSection("ClinicPortal:Mail"));
        services.PostConfigure<MailOptions>(o =>
        {
            if (string.IsNullOrWhiteSpace(o.PickupDirectory)) o.PickupDirectory = Path.Combine(dataRoot, "mail");
        });
        services.AddSingleton<IEmailSender, SmtpEmailSender>();

        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s =>
            {
                s.InstanceName = "ClinicPortal";
                s.GenerateInstanceId = true; // clustered: every app instance needs its own id
            });
            q.UsePersistentStore(store =>
            {
                store.UsePostgres(NpgsqlFactory.Instance, connectionString);
                store.UseSystemTextJsonSerializer();
                store.UseClustering();
                store.ProvisionSchema();
            });
            q.ScheduleJob<Safety.OverdueReviewJob>(t => t
                .WithIdentity(Safety.OverdueReviewJob.Name)
                .StartNow()
                .WithSimpleSchedule(s => s.WithInterval(Safety.OverdueReviewJob.Interval).RepeatForever()));
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }
}
