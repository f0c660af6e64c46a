using System.Net;
using System.Net.Mail;
using ClinicPortal.Core.Email;
using Microsoft.Extensions.Options;

namespace ClinicPortal.Infrastructure.Email;

/// <summary>Sends through System.Net.Mail: to an SMTP server when one is configured, else to a pickup folder.</summary>
public sealed class SmtpEmailSender(IOptions<MailOptions> options) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        var o = options.Value;
        var from = new MailAddress(o.From);
        // The clinic's discreet sender name replaces the configured one; the id's domain is the sender's, naming nothing else.
        using var mail = new MailMessage(message.SenderName is { } name ? new MailAddress(from.Address, name) : from, new MailAddress(message.To))
            { Subject = message.Subject, Body = message.Body, IsBodyHtml = false };
        if (message.MessageId is { } id) mail.Headers.Add("Message-ID", $"<{id}@{from.Host}>");
        using var smtp = o.SmtpHost is { Length: > 0 } host
            ? new SmtpClient(host, o.SmtpPort) { EnableSsl = o.EnableSsl, DeliveryMethod = SmtpDeliveryMethod.Network }
            : new SmtpClient { DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory, PickupDirectoryLocation = EnsureDirectory(o.PickupDirectory) };
        if (o.UserName is { Length: > 0 }) smtp.Credentials = new NetworkCredential(o.UserName, o.Password);
        await smtp.SendMailAsync(mail, cancellationToken);
    }

    private static string EnsureDirectory(string path)
    {
        Directory.CreateDirectory(path);
        return Path.GetFullPath(path);
    }
}
