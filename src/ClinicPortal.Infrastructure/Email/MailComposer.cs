using ClinicPortal.Core.Email;
using MimeKit;

namespace ClinicPortal.Infrastructure.Email;

/// <summary>Turns an <see cref="EmailMessage"/> into the MIME message that is sent or written to the pickup folder.</summary>
internal static class MailComposer
{
    public static MimeMessage Compose(EmailMessage message, string from)
    {
        if (!MailboxAddress.TryParse(message.To, out var to) || string.IsNullOrEmpty(to.Address) || !to.Address.Contains('@'))
            throw new MailDeliveryException(DeliveryFailure.Permanent, $"The recipient address {message.To} cannot be used.");
        var mime = new MimeMessage
        {
            Subject = message.Subject,
            Body = new TextPart("plain") { Text = message.Body },
        };
        // The clinic's discreet sender name replaces the configured one.
        var sender = MailboxAddress.Parse(from);
        if (message.SenderName is { } name) sender = new MailboxAddress(name, sender.Address);
        mime.From.Add(sender);
        mime.To.Add(to);
        // The id keeps a repeat recognisable; its domain is the sender's, naming nothing else. ':' is not allowed in it.
        if (message.MessageId is { } id) mime.MessageId = $"{id.Replace(':', '.')}@{sender.Domain}";
        // 7-bit, short lines: the same bytes whether the message goes over SMTP or into the pickup folder.
        mime.Prepare(EncodingConstraint.SevenBit);
        return mime;
    }
}
