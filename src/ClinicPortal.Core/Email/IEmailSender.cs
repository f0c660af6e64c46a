namespace ClinicPortal.Core.Email;

/// <summary>A plain-text message. Callers keep clinical content out of it: mail leaves the clinic.</summary>
/// <param name="MessageId">A stable id (e.g. the outbox key) so a re-sent message can be recognised as the same one.</param>
/// <param name="SenderName">The display name of the sender (the clinic's discreet setting); null keeps the configured one.</param>
public sealed record EmailMessage(string To, string Subject, string Body, string? MessageId = null, string? SenderName = null);

/// <summary>
/// Sends mail. Every failure surfaces as a <see cref="MailDeliveryException"/> that says whether a later
/// try can succeed, so callers never depend on the mail library.
/// </summary>
public interface IEmailSender
{
    /// <summary>Sends one message on a connection of its own.</summary>
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default);

    /// <summary>Starts a run of messages that share one connection (opened by the first send, closed on dispose).</summary>
    IMailBatch StartBatch();
}

public interface IMailBatch : IAsyncDisposable
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default);
}
