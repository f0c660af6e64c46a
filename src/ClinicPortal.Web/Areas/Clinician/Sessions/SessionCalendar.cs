using System.Text;
using ClinicPortal.Core.Sessions;

namespace ClinicPortal.Web.Areas.Clinician.Sessions;

/// <summary>Sessions in clinic time on the pages, and the .ics file for one session.</summary>
public static class SessionCalendar
{
    public static DateTimeOffset Local(DateTimeOffset utc, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(utc, zone);

    /// <summary>An iCalendar event naming only the clinic: calendars sync to places we do not control.</summary>
    public static string Ics(TherapySession s, string clinicName, DateTimeOffset now)
    {
        static string Stamp(DateTimeOffset t) => t.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'");
        static string Escape(string v) => v.Replace("\\", "\\\\").Replace(";", "\\;").Replace(",", "\\,").Replace("\n", "\\n");
        var sb = new StringBuilder()
            .Append("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//ClinicPortal//Sessions//EN\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n")
            .Append("BEGIN:VEVENT\r\n")
            .Append($"UID:{s.Id:N}@clinicportal\r\n")
            .Append($"DTSTAMP:{Stamp(now)}\r\n")
            .Append($"DTSTART:{Stamp(s.StartsAt)}\r\n")
            .Append($"DTEND:{Stamp(s.EndsAt)}\r\n")
            .Append($"SUMMARY:{Escape($"Session with {clinicName} ({TherapySession.Describe(s.Modality).ToLowerInvariant()})")}\r\n");
        if (s.Location is { } location) sb.Append($"LOCATION:{Escape(location)}\r\n");
        if (s.Status == SessionStatus.Cancelled) sb.Append("STATUS:CANCELLED\r\n");
        return sb.Append("END:VEVENT\r\nEND:VCALENDAR\r\n").ToString();
    }
}
