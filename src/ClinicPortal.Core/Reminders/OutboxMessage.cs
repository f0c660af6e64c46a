namespace ClinicPortal.Core.Reminders;

/// <summary>
/// Every kind of message the outbox sends (<c>NewMessage</c>: a content-free "you have a new message"). A new kind is added here and so goes through ContactSafetyPolicy.
/// <see cref="UrgentAlert"/> goes to a clinician (<see cref="OutboxMessage.RecipientUserId"/>), never to the client; so do
/// <see cref="TransferNotice"/> (to the clinician a client was transferred from) and <see cref="ReachNotice"/> (to the other
/// administrators, see <see cref="Clients.AdministratorReach"/>).
/// </summary>
public enum OutboxKind { SessionReminder = 0, CheckInPrompt = 1, Invitation = 2, PasswordReset = 3, NewMessage = 4, ClientReminder = 5, UrgentAlert = 10, TransferNotice = 60, ReachNotice = 61, StaffReminder = 62 }

public static class OutboxKinds
{
    /// <summary>Messages to staff about a client: the client's contact-safety profile does not govern them.</summary>
    public static bool IsToStaff(OutboxKind kind) => kind is OutboxKind.UrgentAlert or OutboxKind.TransferNotice or OutboxKind.ReachNotice or OutboxKind.StaffReminder;
}

/// <summary><c>Held</c>: kept back by the client's contact-safety profile ("held: contact not safe"), for good.</summary>
public enum OutboxStatus { Pending = 0, Sending = 1, Sent = 2, Failed = 3, Cancelled = 4, Held = 5 }

/// <summary>
/// One email to be sent, keyed so it can never be queued twice (session + start + lead time, or
/// prompt + date). The text is built at send time and never stored: the row holds delivery state only.
/// </summary>
public sealed class OutboxMessage
{
    public const int KeyMax = 120, ErrorMax = 300;

    public Guid Id { get; private set; }
    public string Key { get; private set; } = "";
    public OutboxKind Kind { get; private set; }
    public Guid ClientId { get; private set; }
    public Guid? SessionId { get; private set; }
    /// <summary>For a message to staff: who gets it (the client is only what it is about). Null for messages to the client.</summary>
    public Guid? RecipientUserId { get; private set; }
    public DateTimeOffset DueAt { get; private set; }
    public OutboxStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public DateTimeOffset? ClaimedAt { get; private set; }
    public string? ClaimedBy { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public string? LastError { get; private set; }
    public ContactSafety.HoldReason? HoldReason { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    private OutboxMessage() { }

    public static OutboxMessage Queue(string key, OutboxKind kind, Guid clientId, Guid? sessionId, DateTimeOffset dueAt, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(), Key = key, Kind = kind, ClientId = clientId, SessionId = sessionId,
        DueAt = dueAt, NextAttemptAt = dueAt, Status = OutboxStatus.Pending, CreatedAt = now,
    };

    /// <summary>"You have an urgent alert": one per alert and recipient, due at once. It names neither the client nor the alert.</summary>
    public static OutboxMessage UrgentAlert(Guid alertId, Guid clientId, Guid recipientUserId, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(), Key = $"alert:{alertId:N}:{recipientUserId:N}", Kind = OutboxKind.UrgentAlert, ClientId = clientId,
        RecipientUserId = recipientUserId, DueAt = now, NextAttemptAt = now, Status = OutboxStatus.Pending, CreatedAt = now,
    };

    public const string EscalationKeyPrefix = "escalation:";

    /// <summary>The same notice when an unacknowledged alert is passed on (step 1: the backup, 2: the administrators), one per recipient.</summary>
    public static OutboxMessage Escalation(Guid alertId, Guid clientId, int step, Guid recipientUserId, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(), Key = $"{EscalationKeyPrefix}{alertId:N}:{step}:{recipientUserId:N}", Kind = OutboxKind.UrgentAlert, ClientId = clientId,
        RecipientUserId = recipientUserId, DueAt = now, NextAttemptAt = now, Status = OutboxStatus.Pending, CreatedAt = now,
    };

    /// <summary>The alert an escalation notice's key names, or null for any other key.</summary>
    public static Guid? AlertIdOfEscalation(string key) =>
        key.StartsWith(EscalationKeyPrefix, StringComparison.Ordinal) && key.Length >= EscalationKeyPrefix.Length + 32 && Guid.TryParseExact(key.AsSpan(EscalationKeyPrefix.Length, 32), "N", out var id) ? id : null;

    /// <summary>A content-free notice to a staff member about a transfer (<see cref="OutboxKind.TransferNotice"/> or <see cref="OutboxKind.ReachNotice"/>), one per transfer and recipient.</summary>
    public static OutboxMessage TransferNoticeTo(OutboxKind kind, Guid transferId, Guid clientId, Guid recipientUserId, DateTimeOffset now)
    {
        if (kind is not (OutboxKind.TransferNotice or OutboxKind.ReachNotice)) throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a transfer notice");
        return new()
        {
            Id = Guid.NewGuid(), Key = $"{kind.ToString().ToLowerInvariant()}:{transferId:N}:{recipientUserId:N}", Kind = kind, ClientId = clientId,
            RecipientUserId = recipientUserId, DueAt = now, NextAttemptAt = now, Status = OutboxStatus.Pending, CreatedAt = now,
        };
    }

    /// <summary>
    /// "You have a reminder" to a clinician (<see cref="OutboxKind.StaffReminder"/>), one per reminder and recipient: the key names
    /// the reminder record, which is itself unique per what it reminds of, so a job run twice queues nothing more.
    /// </summary>
    public static OutboxMessage StaffReminderTo(Guid reminderId, Guid clientId, Guid recipientUserId, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(), Key = $"staff-reminder:{reminderId:N}:{recipientUserId:N}", Kind = OutboxKind.StaffReminder, ClientId = clientId,
        RecipientUserId = recipientUserId, DueAt = now, NextAttemptAt = now, Status = OutboxStatus.Pending, CreatedAt = now,
    };

    /// <summary>
    /// "You have a reminder" to the client (<see cref="OutboxKind.ClientReminder"/>), one per reminder record: its key names the
    /// record, which is unique per what it reminds of. Like every client message it passes the contact-safety policy at sending.
    /// </summary>
    public static OutboxMessage ClientReminderFor(Guid reminderId, Guid clientId, DateTimeOffset now) =>
        Queue($"client-reminder:{reminderId:N}", OutboxKind.ClientReminder, clientId, null, now, now);

    /// <summary>
    /// The record of a message that is sent at once rather than queued (an invitation) and that the client's
    /// contact-safety profile held back: it shows at /admin/outbox and to the clinician like a held reminder.
    /// </summary>
    public static OutboxMessage RecordHeld(OutboxKind kind, Guid clientId, ContactSafety.HoldReason reason, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(), Key = $"{kind.ToString().ToLowerInvariant()}:{Guid.NewGuid():N}", Kind = kind, ClientId = clientId,
        DueAt = now, NextAttemptAt = now, Status = OutboxStatus.Held, HoldReason = reason, CreatedAt = now,
    };

    /// <summary>A failed message goes back to the queue at once, with its attempt count reset.</summary>
    public void Retry(DateTimeOffset now)
    {
        if (Status != OutboxStatus.Failed) throw new Common.DomainRuleException("Only failed messages can be retried.");
        (Status, Attempts, NextAttemptAt, LastError) = (OutboxStatus.Pending, 0, now, null);
    }

    public void Cancel()
    {
        if (Status == OutboxStatus.Pending) Status = OutboxStatus.Cancelled;
    }
}
