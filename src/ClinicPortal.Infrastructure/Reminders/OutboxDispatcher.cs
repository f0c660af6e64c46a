using System.Net.Mail;
using System.Net.Sockets;
using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Email;
using ClinicPortal.Infrastructure.ContactSafety;
using ClinicPortal.Core.Reminders;
using ClinicPortal.Core.Sessions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace ClinicPortal.Infrastructure.Reminders;

/// <summary>
/// Sends due outbox messages. Each message is claimed in ONE statement (FOR UPDATE SKIP LOCKED, so
/// instances never take the same row), sent, then recorded as sent, retried with backoff, or failed
/// with a reason. A row left "sending" by an instance that died is claimed again after the lease:
/// delivery is at-least-once only in that instant, and the stable Message-ID marks such a repeat.
/// </summary>
public sealed class OutboxDispatcher(NpgsqlDataSource dataSource, IEmailSender mail, ContactSafetyGate contactSafety, TimeProvider clock,
    IOptions<OutboxOptions> options, ILogger<OutboxDispatcher> logger)
{
    private readonly string _instance = $"{Environment.ProcessId}:{Guid.NewGuid():N}:{Environment.MachineName}" is var id && id.Length > 100 ? id[..100] : id;

    private sealed record Claimed(Guid Id, string Key, OutboxKind Kind, Guid ClientId, Guid? SessionId, int Attempts);

    private sealed record Details(string? Email, string TimeZoneId, ClientStatus ClientStatus, MessageWording Wording,
        DateTimeOffset? StartsAt, SessionModality? Modality, SessionStatus? SessionStatus);

    private readonly SemaphoreSlim _oneRunAtATime = new(1, 1);

    /// <summary>
    /// Sends what is due now; returns how many messages were sent. One run at a time per instance;
    /// other instances run alongside, and the row claims keep them apart.
    /// </summary>
    public async Task<int> DispatchDueAsync(CancellationToken ct)
    {
        if (!await _oneRunAtATime.WaitAsync(0, ct)) return 0;
        try
        {
            return await DispatchAsync(ct);
        }
        finally
        {
            _oneRunAtATime.Release();
        }
    }

    private async Task<int> DispatchAsync(CancellationToken ct)
    {
        var o = options.Value;
        var budget = o.BatchSize;
        var sent = 0;
        await Task.WhenAll(Enumerable.Range(0, Math.Max(1, o.Parallelism)).Select(async _ =>
        {
            while (!ct.IsCancellationRequested && Interlocked.Decrement(ref budget) >= 0)
            {
                var claimed = await ClaimAsync(ct);
                if (claimed is null) return;
                if (await DeliverAsync(claimed, ct)) Interlocked.Increment(ref sent);
            }
        }));
        return sent;
    }

    private async Task<Claimed?> ClaimAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var cmd = dataSource.CreateCommand("""
            UPDATE outbox_messages SET status = 1, claimed_at = @now, claimed_by = @me, attempts = attempts + 1
             WHERE id = (SELECT id FROM outbox_messages
                          WHERE (status = 0 AND next_attempt_at <= @now) OR (status = 1 AND claimed_at < @stale)
                          ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING id, key, kind, client_id, session_id, attempts
            """);
        cmd.Parameters.AddWithValue("now", now);
        cmd.Parameters.AddWithValue("stale", now.AddSeconds(-options.Value.LeaseSeconds));
        cmd.Parameters.AddWithValue("me", _instance);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct)) return null;
        return new Claimed(r.GetGuid(0), r.GetString(1), (OutboxKind)r.GetInt32(2), r.GetGuid(3), r.IsDBNull(4) ? null : r.GetGuid(4), r.GetInt32(5));
    }

    private async Task<bool> DeliverAsync(Claimed m, CancellationToken ct)
    {
        var d = await LoadAsync(m, ct);
        var now = clock.GetUtcNow();
        if (d is null || d.ClientStatus == ClientStatus.Discharged || (m.Kind == OutboxKind.SessionReminder && !StillWanted(m, d, now)))
        {
            await FinishAsync(m, OutboxStatus.Cancelled, null, null, ct);
            return false;
        }
        if (d.Email is null || !Client.IsValidEmail(d.Email))
        {
            await FinishAsync(m, OutboxStatus.Failed, "The client has no valid email address.", null, ct);
            return false;
        }
        // The client's contact-safety profile has the last word, just before sending: held, or wait for a safe time.
        var safety = await contactSafety.DecideAsync(m.ClientId, m.Kind, d.StartsAt, ct);
        if (!safety.Sends)
        {
            await contactSafety.KeepBackAsync(m.Id, _instance, safety, ct);
            return false;
        }

        try
        {
            await mail.SendAsync(Compose(m, d), ct);
        }
        catch (Exception e) when (e is SmtpException or IOException or SocketException or InvalidOperationException)
        {
            var reason = e is SmtpException smtp ? $"SMTP {(int)smtp.StatusCode}: {smtp.Message}" : $"{e.GetType().Name}: {e.Message}";
            if (m.Attempts >= options.Value.MaxAttempts)
                await FinishAsync(m, OutboxStatus.Failed, $"Gave up after {m.Attempts} attempts. {reason}", null, ct);
            else
                await FinishAsync(m, OutboxStatus.Pending, reason, now + ReminderPlan.Backoff(m.Attempts, TimeSpan.FromSeconds(options.Value.RetryBaseSeconds)), ct);
            logger.LogWarning("Outbox message {Id} not sent (attempt {Attempt}): {Reason}", m.Id, m.Attempts, reason);
            return false;
        }

        await FinishAsync(m, OutboxStatus.Sent, null, null, ct);
        return true;
    }

    /// <summary>A reminder goes out only for a session still scheduled at the time it was planned for, and not yet started.</summary>
    private static bool StillWanted(Claimed m, Details d, DateTimeOffset now) =>
        d.SessionStatus == SessionStatus.Scheduled && d.StartsAt is { } start && start > now
        && int.TryParse(m.Key[(m.Key.LastIndexOf(':') + 1)..], out var lead)
        && m.Key == ReminderPlan.SessionKey(m.SessionId!.Value, start, lead);

    /// <summary>Minimum content on purpose, in the clinic's discreet wording: a time, a format, a link. No names, notes or reasons.</summary>
    private EmailMessage Compose(Claimed m, Details d)
    {
        var signIn = $"{options.Value.PublicBaseUrl.TrimEnd('/')}/account/sign-in";
        if (m.Kind == OutboxKind.CheckInPrompt) return DiscreetMessages.CheckInPrompt(d.Wording, d.Email!, signIn, m.Key);
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(d.TimeZoneId, out var z) ? z : TimeZoneInfo.Utc;
        return DiscreetMessages.SessionReminder(d.Wording, d.Email!, d.StartsAt!.Value, zone, d.Modality!.Value, signIn, m.Key);
    }

    private async Task<Details?> LoadAsync(Claimed m, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand("""
            SELECT c.email, c.time_zone_id, c.status, s.starts_at, s.modality, s.status,
                   cs.message_sender_name, cs.reminder_subject, cs.prompt_subject, cs.account_subject, cs.messages_name_clinic, cs.name
              FROM clients c
              JOIN clinic_settings cs ON cs.id = 1
              LEFT JOIN sessions s ON s.id = @session
             WHERE c.id = @client
            """);
        cmd.Parameters.AddWithValue("client", m.ClientId);
        cmd.Parameters.Add(new NpgsqlParameter("session", NpgsqlDbType.Uuid) { Value = (object?)m.SessionId ?? DBNull.Value });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct)) return null;
        var wording = new MessageWording(r.GetString(6), r.GetString(7), r.GetString(8), r.GetString(9), r.GetBoolean(10) ? r.GetString(11) : null);
        return new Details(r.IsDBNull(0) ? null : r.GetString(0), r.GetString(1), (ClientStatus)r.GetInt32(2), wording,
            r.IsDBNull(3) ? null : r.GetFieldValue<DateTimeOffset>(3), r.IsDBNull(4) ? null : (SessionModality)r.GetInt32(4),
            r.IsDBNull(5) ? null : (SessionStatus)r.GetInt32(5));
    }

    private async Task FinishAsync(Claimed m, OutboxStatus status, string? error, DateTimeOffset? nextAttempt, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand("""
            UPDATE outbox_messages
               SET status = @status, last_error = @error, next_attempt_at = coalesce(@next, next_attempt_at),
                   sent_at = CASE WHEN @status = 2 THEN @now ELSE sent_at END
             WHERE id = @id AND status = 1 AND claimed_by = @me
            """);
        cmd.Parameters.AddWithValue("status", (int)status);
        cmd.Parameters.Add(new NpgsqlParameter("error", NpgsqlDbType.Varchar) { Value = (object?)error?[..Math.Min(error.Length, OutboxMessage.ErrorMax)] ?? DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter("next", NpgsqlDbType.TimestampTz) { Value = (object?)nextAttempt ?? DBNull.Value });
        cmd.Parameters.AddWithValue("now", clock.GetUtcNow());
        cmd.Parameters.AddWithValue("id", m.Id);
        cmd.Parameters.AddWithValue("me", _instance);
        // CancellationToken.None: once sent, the outcome must be recorded even if the host is stopping.
        await cmd.ExecuteNonQueryAsync(CancellationToken.None);
    }
}
