using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Reminders;
using ClinicPortal.Core.Sessions;
using ClinicPortal.Infrastructure.Database;

namespace ClinicPortal.Web.Demo;

/// <summary>Weekly past sessions (mostly completed, one no-show, one cancelled) and two upcoming ones with their reminders.</summary>
public static class DemoSessions
{
    public static void AddFor(ClinicDbContext db, Client client, int index, DateTimeOffset now)
    {
        // Each client has their own hour so the two clinicians' diaries never clash.
        var slot = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddHours(14 + index);
        var weeksInCare = Math.Max(1, (now.UtcDateTime.Date - client.IntakeDate.ToDateTime(TimeOnly.MinValue)).Days / 7);
        for (var week = Math.Min(weeksInCare, 10); week >= 1; week--)
        {
            var session = TherapySession.Schedule(client.Id, client.PrimaryClinicianId, slot.AddDays(-7 * week), 50,
                week % 3 == 0 ? SessionModality.Video : SessionModality.InPerson, week % 3 == 0 ? "https://video.example.test/room" : "Room 2", now);
            if (week == 2) session.MarkNoShow(now);
            else if (week == 4) session.Cancel(now);
            else session.MarkCompleted(now);
            db.Add(session);
        }
        foreach (var days in new[] { 2, 9 })
        {
            var upcoming = TherapySession.Schedule(client.Id, client.PrimaryClinicianId, slot.AddDays(days), 50, SessionModality.Video,
                "https://video.example.test/room", now);
            db.Add(upcoming);
            foreach (var r in ReminderPlan.ForSession(upcoming, ReminderPlan.DefaultLeadMinutes, now))
                db.Add(OutboxMessage.Queue(r.Key, OutboxKind.SessionReminder, client.Id, upcoming.Id, r.DueAt, now));
        }
    }
}
