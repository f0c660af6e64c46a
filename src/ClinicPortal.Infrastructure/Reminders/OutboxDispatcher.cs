using ClinicPortal.Core.Clients;
using ClinicPortal.Core.ContactSafety;
using ClinicPortal.Core.Email;
using ClinicPortal.Infrastructure.ContactSafety;
using ClinicPortal.Core.Reminders;
using ClinicPortal.Core.Sessions;
using ClinicPortal.Infrastructure.Email;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClinicPortal.Infrastructure.Reminders;

/// <summary>
/// Sends due outbox messages: claims one at a time through <see cref="OutboxStore"/>, builds its text,
/// sends it, then records it as sent, to be retried (transient failure, with backoff) or failed (permanent
/// failure, or out of attempts) with the reason. A row left "sending" by an instance that died is claimed
/// again after the lease: only then can a message go out twice, and its stable Message-ID marks the repeat.
/// </summary>
public sealed class OutboxDispatcher(OutboxStore store, IEmailSender mail, ContactSafetyGate contactSafety, PortalLinks links, TimeProvider clock,
    IOptions<OutboxOptions> options, ILogger<OutboxDispatcher> logger)
{
    /// <summary>Who holds a claim: this instance, so a restarted one never mistakes an old claim for its own.</summary>
    public string Sender { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}" is var id && id.Length > 100 ? id[^100..] : id;

    /// <summary>
    /// Sends up to <see cref="OutboxOptions.BatchSize"/> due messages over one mail connection; returns how
    /// many were sent. Any number of batches run at once, on this instance and others.
    /// </summary>
    public async Task<int> SendBatchAsync(CancellationToken ct)
    {
        var sent = 0;
        await using var connection = mail.StartBatch();
        for (var i = 0; i < options.Value.BatchSize && !ct.IsCancellationRequested; i++)
        {
            var claimed = await store.ClaimAsync(Sender, clock.GetUtcNow(), Lease, null, ct);
            if (claimed is null) break;
            if (await DeliverAsync(claimed, connection, ct)) sent++;
        }
        return sent;
    }

    /// <summary>Sends one message if it is due and unclaimed (a delayed job at its due time); false otherwise.</summary>
    public async Task<bool> SendOneAsync(Guid messageId, CancellationToken ct) => await SendEachAsync([messageId], ct) == 1;

    /// <summary>
    /// Sends each of the given messages that is due and unclaimed, over one mail connection (opened only when one is
    /// claimed); returns how many were sent. For messages written together, such as one escalation pass's notices.
    /// </summary>
    public async Task<int> SendEachAsync(IReadOnlyList<Guid> messageIds, CancellationToken ct)
    {
        var sent = 0;
        await using var connection = mail.StartBatch();
        foreach (var id in messageIds)
            if (!ct.IsCancellationRequested && await store.ClaimAsync(Sender, clock.GetUtcNow(), Lease, id, ct) is { } claimed
                && await DeliverAsync(claimed, connection, ct)) sent++;
        return sent;
    }

    private TimeSpan Lease => TimeSpan.FromSeconds(options.Value.LeaseSeconds);

    private async Task<bool> DeliverAsync(ClaimedMessage m, IMailBatch connection, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (OutboxKinds.IsToStaff(m.Kind)) return await DeliverToStaffAsync(m, connection, ct);
        if (m.ClientStatus is null or ClientStatus.Discharged || (m.Kind == OutboxKind.SessionReminder && !StillWanted(m, now)))
        {
            await store.FinishAsync(m.Id, Sender, OutboxStatus.Cancelled, null, null, now);
            return false;
        }
        if (m.Email is null || !Client.IsValidEmail(m.Email))
        {
            await store.FinishAsync(m.Id, Sender, OutboxStatus.Failed, "The client has no valid email address.", null, now);
            return false;
        }
        // The client's contact-safety profile (read as the message was claimed) has the last word: held, or wait for a safe time.
        var safety = ContactSafetyPolicy.Decide(m.Kind, m.Contact, now, m.Zone, m.StartsAt);
        if (!safety.Sends)
        {
            await contactSafety.KeepBackAsync(m.Id, Sender, safety, ct);
            return false;
        }

        return await SendAsync(m, Compose(m), connection, ct);
    }

    /// <summary>
    /// Mail to a clinician or administrator about a client: the client's contact-safety profile is not theirs to obey, and an
    /// alert about a client discharged since stays worth reading. A deactivated account gets nothing.
    /// </summary>
    private async Task<bool> DeliverToStaffAsync(ClaimedMessage m, IMailBatch connection, CancellationToken ct)
    {
        if (!m.RecipientActive)
        {
            await store.FinishAsync(m.Id, Sender, OutboxStatus.Cancelled, null, null, clock.GetUtcNow());
            return false;
        }
        if (m.Email is null || !Client.IsValidEmail(m.Email))
        {
            await store.FinishAsync(m.Id, Sender, OutboxStatus.Failed, "The staff member has no valid email address.", null, clock.GetUtcNow());
            return false;
        }
        return await SendAsync(m, ToStaff(m, m.Email), connection, ct);
    }

    /// <summary>Each kind of staff mail says only that something waits behind the sign-in.</summary>
    private EmailMessage ToStaff(ClaimedMessage m, string to) => m.Kind switch
    {
        OutboxKind.TransferNotice => DiscreetMessages.TransferNotice(m.Wording, to, links.SignIn, m.Key),
        OutboxKind.ReachNotice => DiscreetMessages.ReachNotice(m.Wording, to, links.SignIn, m.Key),
        OutboxKind.StaffReminder => DiscreetMessages.StaffReminder(m.Wording, to, links.SignIn, m.Key),
        _ => DiscreetMessages.UrgentAlert(m.Wording, to, links.SignIn, m.Key),
    };

    private async Task<bool> SendAsync(ClaimedMessage m, EmailMessage message, IMailBatch connection, CancellationToken ct)
    {
        try
        {
            await connection.SendAsync(message, ct);
        }
        catch (MailDeliveryException e)
        {
            var o = options.Value;
            var decision = ReminderPlan.AfterFailure(e.Failure, m.Attempts, o.MaxAttempts, TimeSpan.FromSeconds(o.RetryBaseSeconds), clock.GetUtcNow(), e.Message);
            await store.FinishAsync(m.Id, Sender, decision.Status, decision.Reason, decision.NextAttemptAt, clock.GetUtcNow());
            // The server's words can name the recipient: they go to the delivery view, not the log.
            logger.LogWarning("Outbox message {Id} not sent (attempt {Attempt}, {Failure})", m.Id, m.Attempts, e.Failure);
            return false;
        }

        if (!await store.FinishAsync(m.Id, Sender, OutboxStatus.Sent, null, null, clock.GetUtcNow()))
            logger.LogWarning("Outbox message {Id} was sent after its claim had lapsed; another sender may repeat it", m.Id);
        return true;
    }

    /// <summary>A reminder goes out only for a session still scheduled at the time it was planned for, and not yet started.</summary>
    private static bool StillWanted(ClaimedMessage m, DateTimeOffset now) =>
        m.SessionStatus == SessionStatus.Scheduled && m.StartsAt is { } start && start > now
        && int.TryParse(m.Key[(m.Key.LastIndexOf(':') + 1)..], out var lead)
        && m.Key == ReminderPlan.SessionKey(m.SessionId!.Value, start, lead);

    /// <summary>Minimum content on purpose, in the clinic's discreet wording: a time, a format, a link. No names, notes or reasons.</summary>
    private EmailMessage Compose(ClaimedMessage m)
    {
        if (m.Kind == OutboxKind.CheckInPrompt) return DiscreetMessages.CheckInPrompt(m.Wording, m.Email!, links.SignIn, m.Key);
        if (m.Kind == OutboxKind.NewMessage) return DiscreetMessages.NewMessage(m.Wording, m.Email!, links.SignIn, m.Key);
        if (m.Kind == OutboxKind.ClientReminder) return DiscreetMessages.ClientReminder(m.Wording, m.Email!, links.SignIn, m.Key);
        // The video link is read only when the clinic puts it in reminders (OutboxStore); the gate has already passed the message.
        return DiscreetMessages.SessionReminder(m.Wording, m.Email!, m.StartsAt!.Value, m.Zone, m.Modality!.Value, links.SignIn, m.Key, m.VideoLink);
    }
}
