using ClinicPortal.Infrastructure.Reminders;
using ClinicPortal.Infrastructure.Safety;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ClinicPortal.Infrastructure.Jobs;

/// <summary>
/// Every recurring job of the app, declared here and nowhere else. Each instance writes them at start
/// (idempotent) and removes recurring jobs that are no longer declared, so renaming one leaves no orphan.
/// </summary>
public sealed class JobSchedules(IRecurringJobManager recurring, JobStorage storage, IOptions<OutboxOptions> outbox) : IHostedService
{
    public const string OutboxDispatch = "outbox-dispatch";
    public const string CheckInPrompts = "check-in-prompts";
    public const string OverdueReviews = "safety-overdue-reviews";
    public const string AlertEscalation = "alert-escalation";
    public const string HardDatesRoll = "hard-dates-roll";
    public const string MeasureSchedules = "measure-schedules";
    public const string ProtectiveOrderReminders = "protective-order-reminders";

    public static readonly TimeSpan CheckInPromptInterval = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan OverdueReviewInterval = TimeSpan.FromMinutes(15);
    /// <summary>Unacknowledged imminent alerts are passed on at most this late.</summary>
    public static readonly TimeSpan AlertEscalationInterval = TimeSpan.FromMinutes(1);
    /// <summary>A passed hard date is moved on within this long after midnight (the database's date).</summary>
    public static readonly TimeSpan HardDatesRollInterval = TimeSpan.FromMinutes(30);
    /// <summary>Scheduled questionnaires open at most this late ("24 hours before a session" is a few minutes early at worst).</summary>
    public static readonly TimeSpan MeasureScheduleInterval = TimeSpan.FromMinutes(5);
    /// <summary>Reminders come days ahead: within half an hour of the clinic's midnight is soon enough.</summary>
    public static readonly TimeSpan ProtectiveOrderReminderInterval = TimeSpan.FromMinutes(30);

    /// <summary>The shortest interval above: Hangfire's schedulers must look at least this often.</summary>
    public static TimeSpan PollingInterval(OutboxOptions o) => TimeSpan.FromSeconds(Math.Clamp(o.PollSeconds, 1, 15));

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var utc = new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc };
        recurring.AddOrUpdate<OutboxJobs>(OutboxDispatch, JobQueues.Default, j => j.FanOutAsync(CancellationToken.None),
            Every(TimeSpan.FromSeconds(Math.Max(1, outbox.Value.PollSeconds))), utc);
        recurring.AddOrUpdate<CheckInPromptJob>(CheckInPrompts, JobQueues.Default, j => j.RunAsync(CancellationToken.None),
            Every(CheckInPromptInterval), utc);
        recurring.AddOrUpdate<OverdueReviewJob>(OverdueReviews, JobQueues.Default, j => j.RunAsync(CancellationToken.None),
            Every(OverdueReviewInterval), utc);
        recurring.AddOrUpdate<AlertEscalationJob>(AlertEscalation, JobQueues.Default, j => j.RunAsync(CancellationToken.None),
            Every(AlertEscalationInterval), utc);
        recurring.AddOrUpdate<HardDates.HardDatesRollJob>(HardDatesRoll, JobQueues.Default, j => j.RunAsync(CancellationToken.None),
            Every(HardDatesRollInterval), utc);
        recurring.AddOrUpdate<Measures.DueMeasuresJob>(MeasureSchedules, JobQueues.Default, j => j.RunAsync(CancellationToken.None),
            Every(MeasureScheduleInterval), utc);
        recurring.AddOrUpdate<ProtectiveOrders.ProtectiveOrderReminderJob>(ProtectiveOrderReminders, JobQueues.Default, j => j.RunAsync(CancellationToken.None),
            Every(ProtectiveOrderReminderInterval), utc);

        string[] declared = [OutboxDispatch, CheckInPrompts, OverdueReviews, AlertEscalation, HardDatesRoll, MeasureSchedules,
            ProtectiveOrderReminders];
        using var connection = storage.GetConnection();
        foreach (var stale in connection.GetRecurringJobs().Select(j => j.Id).Except(declared))
            recurring.RemoveIfExists(stale);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A cron expression (with seconds) for "every <paramref name="interval"/>", which must divide a minute or an hour.</summary>
    public static string Every(TimeSpan interval) => interval switch
    {
        { TotalSeconds: < 60 } s when 60 % (int)s.TotalSeconds == 0 => $"*/{(int)s.TotalSeconds} * * * * *",
        { TotalMinutes: < 60, Seconds: 0 } m when 60 % (int)m.TotalMinutes == 0 => $"0 */{(int)m.TotalMinutes} * * * *",
        _ => throw new ArgumentOutOfRangeException(nameof(interval), interval, "Use an interval that divides a minute or an hour (1, 2, 3, 5, 10, 15, 30 ...)."),
    };
}
