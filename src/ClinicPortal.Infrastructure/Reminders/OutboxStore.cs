using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Clinics;
using ClinicPortal.Core.ContactSafety;
using ClinicPortal.Core.Email;
using ClinicPortal.Core.Reminders;
using ClinicPortal.Core.Sessions;
using ClinicPortal.Infrastructure.ContactSafety;
using Npgsql;
using NpgsqlTypes;

namespace ClinicPortal.Infrastructure.Reminders;

/// <summary>A message claimed for sending, with what its text is built from (read in the claiming statement).</summary>
/// <remarks>
/// For a message to staff, <see cref="Email"/> is the recipient's and <see cref="RecipientActive"/> says whether their account still is.
/// <see cref="Contact"/> is the client's contact-safety profile (null when none is recorded), for <see cref="ContactSafetyPolicy"/>.
/// </remarks>
public sealed record ClaimedMessage(Guid Id, string Key, OutboxKind Kind, Guid ClientId, Guid? SessionId, int Attempts,
    string? Email, string? TimeZoneId, ClientStatus? ClientStatus, MessageWording Wording,
    DateTimeOffset? StartsAt, SessionModality? Modality, SessionStatus? SessionStatus, bool RecipientActive, string? VideoLink,
    ContactPermissions? Contact)
{
    /// <summary>The client's time zone, UTC when unknown.</summary>
    public TimeZoneInfo Zone => ClinicTime.Zone(TimeZoneId, TimeZoneInfo.Utc);
}

/// <summary>
/// Every SQL statement that works the outbox. A message is claimed in ONE statement (FOR UPDATE SKIP
/// LOCKED, so senders on any instance never take the same row), which also reads everything sending it
/// needs, the client's contact-safety profile included; its outcome is recorded only by the
/// sender that holds the claim. A claim older than the lease belongs to a sender that died and is taken again.
/// </summary>
public sealed class OutboxStore(NpgsqlDataSource dataSource)
{
    private const string Claimable = "((status = 0 AND next_attempt_at <= @now) OR (status = 1 AND claimed_at < @stale))";

