using ClinicPortal.Core.Email;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Email;
using ClinicPortal.Infrastructure.Jobs;
using ClinicPortal.Infrastructure.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ClinicPortal.Infrastructure;

public static class InfrastructureServices
{
    /// <summary>Database, locks, audit, mail, the reminder outbox and Hangfire on the same PostgreSQL.</summary>
    public static IServiceCollection AddClinicInfrastructure(this IServiceCollection services, IConfiguration configuration,
        string connectionString, string dataRoot)
    {
        services.AddSingleton(TimeProvider.System);
        // One connection pool for EF, the outbox and the locks; the container disposes it with the host.
        services.AddSingleton(_ => new NpgsqlDataSourceBuilder(connectionString).Build());
        services.AddScoped<AfterCommit>();
        services.AddDbContext<ClinicDbContext>((sp, o) => o.UseNpgsql(sp.GetRequiredService<NpgsqlDataSource>()).AddInterceptors(sp.GetRequiredService<AfterCommit>()));
        services.AddSingleton<DistributedLocks>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<Identity.SignOutEverywhere>();
        services.AddScoped<Clinics.ClinicCalendar>();
        services.AddSingleton<Clinics.ClinicSettingsCache>();
        services.AddSingleton<Progress.StageModelCache>();
        services.AddHttpContextAccessor();
        PortalLinks.EnsureConfigured(configuration);
        services.AddSingleton<PortalLinks>();
        services.AddScoped<Safety.ClinicianAlerts>();
        services.AddScoped<Safety.AlertEscalations>();
        services.AddScoped<Cover.CoverGrants>();
        services.AddScoped<Safety.OverdueReviewAlerts>();
        services.AddScoped<ProtectiveOrders.ProtectiveOrderReminders>();
        services.AddScoped<ProtectiveOrders.PossibleBreaches>();
        services.AddScoped<Core.TreatmentPlans.IMeasureScores, Measures.MeasureGoalScores>();
        services.AddScoped<TreatmentPlans.GoalEvidenceQuery>();
        services.AddScoped<CheckIns.UnsafeAlerts>();
        services.AddScoped<Measures.MeasureScoresQuery>();
        services.AddScoped<CheckIns.CheckInPeopleQuery>();
        services.AddScoped<Measures.MeasureSubmissions>();
        services.AddScoped<Measures.DueMeasures>();
        services.AddScoped<Incidents.IncidentLog>();

        services.AddScoped<Reports.ProgressReports>();
        // Check-in numbers for progress reports; never journal text.
        services.AddScoped<Core.Reports.IReportCheckInSource, CheckIns.CheckInReportSource>();
        services.AddSingleton(_ => new Reports.Pdf.PdfReportWriter(configuration["ClinicPortal:Reports:FontDirectory"]));
        // Incident attachments (sanitised, sealed) and the chronological export.
        services.AddSingleton<Incidents.AttachmentVault>();
        services.AddScoped<Incidents.IncidentAttachments>();
        services.AddScoped<Incidents.IncidentExports>();
        services.AddSingleton(_ => new Incidents.IncidentExportWriter(configuration["ClinicPortal:Reports:FontDirectory"]));

        services.AddOptions<MailOptions>().Bind(configuration.GetSection("ClinicPortal:Mail")).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MailOptions>, MailOptionsValidation>();
        services.PostConfigure<MailOptions>(o =>
        {
            if (string.IsNullOrWhiteSpace(o.PickupDirectory)) o.PickupDirectory = Path.Combine(dataRoot, "mail");
        });
        services.AddSingleton<IEmailSender, SmtpEmailSender>();

        services.Configure<OutboxOptions>(configuration.GetSection("ClinicPortal:Outbox"));
        services.AddSingleton<OutboxStore>();
        services.AddScoped<SessionReminders>();
        services.AddScoped<Messages.MessageNotices>();
        services.AddScoped<Clients.TransferNotices>();
        services.AddScoped<Messages.SecureThread>();
        services.AddSingleton<ContactSafety.ContactSafetyGate>();
        services.AddSingleton<Safety.CrisisResourceCache>();
        services.AddScoped<ContactSafety.HeldMessages>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton<CheckInPromptPlanner>();
        services.AddClinicJobs(configuration, connectionString);
        return services;
    }
}
