using ClinicPortal.Infrastructure.Reminders;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClinicPortal.Infrastructure.Jobs;

public static class JobsSetup
{
    /// <summary>
    /// Hangfire on the app's PostgreSQL (schema <see cref="JobStorageSchema.Name"/>, installed by the
    /// migrator, not here) with two servers on this instance: the recurring jobs on "default" and the
    /// outbox batches on "outbox". The storage and job activator belong to this host, not to Hangfire's
    /// static globals, so several hosts in one process (the tests) never share them.
    /// </summary>
    public static IServiceCollection AddClinicJobs(this IServiceCollection services, IConfiguration configuration, string connectionString)
    {
        var outbox = configuration.GetSection("ClinicPortal:Outbox").Get<OutboxOptions>() ?? new OutboxOptions();
        var polling = JobSchedules.PollingInterval(outbox);
        var storageOptions = new PostgreSqlStorageOptions
        {
            SchemaName = JobStorageSchema.Name,
            PrepareSchemaIfNecessary = false,
            QueuePollInterval = polling, // workers on other instances notice new batches this fast; local ones at once
            InvisibilityTimeout = TimeSpan.FromMinutes(30),
        };
        services.AddSingleton<JobStorage>(_ => new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, storageOptions), storageOptions));
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((sp, c) => c
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new HostLogProvider(sp.GetRequiredService<ILoggerFactory>())));

        var instance = JobServers.NewInstanceName();
        services.AddHangfireServer(o =>
        {
            o.ServerName = instance;
            o.Queues = [JobQueues.Default];
            o.WorkerCount = 2;
            o.SchedulePollingInterval = polling;
        });
        services.AddHangfireServer(o =>
        {
            o.ServerName = instance + "-outbox";
            o.Queues = [JobQueues.Outbox];
            o.WorkerCount = Math.Max(1, outbox.Parallelism);
            o.IsLightweightServer = true; // workers only: the schedulers run once per instance, above
        });
        services.AddSingleton(sp => new JobServers(sp.GetRequiredService<JobStorage>(), instance));
        services.AddHostedService<JobSchedules>();
        services.AddTransient<OutboxJobs>();
        services.AddTransient<CheckInPromptJob>();
        services.AddTransient<Safety.OverdueReviewJob>();
        services.AddTransient<HardDates.HardDatesRollJob>();
        services.AddTransient<Safety.AlertEscalationJob>();
        services.AddTransient<Measures.DueMeasuresJob>();
        return services;
    }
}
