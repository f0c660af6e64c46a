using ClinicPortal.Core.Clinics;
using ClinicPortal.Core.ContactSafety;
using ClinicPortal.Core.Reminders;
using Npgsql;
using NpgsqlTypes;

namespace ClinicPortal.Infrastructure.ContactSafety;

/// <summary>
/// The seam every message to a client passes just before it is sent, deciding with <see cref="ContactSafetyPolicy"/> from the
/// client's contact-safety profile. Queued messages: the outbox dispatcher decides from the profile read in the claiming
/// statement (<see cref="ContactProfileColumns"/>) and, unless it says send, calls <see cref="KeepBackAsync"/>; messages sent
/// at once (invitations, password resets) call <see cref="CheckNowAsync"/>, which records a held one in the outbox too.
/// Ids only: no message text passes here.
/// </summary>
public sealed class ContactSafetyGate(NpgsqlDataSource dataSource, TimeProvider clock)
{
    /// <summary>
    /// Records a decision other than "send" on an outbox row this instance has claimed: held for good ("held: contact
    /// not safe"), or back in the queue until the client's safe window opens (a deferral is not a failed attempt).
    /// </summary>
    public async Task KeepBackAsync(Guid messageId, string claimedBy, ContactDecision decision, CancellationToken ct)
    {
        if (decision.Sends) throw new ArgumentException("Only a hold or a deferral is kept back.", nameof(decision));
        await using var cmd = dataSource.CreateCommand(decision.Verdict == ContactVerdict.Hold
            ? "UPDATE outbox_messages SET status = @held, hold_reason = @reason, last_error = NULL WHERE id = @id AND status = @sending AND claimed_by = @me"
            : "UPDATE outbox_messages SET status = @pending, next_attempt_at = @until, attempts = greatest(attempts - 1, 0) WHERE id = @id AND status = @sending AND claimed_by = @me");
        cmd.Parameters.AddWithValue("held", (int)OutboxStatus.Held);
        cmd.Parameters.AddWithValue("pending", (int)OutboxStatus.Pending);
        cmd.Parameters.AddWithValue("sending", (int)OutboxStatus.Sending);
        cmd.Parameters.Add(new NpgsqlParameter("reason", NpgsqlDbType.Integer) { Value = (object?)(int?)decision.Reason ?? DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter("until", NpgsqlDbType.TimestampTz) { Value = (object?)decision.NotBefore ?? DBNull.Value });
        cmd.Parameters.AddWithValue("id", messageId);
        cmd.Parameters.AddWithValue("me", claimedBy);
        // CancellationToken.None: like the dispatcher's own outcome, a decision once taken is recorded.
        await cmd.ExecuteNonQueryAsync(CancellationToken.None);
    }

    /// <summary>
    /// For a message sent at once rather than queued: the decision now. A message that would have to wait is held
    /// too (someone is waiting for it now), and every hold is recorded in the outbox for the clinician and administrators.
    /// </summary>
    public async Task<ContactDecision> CheckNowAsync(Guid clientId, OutboxKind kind, CancellationToken ct)
    {
        var (permissions, zone) = await LoadAsync(clientId, ct);
        var decision = ContactSafetyPolicy.Decide(kind, permissions, clock.GetUtcNow(), zone);
        if (decision.Sends) return decision;
        var held = OutboxMessage.RecordHeld(kind, clientId, decision.Reason ?? HoldReason.OutsideSafeTimes, clock.GetUtcNow());
        await using var cmd = dataSource.CreateCommand("""
            INSERT INTO outbox_messages (id, key, kind, client_id, due_at, status, attempts, next_attempt_at, hold_reason, created_at)
            VALUES (@id, @key, @kind, @client, @at, @status, 0, @at, @reason, @at)
            """);
        cmd.Parameters.AddWithValue("id", held.Id);
        cmd.Parameters.AddWithValue("key", held.Key);
        cmd.Parameters.AddWithValue("kind", (int)held.Kind);
        cmd.Parameters.AddWithValue("client", clientId);
        cmd.Parameters.AddWithValue("at", held.CreatedAt);
        cmd.Parameters.AddWithValue("status", (int)held.Status);
        cmd.Parameters.AddWithValue("reason", (int)held.HoldReason!.Value);
        await cmd.ExecuteNonQueryAsync(ct);
        return ContactDecision.Hold(held.HoldReason.Value);
    }

    private async Task<(ContactPermissions? Permissions, TimeZoneInfo Zone)> LoadAsync(Guid clientId, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand($"""
            SELECT c.time_zone_id, {ContactProfileColumns.Of("p")}
              FROM clients c LEFT JOIN contact_safety_profiles p ON p.client_id = c.id
             WHERE c.id = @client
            """);
        cmd.Parameters.AddWithValue("client", clientId);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct)) throw new InvalidOperationException($"Client {clientId} not found");
        return (ContactProfileColumns.Read(r, 1), ClinicTime.Zone(r.GetString(0), TimeZoneInfo.Utc));
    }
}
