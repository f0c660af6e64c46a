using ClinicPortal.Core.Reminders;
using ClinicPortal.Core.Sessions;

namespace ClinicPortal.Web.Areas.Clinician.Sessions;

/// <param name="Notes">How many notes were written from the session; <paramref name="FirstNoteId"/> opens the first.</param>
public sealed record SessionRow(Guid Id, DateTimeOffset StartsAt, int DurationMinutes, SessionModality Modality, string? Location, SessionStatus Status,
    string? VideoLink = null, int Notes = 0, Guid? FirstNoteId = null);

public sealed record ClientSessionsPage(bool ReadOnly, IReadOnlyList<SessionRow> Sessions, SessionForm Form, TimeZoneInfo Zone,
    CheckInPromptSetting Prompt, Guid? EditingId = null, int PendingRequests = 0);
