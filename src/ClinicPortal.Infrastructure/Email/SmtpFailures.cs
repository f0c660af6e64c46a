using System.Net.Sockets;
using ClinicPortal.Core.Email;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace ClinicPortal.Infrastructure.Email;

/// <summary>
/// Sorts what MailKit throws into "try again later" and "this message will never go", with a reason an
/// administrator can act on. Anything not listed here is a bug and is left to propagate.
/// </summary>
internal static class SmtpFailures
{
    public static MailDeliveryException? Classify(Exception e, MailOptions o) => e switch
    {
        MailDeliveryException => null,
        SmtpCommandException c when (int)c.StatusCode >= 500 =>
            new(DeliveryFailure.Permanent, $"SMTP {(int)c.StatusCode}: {c.Message}", e),
        SmtpCommandException c => new(DeliveryFailure.Transient, $"SMTP {(int)c.StatusCode}: {c.Message}", e),
        AuthenticationException => new(DeliveryFailure.Transient, "The SMTP server refused the login (ClinicPortal:Mail:UserName / Password).", e),
        SslHandshakeException => new(DeliveryFailure.Transient, $"TLS with the SMTP server failed (ClinicPortal:Mail:Tls is {o.Tls}).", e),
        NotSupportedException when o.Tls == SmtpTls.StartTls => new(DeliveryFailure.Transient, "The SMTP server does not offer STARTTLS (ClinicPortal:Mail:Tls is StartTls).", e),
        SmtpProtocolException => new(DeliveryFailure.Transient, $"The SMTP conversation broke off: {e.Message}", e),
        ServiceNotConnectedException or ServiceNotAuthenticatedException => new(DeliveryFailure.Transient, e.Message, e),
        TimeoutException => new(DeliveryFailure.Transient, e.Message, e),
        SocketException s => new(DeliveryFailure.Transient, $"The SMTP server {o.SmtpHost}:{o.SmtpPort} cannot be reached ({s.SocketErrorCode}).", e),
        IOException => new(DeliveryFailure.Transient, $"The connection to the SMTP server {o.SmtpHost}:{o.SmtpPort} failed: {e.Message}", e),
        ParseException => new(DeliveryFailure.Permanent, "The recipient address cannot be used.", e),
        _ => null,
    };
}
