using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Sessions;

namespace ClinicPortal.Web.Areas.Clinician.Week;

/// <summary>A session on the clinician's calendar, naming its client by the short form (a calendar cell is narrow).</summary>
public sealed record CalendarEntry(Guid SessionId, Guid ClientId, string FullName, string? PreferredName, DateTimeOffset StartsAt, int DurationMinutes,
    SessionModality Modality, SessionStatus Status)
{
    public string ClientName => Client.ShortName(FullName, PreferredName);
}

public sealed record WeekPage(DateOnly WeekStart, TimeZoneInfo Zone, IReadOnlyList<CalendarEntry> Entries, IReadOnlyList<CalendarEntry> Upcoming);
