using System.Text.RegularExpressions;
using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Reminders;
using ClinicPortal.Core.Safety;
using ClinicPortal.Infrastructure.Safety;
using ClinicPortal.IntegrationTests.ContactSafety;
using ClinicPortal.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicPortal.IntegrationTests.Safety;

/// <summary>Safety data straight in the database (system scope), for arranging and asserting.</summary>
internal static class ArrangeSafety
{
    /// <summary>
    /// One pass of the escalation job at the clock's time. The recurring pass may hold the job lock (having read an
    /// earlier time); then this one tries again until it runs itself, rather than waiting a minute for the next recurring one.
    /// </summary>
    public static async Task EscalateAsync(ClinicAppFactory app)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await using (var scope = app.SystemScope())
                if (await scope.ServiceProvider.GetRequiredService<AlertEscalationJob>().RunAsync(CancellationToken.None)) return;
            Assert.True(DateTime.UtcNow < deadline, "The escalation job's lock stayed held for 30 s");
            await Task.Delay(100);
        }
    }

    public static async Task<SafetyConcern> ConcernAsync(ClinicAppFactory app, Client client, ConcernSeverity severity = ConcernSeverity.Moderate,
        string description = "Secret safety words", DateOnly? review = null, ConcernType type = ConcernType.Threats)
    {
        await using var scope = app.SystemScope();
        var db = app.SystemDb(scope);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var concern = SafetyConcern.Record(client.Id, new SafetyConcernDetails(type, null, severity, ConcernStatus.Open, today.AddDays(-5), null,
            "Ex-partner", description, review ?? today.AddDays(7), null), client.PrimaryClinicianId, today, DateTimeOffset.UtcNow);
        db.Add(concern);
        await db.SaveChangesAsync();
        return concern;
    }

    public static async Task<ClinicianAlert> AlertAsync(ClinicAppFactory app, Client client, ConcernSeverity severity, Guid? concernId = null)
    {
        await using var scope = app.SystemScope();
        var db = app.SystemDb(scope);
        var alert = ClinicianAlert.Raise(client.Id, concernId is null ? AlertKind.ClientFeelsUnsafe : AlertKind.ConcernRaised, severity, DateTimeOffset.UtcNow, concernId);
        db.Add(alert);
        await db.SaveChangesAsync();
        return alert;
    }

    public static async Task<List<ClinicianAlert>> AlertsAsync(ClinicAppFactory app, Guid clientId)
    {
        await using var scope = app.SystemScope();
        return await app.SystemDb(scope).Set<ClinicianAlert>().Where(a => a.ClientId == clientId).OrderBy(a => a.RaisedAt).ToListAsync();
    }

    public static async Task<SafetyConcern> ReloadAsync(ClinicAppFactory app, Guid concernId)
    {
        await using var scope = app.SystemScope();
        return await app.SystemDb(scope).Set<SafetyConcern>().Include(c => c.Actions).Include(c => c.Changes).SingleAsync(c => c.Id == concernId);
    }

    /// <summary>Every message in the pickup folder so far, newest last, as readable text (headers and decoded body).</summary>
    public static List<string> Mail(ClinicAppFactory app) =>
        ReceivedMail.InFolder(app.MailDirectory, "*.eml").Select(m => m.Text).ToList();

    /// <summary>The "urgent alert" outbox rows about a client (mail to staff), oldest first.</summary>
    public static async Task<List<OutboxMessage>> AlertMailRowsAsync(ClinicAppFactory app, Guid clientId)
    {
        await using var scope = app.SystemScope();
        return await app.SystemDb(scope).Set<OutboxMessage>().Where(m => m.ClientId == clientId && m.Kind == OutboxKind.UrgentAlert)
            .OrderBy(m => m.CreatedAt).ToListAsync();
    }

    /// <summary>
    /// Waits until exactly <paramref name="count"/> alert messages about the client are queued and every one is sent (the
    /// outbox is the ledger), then returns the mail that arrived since <paramref name="before"/>.
    /// </summary>
    public static async Task<List<string>> AlertMailAsync(ClinicAppFactory app, Guid clientId, int count, IReadOnlyCollection<string> before)
    {
        await MessageArrange.WaitForAsync(app, async db =>
        {
            var rows = await db.Set<OutboxMessage>().Where(m => m.ClientId == clientId && m.Kind == OutboxKind.UrgentAlert).ToListAsync();
            return rows.Count == count && rows.All(r => r.Status == OutboxStatus.Sent);
        }, $"{count} alert message(s) sent");
        return Mail(app).Except(before).ToList();
    }
}
