using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Clinics;
using ClinicPortal.Core.Common;
using ClinicPortal.Core.Reports;

namespace ClinicPortal.Core.Measures;

/// <summary>How a schedule makes a questionnaire due. Given now or in session is not a schedule: it is due at once.</summary>
public enum ScheduleKind
{
    /// <summary>Every N weeks from the start.</summary>
    EveryWeeks = 1,
    /// <summary>N hours before each booked session.</summary>
    BeforeSession = 2,
    /// <summary>Once, on a day chosen ahead (clinic time); the schedule is spent when it opens.</summary>
    Once = 3,
}

/// <summary>
/// A clinician's standing request that a client answer a questionnaire. A recurring job reads it and opens a response
/// when one falls due (<see cref="NextDue"/>). It holds no clinical text; the client may see that it exists and
/// whether their trend is shared with them.
/// </summary>
public sealed class MeasureSchedule : IClientVisibleRecord
{
    public const int MaxWeeks = 52;
    public const int MaxHours = 168;
    public const string ChooseInstrument = "Choose a questionnaire: PHQ-9, GAD-7 or PCL-5.";
    public const string ChooseKind = "Choose how often: every N weeks, N hours before each session, or once on a day.";
    public const string ChooseDay = "Choose the day the questionnaire opens.";
    /// <summary>A questionnaire given once opens at this clinic time on its day: in the morning, not at midnight.</summary>
    public static readonly TimeOnly OnceOpensAt = new(8, 0);

    public Guid Id { get; private set; }
    public Guid ClientId { get; private set; }
    public string InstrumentCode { get; private set; } = "";
    public ScheduleKind Kind { get; private set; }
    /// <summary>Every how many weeks (<see cref="ScheduleKind.EveryWeeks"/>).</summary>
    public int? IntervalWeeks { get; private set; }
    /// <summary>How many hours before a session (<see cref="ScheduleKind.BeforeSession"/>).</summary>
    public int? HoursBefore { get; private set; }
    public DateTimeOffset StartsAt { get; private set; }
    /// <summary>The client may see their own scores over time for this questionnaire.</summary>
    public bool ShareTrend { get; private set; }
    public Guid CreatedById { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? StoppedAt { get; private set; }

    private MeasureSchedule() { }

    /// <param name="on">The day a "once" schedule opens, in the clinic's calendar (<paramref name="zone"/>); today or later.</param>
    public static MeasureSchedule Create(Client client, string? instrumentCode, ScheduleKind? kind, int? every, bool shareTrend, Guid by, DateTimeOffset now,
        DateOnly? on = null, TimeZoneInfo? zone = null)
    {
        client.EnsureEditable();
        var instrument = Instruments.Find(instrumentCode) ?? throw new DomainRuleException(ChooseInstrument);
        var schedule = new MeasureSchedule
        {
            Id = Guid.NewGuid(), ClientId = client.Id, InstrumentCode = instrument.Code, StartsAt = now, ShareTrend = shareTrend,
            CreatedById = by, CreatedAt = now,
        };
        switch (kind)
        {
            case ScheduleKind.EveryWeeks when every is >= 1 and <= MaxWeeks:
                (schedule.Kind, schedule.IntervalWeeks) = (ScheduleKind.EveryWeeks, every);
                break;
            case ScheduleKind.EveryWeeks:
                throw new DomainRuleException($"Choose every how many weeks, from 1 to {MaxWeeks}.");
            case ScheduleKind.BeforeSession when every is >= 1 and <= MaxHours:
                (schedule.Kind, schedule.HoursBefore) = (ScheduleKind.BeforeSession, every);
                break;
            case ScheduleKind.BeforeSession:
                throw new DomainRuleException($"Choose how many hours before each session, from 1 to {MaxHours}.");
            case ScheduleKind.Once:
                (schedule.Kind, schedule.StartsAt) = (ScheduleKind.Once, OnceOpening(on, now, zone ?? TimeZoneInfo.Utc));
                break;
            default:
                throw new DomainRuleException(ChooseKind);
        }
        return schedule;
    }

    public bool IsActive => StoppedAt is null;

    /// <summary>When a questionnaire given once on <paramref name="on"/> opens; a day before today or more than a year ahead is refused.</summary>
    public static DateTimeOffset OnceOpening(DateOnly? on, DateTimeOffset now, TimeZoneInfo zone)
    {
        if (on is not { } day) throw new DomainRuleException(ChooseDay);
        var today = ClinicTime.DayOf(now, zone);
        if (day < today)
            throw new DomainRuleException($"{ReportPeriod.Format(day)} has passed: choose today ({ReportPeriod.Format(today)}) or a later day, or give the questionnaire now.");
        if (day > today.AddYears(1)) throw new DomainRuleException($"Choose a day within a year (by {ReportPeriod.Format(today.AddYears(1))}).");
        // 08:00 exists on every day in every zone (clocks change at night), so this never lands in a gap.
        return ClinicTime.ToUtcOrRefuse(day, OnceOpensAt, zone);
    }

    /// <summary>A "once" schedule is spent when its questionnaire opens: it stops, so the page no longer lists it.</summary>
    public void Opened(DateTimeOffset now)
    {
        if (Kind == ScheduleKind.Once && IsActive) StoppedAt = now;
    }

    public void Stop(Client client, DateTimeOffset now)
    {
        client.EnsureEditable();
        if (!IsActive) throw new DomainRuleException("This schedule was already stopped.");
        StoppedAt = now;
    }

    /// <summary>
    /// When the next response falls due, given the due time of the last one this schedule opened and the start of the
    /// client's next booked session; null when nothing is due to be opened (the caller opens it once the time is reached).
    /// Every N weeks: the start, then the last due time plus N weeks (a missed run catches up once, not once per week
    /// missed: the job opens the latest due time at or before now). Once: its day's opening time, until it has opened. Before a session: that session's start minus N hours,
    /// when the session is still ahead.
    /// </summary>
    /// <param name="stillOpen">A response this schedule opened is still unanswered: nothing new is opened until it is sent, so unanswered ones never pile up.</param>
    public DateTimeOffset? NextDue(DateTimeOffset now, DateTimeOffset? lastDueAt, DateTimeOffset? nextSessionStart, bool stillOpen = false)
    {
        if (!IsActive || stillOpen) return null;
        switch (Kind)
        {
            case ScheduleKind.EveryWeeks:
                var step = TimeSpan.FromDays(7 * IntervalWeeks!.Value);
                if (lastDueAt is not { } last) return StartsAt;
                var next = last + step;
                while (next + step <= now) next += step;
                return next;
            case ScheduleKind.Once:
                return lastDueAt is null ? StartsAt : null;
            case ScheduleKind.BeforeSession:
                return nextSessionStart is { } start && start > now ? start - TimeSpan.FromHours(HoursBefore!.Value) : null;
            default:
                return null;
        }
    }
}
