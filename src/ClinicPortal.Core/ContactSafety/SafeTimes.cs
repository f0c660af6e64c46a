using ClinicPortal.Core.Common;

namespace ClinicPortal.Core.ContactSafety;

/// <summary>
/// When the client can safely receive a message, in their own time zone: some days of the week, between two times
/// (an overnight window such as 22:00–06:00 wraps past midnight). Days are a mask, bit n = <see cref="DayOfWeek"/> n.
/// </summary>
public sealed record SafeTimes(int Days, TimeOnly From, TimeOnly Until)
{
    public const int AllDays = 0b111_1111;
    public const int Weekdays = 0b011_1110;

    public static SafeTimes Create(int days, TimeOnly? from, TimeOnly? until)
    {
        if (days is <= 0 or > AllDays) throw new DomainRuleException("Choose at least one day when contact is safe.");
        if (from is null || until is null) throw new DomainRuleException("Give both the start and the end of the safe time.");
        if (from == until) throw new DomainRuleException("The safe time must start and end at different times.");
        return new SafeTimes(days, Minutes(from.Value), Minutes(until.Value));
    }

    public bool IncludesDay(DayOfWeek day) => (Days & (1 << (int)day)) != 0;

    /// <summary>Is <paramref name="instant"/> inside a safe window, in <paramref name="zone"/>?</summary>
    public bool Contains(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone).DateTime;
        var time = TimeOnly.FromDateTime(local);
        if (From < Until) return IncludesDay(local.DayOfWeek) && time >= From && time < Until;
        // Overnight: the evening part belongs to its own day, the early-morning part to the day before.
        return (time >= From && IncludesDay(local.DayOfWeek)) || (time < Until && IncludesDay(local.AddDays(-1).DayOfWeek));
    }

    /// <summary>The next time a safe window opens strictly after <paramref name="after"/> (UTC).</summary>
    public DateTimeOffset NextStart(DateTimeOffset after, TimeZoneInfo zone)
    {
        var localDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(after, zone).DateTime);
        for (var i = 0; i <= 8; i++)
        {
            var day = localDate.AddDays(i);
            if (!IncludesDay(day.DayOfWeek)) continue;
            var start = day.ToDateTime(From);
            if (zone.IsInvalidTime(start)) start = start.AddHours(1); // a spring-forward gap
            var instant = new DateTimeOffset(start, zone.GetUtcOffset(start));
            if (instant > after) return instant.ToUniversalTime();
        }
        throw new InvalidOperationException("unreachable: a chosen weekday recurs within 8 days");
    }

    public string Describe()
    {
        var days = Days switch
        {
            AllDays => "Every day",
            Weekdays => "Weekdays",
            _ => string.Join(", ", Enumerable.Range(0, 7).Select(i => (DayOfWeek)((i + 1) % 7)).Where(IncludesDay).Select(d => d.ToString()[..3])),
        };
        return $"{days}, {From:HH\\:mm}–{Until:HH\\:mm}";
    }

    private static TimeOnly Minutes(TimeOnly t) => new(t.Hour, t.Minute);
}
