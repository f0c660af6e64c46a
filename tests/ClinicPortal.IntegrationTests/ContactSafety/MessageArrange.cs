using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Reminders;
using ClinicPortal.Core.Sessions;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Testing;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.IntegrationTests.ContactSafety;

/// <summary>Due outbox messages straight in the database, and waiting on the database with a deadline.</summary>
internal static class MessageArrange
{
    /// <summary>A video session at <paramref name="startsAt"/> whose 2-hour reminder is due at <paramref name="due"/>.</summary>
    public static async Task<Guid> ReminderAsync(ClinicAppFactory app, Client client, DateTimeOffset startsAt, DateTimeOffset due)
    {
        await using var scope = app.SystemScope();
        var db = app.SystemDb(scope);
        var session = TherapySession.Schedule(client.Id, client.PrimaryClinicianId, startsAt, 50, SessionModality.Video, null, due.AddDays(-1));
        db.Add(session);
        var message = OutboxMessage.Queue(ReminderPlan.SessionKey(session.Id, startsAt, 120), OutboxKind.SessionReminder, client.Id, session.Id, due, due);
        db.Add(message);
        await db.SaveChangesAsync();
        return message.Id;
    }

    public static async Task<Guid> PromptAsync(ClinicAppFactory app, Guid clientId, DateTimeOffset due)
    {
        await using var scope = app.SystemScope();
        var db = app.SystemDb(scope);
        var message = OutboxMessage.Queue(ReminderPlan.PromptKey(clientId, DateOnly.FromDateTime(due.UtcDateTime)), OutboxKind.CheckInPrompt, clientId, null, due, due);
        db.Add(message);
        await db.SaveChangesAsync();
        return message.Id;
    }

    /// <summary>A new-message notice due at <paramref name="due"/> (the thread's message itself is not needed to send it).</summary>
    /// <summary>A client's "You have a reminder" (as the protective-order reminder job queues it), for a reminder record of its own.</summary>
    public static async Task<Guid> ClientReminderAsync(ClinicAppFactory app, Guid clientId, DateTimeOffset due)
    {
        await using var scope = app.SystemScope();
        var db = app.SystemDb(scope);
        var message = OutboxMessage.ClientReminderFor(Guid.NewGuid(), clientId, due);
        db.Add(message);
        await db.SaveChangesAsync();
        return message.Id;
    }

    public static async Task<Guid> NewMessageNoticeAsync(ClinicAppFactory app, Guid clientId, DateTimeOffset due)
    {
        await using var scope = app.SystemScope();
        var db = app.SystemDb(scope);
        var message = OutboxMessage.Queue(Infrastructure.Messages.MessageNotices.Key(Guid.NewGuid()), OutboxKind.NewMessage, clientId, null, due, due);
        db.Add(message);
        await db.SaveChangesAsync();
        return message.Id;
    }

    public static async Task<List<OutboxMessage>> RowsAsync(ClinicAppFactory app, Guid clientId)
    {
        await using var scope = app.SystemScope();
        return await app.SystemDb(scope).Set<OutboxMessage>().AsNoTracking().Where(m => m.ClientId == clientId).ToListAsync();
    }

    /// <summary>Polls the database until <paramref name="condition"/> holds; fails after the deadline.</summary>
    public static async Task WaitForAsync(ClinicAppFactory app, Func<ClinicDbContext, Task<bool>> condition, string what, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            await using (var scope = app.SystemScope())
                if (await condition(app.SystemDb(scope))) return;
            await Task.Delay(200);
        }
        Assert.Fail($"Not within {seconds} s: {what}");
    }
}
