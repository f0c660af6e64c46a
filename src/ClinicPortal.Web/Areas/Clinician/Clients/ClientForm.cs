using ClinicPortal.Core.Clients;
using ClinicPortal.Web.Mvc;

namespace ClinicPortal.Web.Areas.Clinician.Clients;

/// <summary>The client details form. Validation lives in <see cref="Client"/>; this only carries the fields.</summary>
public sealed class ClientForm : IVersionedForm
{
    public uint Version { get; set; }
    public string? FullName { get; set; }
    public string? PreferredName { get; set; }
    public string? Pronouns { get; set; }
    public DateOnly? DateOfBirth { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? TimeZoneId { get; set; } = "America/Chicago";
    public DateOnly? IntakeDate { get; set; }
    public string? PresentingConcern { get; set; }

    public ClientDetails ToDetails() => new(FullName, PreferredName, Pronouns, DateOfBirth, Email, Phone, TimeZoneId, IntakeDate, PresentingConcern);

    public static ClientForm From(Client c) => new()
    {
        FullName = c.FullName, PreferredName = c.PreferredName, Pronouns = c.Pronouns, DateOfBirth = c.DateOfBirth, Email = c.Email,
        Phone = c.Phone, TimeZoneId = c.TimeZoneId, IntakeDate = c.IntakeDate, PresentingConcern = c.PresentingConcern,
    };

    /// <summary>Time zones offered in the form (any valid IANA id is accepted).</summary>
    public static readonly IReadOnlyList<string> CommonTimeZones =
    [
        "America/New_York", "America/Chicago", "America/Denver", "America/Phoenix", "America/Los_Angeles",
        "America/Anchorage", "Pacific/Honolulu", "America/Toronto", "America/Vancouver", "Europe/London", "Europe/Berlin", "Australia/Sydney", "UTC",
    ];
}
