namespace ClinicPortal.Web.Areas.Clinician.Sessions;

/// <summary>Sessions in clinic time on the pages.</summary>
public static class SessionCalendar
{
    public static DateTimeOffset Local(DateTimeOffset utc, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(utc, zone);
}
