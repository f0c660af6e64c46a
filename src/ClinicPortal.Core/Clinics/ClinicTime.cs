using ClinicPortal.Core.Common;

namespace ClinicPortal.Core.Clinics;

/// <summary>
/// Wall-clock time. Instants are stored in UTC; people type and read dates and times in a time zone:
/// the clinic's, or a client's own.
/// </summary>
public static class ClinicTime
{
    public const string SkippedTimeMessage = "That time does not exist on that day (the clocks change). Choose another time.";

    /// <summary>
    /// The one time-zone fallback: a zone id that is missing or unknown on this machine (a renamed zone, a
    /// setting from another system) means <paramref name="fallback"/>: the clinic's zone for a client, UTC for the clinic.
    /// </summary>
    public static TimeZoneInfo Zone(string? id, TimeZoneInfo fallback) =>
        id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : fallback;

    /// <summary>
    /// The UTC instant for a date and time typed in <paramref name="zone"/>, or null when the clocks skip that
    /// time (the spring daylight-saving gap). An autumn time that happens twice is read as the second one (standard time).
    /// </summary>
    public static DateTimeOffset? ToUtc(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local)) return null;
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
    }

    /// <summary>As <see cref="ToUtc"/>, refusing a skipped time with a message for the page.</summary>
    public static DateTimeOffset ToUtcOrRefuse(DateOnly date, TimeOnly time, TimeZoneInfo zone) =>
        ToUtc(date, time, zone) ?? throw new DomainRuleException(SkippedTimeMessage);

    /// <summary>The calendar day an instant falls on in <paramref name="zone"/>.</summary>
    public static DateOnly DayOf(DateTimeOffset instant, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>The Monday of the week <paramref name="day"/> is in.</summary>
    public static DateOnly WeekStart(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
