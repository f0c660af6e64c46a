namespace ClinicPortal.Core.Email;

/// <summary>A plain-text message. Callers keep clinical content out of it: mail leaves the clinic.</summary>
/// <param name="MessageId">A stable id (e.g. the outbox key) so a re-sent message can be recognised as the same one.</param>
public sealed record EmailMessage(string To, string Subject, string Body, string? MessageId = null);

public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default);
}
