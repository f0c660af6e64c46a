using System.Text;

namespace ClinicPortal.Core.Sessions;

/// <summary>The iCalendar (RFC 5545) file for one session. It names only the clinic: calendars sync to places we do not control.</summary>
public static class SessionIcs
{
    private const int MaxLineOctets = 75;

    public static string For(TherapySession s, string clinicName, DateTimeOffset now)
    {
        var sb = new StringBuilder();
        void Line(string text) => Fold(sb, text);
        Line("BEGIN:VCALENDAR");
        Line("VERSION:2.0");
        Line("PRODID:-//ClinicPortal//Sessions//EN");
        Line("CALSCALE:GREGORIAN");
        Line("METHOD:PUBLISH");
        Line("BEGIN:VEVENT");
        Line($"UID:{s.Id:N}@clinicportal");
        Line($"DTSTAMP:{Stamp(now)}");
        Line($"DTSTART:{Stamp(s.StartsAt)}");
        Line($"DTEND:{Stamp(s.EndsAt)}");
        Line($"SUMMARY:{Escape($"Session with {clinicName} ({TherapySession.Describe(s.Modality).ToLowerInvariant()})")}");
        if (s.Location is { } location) Line($"LOCATION:{Escape(location)}");
        if (s.Status == SessionStatus.Cancelled) Line("STATUS:CANCELLED");
        Line("END:VEVENT");
        Line("END:VCALENDAR");
        return sb.ToString();
    }

    private static string Stamp(DateTimeOffset t) => t.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'");

    /// <summary>A TEXT value: backslash, semicolon and comma escaped; every line break (CR, LF or both) becomes \n, so typed text cannot start a property of its own.</summary>
    public static string Escape(string value) => value
        .Replace("\\", "\\\\").Replace(";", "\\;").Replace(",", "\\,")
        .Replace("\r\n", "\\n").Replace("\r", "\\n").Replace("\n", "\\n");

    /// <summary>Lines longer than 75 octets continue on the next line after CRLF and a space, never inside a UTF-8 character.</summary>
    private static void Fold(StringBuilder sb, string line)
    {
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > MaxLineOctets)
            {
                sb.Append("\r\n ");
                octets = 1;
            }
            sb.Append(rune.ToString());
            octets += size;
        }
        sb.Append("\r\n");
    }
}
