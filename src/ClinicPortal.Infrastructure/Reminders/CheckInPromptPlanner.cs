using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Reminders;
using Npgsql;

namespace ClinicPortal.Infrastructure.Reminders;

/// <summary>
/// Queues each enabled client's next weekly check-in prompt. Safe to run any number of times on any
/// number of instances: the outbox key (client + local date) lets a prompt be queued only once.
/// </summary>
public sealed class CheckInPromptPlanner(NpgsqlDataSource dataSource, OutboxStore outbox, TimeProvider clock)
{
    public async Task<int> PlanAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var due = new List<(Guid Client, string Key, DateTimeOffset At)>();
        await using (var read = dataSource.CreateCommand("""
            SELECT p.client_id, p.day, p.time, c.time_zone_id
              FROM check_in_prompt_settings p JOIN clients c ON c.id = p.client_id
             WHERE p.enabled AND c.status <> @discharged
            """))
        {
            read.Parameters.AddWithValue("discharged", (int)ClientStatus.Discharged);
            await using var r = await read.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                var zone = TimeZoneInfo.TryFindSystemTimeZoneById(r.GetString(3), out var z) ? z : TimeZoneInfo.Utc;
                var next = new CheckInPromptSchedule((DayOfWeek)r.GetInt32(1), r.GetFieldValue<TimeOnly>(2)).NextAfter(now, zone);
                var localDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(next, zone).DateTime);
                due.Add((r.GetGuid(0), ReminderPlan.PromptKey(r.GetGuid(0), localDate), next));
            }
        }

        return await outbox.QueuePromptsAsync(due, now, ct);
    }
}
