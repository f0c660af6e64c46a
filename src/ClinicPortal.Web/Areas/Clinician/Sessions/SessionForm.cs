using ClinicPortal.Core.Sessions;
using ClinicPortal.Web.Mvc;

namespace ClinicPortal.Web.Areas.Clinician.Sessions;

/// <summary>A session as typed: date and time in the clinic's time zone.</summary>
public sealed class SessionForm : IVersionedForm
{
    public uint Version { get; set; }

    public DateOnly? Date { get; set; }
    public TimeOnly? Time { get; set; }
    public int DurationMinutes { get; set; } = 50;
    public SessionModality Modality { get; set; } = SessionModality.InPerson;
    public string? Location { get; set; }
    /// <summary>A video session's https link; the client sees it shortly before the start.</summary>
    public string? VideoLink { get; set; }
}
