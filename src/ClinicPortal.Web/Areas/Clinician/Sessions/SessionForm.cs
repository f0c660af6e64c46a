using ClinicPortal.Core.Reminders;
using ClinicPortal.Core.Sessions;

namespace ClinicPortal.Web.Areas.Clinician.Sessions;

/// <summary>A session as typed: date and time in the clinic's time zone.</summary>
public sealed class SessionForm
{
    public DateOnly? Date { get; set; }
    public TimeOnly? Time { get; set; }
    public int DurationMinutes { get; set; } = 50;
    public SessionModality Modality { get; set; } = SessionModality.InPerson;
    public string? Location { get; set; }
}

public sealed record SessionRow(Guid Id, DateTimeOffset StartsAt, int DurationMinutes, SessionModality Modality, string? Location, SessionStatus Status);

public sealed record ClientSessionsPage(bool ReadOnly, IReadOnlyList<SessionRow> Sessions, SessionForm Form, TimeZoneInfo Zone,
    CheckInPromptSetting Prompt, Guid? EditingId = null);
