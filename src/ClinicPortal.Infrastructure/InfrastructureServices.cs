using ClinicPortal.Core.Email;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Email;
using ClinicPortal.Infrastructure.Reminders;
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
        // One connection pool for EF and the outbox; the container disposes it with the host.
        services.AddSingleton(_ => new NpgsqlDataSourceBuilder(connectionString).Build());
        services.AddDbContext<ClinicDbContext>((sp, o) => o.UseNpgsql(sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddScoped<AuditTrail>();
        services.AddScoped<Clinics.ClinicCalendar>();
        services.AddSingleton<Clinics.ClinicSettingsCache>();
        services.AddSingleton<Progress.StageModelCache>();
        services.AddHttpContextAccessor();
        services.AddScoped<PortalLinks>();
        services.AddScoped<Safety.ClinicianAlerts>();
        services.AddScoped<Safety.OverdueReviewAlerts>();
        services.AddScoped<CheckIns.UnsafeAlerts>();

        Reports.Pdf.PdfSetup.UseAgplLicense();
        services.AddScoped<Reports.ProgressReports>();
        // Replaced by the check-in feature's own source once check-ins exist.
        services.AddScoped<Core.Reports.IReportCheckInSource, CheckIns.CheckInReportSource>();
        services.AddSingleton(_ => new Reports.Pdf.PdfReportWriter(configuration["ClinicPortal:Reports:FontDirectory"]));

        services.Configure<MailOptions>(configuration.GetSection("ClinicPortal:Mail"));
        services.PostConfigure<MailOptions>(o =>
        {
            if (string.IsNullOrWhiteSpace(o.PickupDirectory)) o.PickupDirectory = Path.Combine(dataRoot, "mail");
        });
        services.AddSingleton<IEmailSender, SmtpEmailSender>();

        services.Configure<OutboxOptions>(configuration.GetSection("ClinicPortal:Outbox"));
        services.AddScoped<SessionReminders>();
        services.AddSingleton<ContactSafety.ContactSafetyGate>();
        services.AddSingleton<Safety.CrisisResourceCache>();
        services.AddScoped<ContactSafety.HeldMessages>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton<CheckInPromptPlanner>();
        var pollSeconds = Math.Max(1, configuration.GetValue("ClinicPortal:Outbox:PollSeconds", 15));

        services.AddQuartz(q =>
        {
            // The scheduler keeps real time even when tests give the app a hand-driven clock.
            q.UseTimeProvider(TimeProvider.System);
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
            q.ScheduleJob<OutboxDispatchJob>(
                t => t.WithIdentity("outbox-dispatch-trigger").StartAt(DateTimeOffset.UtcNow).WithSimpleSchedule(x => x.WithInterval(TimeSpan.FromSeconds(pollSeconds)).RepeatForever()),
                j => j.WithIdentity("outbox-dispatch"));
            q.ScheduleJob<CheckInPromptJob>(
                t => t.WithIdentity("check-in-prompts-trigger").StartAt(DateTimeOffset.UtcNow).WithSimpleSchedule(x => x.WithInterval(TimeSpan.FromMinutes(5)).RepeatForever()),
                j => j.WithIdentity("check-in-prompts"));
            q.ScheduleJob<Safety.OverdueReviewJob>(t => t
                .WithIdentity(Safety.OverdueReviewJob.Name)
                .StartAt(DateTimeOffset.UtcNow)
                .WithSimpleSchedule(s => s.WithInterval(Safety.OverdueReviewJob.Interval).RepeatForever()));
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }
}
