using ClinicPortal.Core.Reminders;
using ClinicPortal.Core.Sessions;

namespace ClinicPortal.Web.Areas.Clinician.Sessions;

public sealed record SessionRow(Guid Id, DateTimeOffset StartsAt, int DurationMinutes, SessionModality Modality, string? Location, SessionStatus Status);

public sealed record ClientSessionsPage(bool ReadOnly, IReadOnlyList<SessionRow> Sessions, SessionForm Form, TimeZoneInfo Zone,
    CheckInPromptSetting Prompt, Guid? EditingId = null);
