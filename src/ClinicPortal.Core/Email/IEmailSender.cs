namespace ClinicPortal.Core.Email;

/// <summary>A plain-text message. Callers keep clinical content out of it: mail leaves the clinic.</summary>
/// <param name="MessageId">A stable id (e.g. the outbox key) so a re-sent message can be recognised as the same one.</param>
/// <param name="SenderName">The display name of the sender (the clinic's discreet setting); null keeps the configured one.</param>
public sealed record EmailMessage(string To, string Subject, string Body, string? MessageId = null, string? SenderName = null);

public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default);
}
