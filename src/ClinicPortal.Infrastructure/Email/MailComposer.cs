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
        mime.From.Add(MailboxAddress.Parse(from));
        mime.To.Add(to);
        // The outbox key keeps a repeat recognisable; ':' is not allowed in a Message-ID, so it becomes '.'.
        if (message.MessageId is { } id) mime.MessageId = $"{id.Replace(':', '.')}@clinicportal";
        // 7-bit, short lines: the same bytes whether the message goes over SMTP or into the pickup folder.
        mime.Prepare(EncodingConstraint.SevenBit);
        return mime;
    }
}
