using Microsoft.Extensions.Options;

namespace ClinicPortal.Infrastructure.Email;

/// <summary>How the SMTP connection is secured.</summary>
public enum SmtpTls
{
    /// <summary>Plain SMTP: only for a relay on the same host or a trusted network.</summary>
    None,
    /// <summary>Connect in plain text, then upgrade with STARTTLS (usually port 587); fails if the server does not offer it.</summary>
    StartTls,
    /// <summary>TLS from the first byte (implicit TLS, usually port 465).</summary>
    SslOnConnect,
}

/// <summary>Where mail goes (ClinicPortal:Mail). With no SMTP host, messages are written as .eml files to the pickup folder.</summary>
public sealed class MailOptions
{
    public string From { get; set; } = "ClinicPortal <no-reply@clinicportal.local>";
    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 25;
    public SmtpTls Tls { get; set; } = SmtpTls.None;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    /// <summary>Limit for opening the connection (TCP, greeting, TLS, login).</summary>
    public int ConnectTimeoutSeconds { get; set; } = 15;
    /// <summary>Limit for each SMTP command once connected.</summary>
    public int CommandTimeoutSeconds { get; set; } = 30;
    public string PickupDirectory { get; set; } = "";

    /// <summary>The setting this one replaced; still read so that a configuration using it fails loudly instead of sending in clear text.</summary>
    public bool? EnableSsl { get; set; }
}

/// <summary>Refuses settings that cannot work, at start-up rather than at the first reminder.</summary>
public sealed class MailOptionsValidation : IValidateOptions<MailOptions>
{
    public ValidateOptionsResult Validate(string? name, MailOptions o)
    {
        var errors = new List<string>();
        if (o.EnableSsl is not null)
            errors.Add("ClinicPortal:Mail:EnableSsl is no longer read: set ClinicPortal:Mail:Tls to None, StartTls or SslOnConnect.");
        if (o.SmtpPort is < 1 or > 65535) errors.Add("ClinicPortal:Mail:SmtpPort must be between 1 and 65535.");
        if (o.ConnectTimeoutSeconds < 1 || o.CommandTimeoutSeconds < 1) errors.Add("ClinicPortal:Mail timeouts must be at least 1 second.");
        if (!MimeKit.MailboxAddress.TryParse(o.From, out _)) errors.Add("ClinicPortal:Mail:From is not a valid address.");
        if (o.UserName is { Length: > 0 } && o.Tls == SmtpTls.None && !IsLoopback(o.SmtpHost))
            errors.Add("ClinicPortal:Mail:UserName is set but Tls is None: the password would cross the network in clear text. Set ClinicPortal:Mail:Tls.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool IsLoopback(string? host) =>
        host is "localhost" || (System.Net.IPAddress.TryParse(host, out var ip) && System.Net.IPAddress.IsLoopback(ip));
}
