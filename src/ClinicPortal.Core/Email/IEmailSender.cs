namespace ClinicPortal.Core.Email;

/// <summary>A plain-text message. Callers keep clinical content out of it: mail leaves the clinic.</summary>
public sealed record EmailMessage(string To, string Subject, string Body);

public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default);
}
