namespace ClinicPortal.Infrastructure.Email;

/// <summary>Where mail goes. With no SMTP host, messages are written as .eml files to the pickup folder.</summary>
public sealed class MailOptions
{
    public string From { get; set; } = "ClinicPortal <no-reply@clinicportal.local>";
    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 25;
    public bool EnableSsl { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string PickupDirectory { get; set; } = "";
}