    /// <summary>
    /// Claims the next due message, or the given one if it is due; null when there is none. Due rows come
    /// first, straight off the (status, next_attempt_at) index; a claim that has lapsed is taken only when
    /// none is due. (One OR-ed condition would make PostgreSQL read and sort every due row for each claim.)
    /// </summary>
    public async Task<ClaimedMessage?> ClaimAsync(string sender, DateTimeOffset now, TimeSpan lease, Guid? only, CancellationToken ct)
    {
        var one = only is null ? "" : "AND id = @only";
        await using var cmd = dataSource.CreateCommand($"""
            WITH due AS (
                SELECT id FROM outbox_messages
                 WHERE status = 0 AND next_attempt_at <= @now {one}
                 ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED),
            lapsed AS (
                SELECT id FROM outbox_messages
                 WHERE status = 1 AND claimed_at < @stale {one} AND NOT EXISTS (SELECT 1 FROM due)
                 LIMIT 1 FOR UPDATE SKIP LOCKED),
            claimed AS (
                UPDATE outbox_messages m SET status = 1, claimed_at = @now, claimed_by = @sender, attempts = m.attempts + 1
                 WHERE m.id IN (SELECT id FROM due UNION ALL SELECT id FROM lapsed)
                RETURNING m.id, m.key, m.kind, m.client_id, m.session_id, m.attempts, m.recipient_user_id)
            SELECT m.id, m.key, m.kind, m.client_id, m.session_id, m.attempts,
                   CASE WHEN m.recipient_user_id IS NULL THEN c.email ELSE u.email END, c.time_zone_id, c.status, cs.name, s.starts_at, s.modality, s.status,
                   cs.message_sender_name, cs.reminder_subject, cs.prompt_subject, cs.account_subject, cs.messages_name_clinic,
                   coalesce(u.is_active, true),
                   CASE WHEN cs.video_link_in_email AND s.modality = 1 THEN s.video_link END,
                   {ContactProfileColumns.Of("p")}
              FROM claimed m
              JOIN clinic_settings cs ON cs.id = 1
              LEFT JOIN clients c ON c.id = m.client_id
              LEFT JOIN sessions s ON s.id = m.session_id
              LEFT JOIN users u ON u.id = m.recipient_user_id
              LEFT JOIN contact_safety_profiles p ON p.client_id = m.client_id
            """);
        cmd.Parameters.AddWithValue("now", now);
        cmd.Parameters.AddWithValue("stale", now - lease);
        cmd.Parameters.AddWithValue("sender", sender);
        if (only is { } id) cmd.Parameters.AddWithValue("only", id);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct)) return null;
        return new ClaimedMessage(r.GetGuid(0), r.GetString(1), (OutboxKind)r.GetInt32(2), r.GetGuid(3), NullableGuid(r, 4), r.GetInt32(5),
            r.IsDBNull(6) ? null : r.GetString(6), r.IsDBNull(7) ? null : r.GetString(7), r.IsDBNull(8) ? null : (ClientStatus)r.GetInt32(8),
            new MessageWording(r.GetString(13), r.GetString(14), r.GetString(15), r.GetString(16), r.GetBoolean(17) ? r.GetString(9) : null),
            r.IsDBNull(10) ? null : r.GetFieldValue<DateTimeOffset>(10),
            r.IsDBNull(11) ? null : (SessionModality)r.GetInt32(11), r.IsDBNull(12) ? null : (SessionStatus)r.GetInt32(12), r.GetBoolean(18),
            r.IsDBNull(19) ? null : r.GetString(19), ContactProfileColumns.Read(r, 20));
    }

    /// <summary>Records the outcome, if this sender still holds the claim. Returns false when it had lost it.</summary>
    public async Task<bool> FinishAsync(Guid id, string sender, OutboxStatus status, string? error, DateTimeOffset? nextAttempt, DateTimeOffset now)
    {
        await using var cmd = dataSource.CreateCommand("""
            UPDATE outbox_messages
               SET status = @status, last_error = @error, next_attempt_at = coalesce(@next, next_attempt_at),
                   sent_at = CASE WHEN @status = 2 THEN @now ELSE sent_at END
             WHERE id = @id AND status = 1 AND claimed_by = @sender
            """);
        cmd.Parameters.AddWithValue("status", (int)status);
        cmd.Parameters.Add(new NpgsqlParameter("error", NpgsqlDbType.Varchar) { Value = (object?)error?[..Math.Min(error.Length, OutboxMessage.ErrorMax)] ?? DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter("next", NpgsqlDbType.TimestampTz) { Value = (object?)nextAttempt ?? DBNull.Value });
        cmd.Parameters.AddWithValue("now", now);
        cmd.Parameters.AddWithValue("id", id);
        cmd.Parameters.AddWithValue("sender", sender);
        // CancellationToken.None: once sent, the outcome must be recorded even if the host is stopping.
        return await cmd.ExecuteNonQueryAsync(CancellationToken.None) == 1;
    }

    /// <summary>How many messages could be claimed now (the fan-out sizes its batches by it).</summary>
    public async Task<int> CountClaimableAsync(DateTimeOffset now, TimeSpan lease, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand($"SELECT count(*) FROM outbox_messages WHERE {Claimable}");
        cmd.Parameters.AddWithValue("now", now);
        cmd.Parameters.AddWithValue("stale", now - lease);
        return (int)(long)(await cmd.ExecuteScalarAsync(ct))!;
    }

    /// <summary>Queues check-in prompts in one statement; the unique key makes a repeat add nothing. Returns how many were new.</summary>
    public async Task<int> QueuePromptsAsync(IReadOnlyList<(Guid Client, string Key, DateTimeOffset At)> due, DateTimeOffset now, CancellationToken ct)
    {
        if (due.Count == 0) return 0;
        await using var insert = dataSource.CreateCommand("""
            INSERT INTO outbox_messages (id, key, kind, client_id, due_at, status, attempts, next_attempt_at, created_at)
            SELECT gen_random_uuid(), d.key, @kind, d.client, d.at, 0, 0, d.at, @now
              FROM unnest(@clients, @keys, @ats) AS d(client, key, at)
            ON CONFLICT (key) DO NOTHING
            """);
        insert.Parameters.AddWithValue("kind", (int)OutboxKind.CheckInPrompt);
        insert.Parameters.AddWithValue("now", now);
        insert.Parameters.AddWithValue("clients", due.Select(d => d.Client).ToArray());
        insert.Parameters.AddWithValue("keys", due.Select(d => d.Key).ToArray());
        insert.Parameters.AddWithValue("ats", due.Select(d => d.At).ToArray());
        return await insert.ExecuteNonQueryAsync(ct);
    }

    private static Guid? NullableGuid(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetGuid(i);
}
