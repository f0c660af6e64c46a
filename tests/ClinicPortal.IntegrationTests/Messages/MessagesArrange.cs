using ClinicPortal.Core.Caseload;
using ClinicPortal.Core.Messages;
using ClinicPortal.Core.Reminders;
using ClinicPortal.IntegrationTests.ClientCheckIns;
using ClinicPortal.Testing;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.IntegrationTests.Messages;

/// <summary>Thread messages straight in the database (system scope), and what the tests read back.</summary>
internal static class MessagesArrange
{
    public static async Task<SecureMessage> MessageAsync(ClinicAppFactory app, Guid clientId, bool fromClient, DateTimeOffset at, string body = "Arranged words")
    {
        await using var scope = app.SystemScope();
        var db = app.SystemDb(scope);
        var client = await db.Clients.SingleAsync(c => c.Id == clientId);
        var message = fromClient
            ? SecureMessage.FromTheClient(client.Id, client.IsReadOnly, client.UserId ?? Guid.NewGuid(), body, at)
            : SecureMessage.FromClinician(client, client.PrimaryClinicianId, body, at);
        db.Add(message);
        await db.SaveChangesAsync();
        return message;
    }

    public static Task MarkReadAsync(ClinicAppFactory app, Guid messageId, DateTimeOffset at) =>
        CheckInArrange.SqlAsync(app, $"UPDATE secure_messages SET read_at = {at} WHERE id = {messageId}");

    public static async Task<List<SecureMessage>> ThreadAsync(ClinicAppFactory app, Guid clientId)
    {
        await using var scope = app.SystemScope();
        return await app.SystemDb(scope).Set<SecureMessage>().AsNoTracking().Where(m => m.ClientId == clientId).OrderBy(m => m.SentAt).ToListAsync();
    }

    public static async Task<int> UnreadOnCaseloadAsync(ClinicAppFactory app, Guid clientId)
    {
        await using var scope = app.SystemScope();
        return await app.SystemDb(scope).Set<ClientSummary>().Where(s => s.ClientId == clientId).Select(s => s.UnreadMessages).SingleAsync();
    }

    public static async Task<List<OutboxMessage>> NoticesAsync(ClinicAppFactory app, Guid clientId)
    {
        await using var scope = app.SystemScope();
        return await app.SystemDb(scope).Set<OutboxMessage>().AsNoTracking().Where(m => m.ClientId == clientId && m.Kind == OutboxKind.NewMessage).ToListAsync();
    }
}
