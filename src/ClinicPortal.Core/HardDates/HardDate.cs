using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Common;

namespace ClinicPortal.Core.HardDates;

/// <summary>What kind of day it is: the client's page words it gently, the caseload only counts days.</summary>
public enum HardDateKind
{
    Birthday = 0,
    Anniversary = 1,
    Holiday = 2,
    CourtDate = 3,
    Other = 4,
}

/// <summary>
/// A day that may be hard for a client (a birthday, an anniversary, a holiday, a court date), entered by the clinician
/// or by the client; both see every one. A yearly date comes back each year (29 February falls on the 28th in other
/// years, as PostgreSQL's year arithmetic does); a one-off date is past once it has gone. The caseload reads the next
/// one from <c>client_summaries.next_hard_date</c> (0111_hard_dates.sql), which follows the same rule.
/// </summary>
public sealed class HardDate : IClientVisibleRecord
{
    public const int LabelMax = 80;
    /// <summary>How many days ahead the client's home and the caseload mention a hard date.</summary>
    public const int NoticeDays = 7;
    /// <summary>How many days ahead the client's gentle prompt comes.</summary>
    public const int PromptDays = 3;

    public Guid Id { get; private set; }
    public Guid ClientId { get; private set; }
    public HardDateKind Kind { get; private set; }
    /// <summary>A few words of the client's or clinician's own ("Dad's birthday"), optional; never in mail.</summary>
    public string? Label { get; private set; }
    public DateOnly Date { get; private set; }
    public bool Yearly { get; private set; }
    public Guid AddedById { get; private set; }
    public bool AddedByClient { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    private HardDate() { }

    public static HardDate Add(Guid clientId, HardDateKind kind, string? label, DateOnly? date, bool yearly, Guid addedById, bool byClient, DateOnly today, DateTimeOffset now)
    {
        if (clientId == Guid.Empty) throw new ArgumentException("A hard date belongs to a client.", nameof(clientId));
        if (!Enum.IsDefined(kind)) throw new DomainRuleException("Choose what kind of day it is from the list.");
        if (date is not { } day) throw new DomainRuleException(DateMessage);
        if (!yearly && day < today) throw new DomainRuleException("That date has passed. Choose a date from today on, or tick \"every year\".");
        return new HardDate
        {
            Id = Guid.NewGuid(), ClientId = clientId, Kind = kind, Label = Guard.Optional(label, "A few words", LabelMax), Date = day, Yearly = yearly,
            AddedById = addedById, AddedByClient = byClient, CreatedAt = now,
        };
    }

    public const string DateMessage = "Enter the date as day, month and year (for example 2027-03-14).";

    /// <summary>The next time this day comes, today included; null for a one-off date that has passed.</summary>
    public DateOnly? NextOn(DateOnly today) => Next(Date, Yearly, today);

    public static DateOnly? Next(DateOnly date, bool yearly, DateOnly today)
    {
        if (!yearly) return date >= today ? date : null;
        var years = Math.Max(0, today.Year - date.Year);
        var thisYear = date.AddYears(years);
        return thisYear >= today ? thisYear : date.AddYears(years + 1);
    }

    /// <summary>Days until the soonest of several dates, when one comes within <paramref name="window"/> days.</summary>
    public static int? Soonest(IEnumerable<(DateOnly Date, bool Yearly)> dates, DateOnly today, int window) =>
        dates.Select(d => DaysUntil(Next(d.Date, d.Yearly, today), today, window)).Where(d => d is not null).Min();

    /// <summary>Days from today to the next time, when it is within <paramref name="window"/> days (0 is today).</summary>
    public static int? DaysUntil(DateOnly? next, DateOnly today, int window = NoticeDays) =>
        next is { } n && n >= today && n.DayNumber - today.DayNumber <= window ? n.DayNumber - today.DayNumber : null;
}

public static class HardDateLabels
{
    public static readonly IReadOnlyList<HardDateKind> Kinds = Enum.GetValues<HardDateKind>();

    public static string Of(HardDateKind kind) => kind switch
    {
        HardDateKind.Birthday => "Birthday",
        HardDateKind.Anniversary => "Anniversary",
        HardDateKind.Holiday => "Holiday",
        HardDateKind.CourtDate => "Court date",
        HardDateKind.Other => "Other",
        _ => kind.ToString(),
    };

    /// <summary>"today", "tomorrow", "in 3 days": the same words on the client's home and the caseload.</summary>
    public static string In(int days) => days switch { 0 => "today", 1 => "tomorrow", _ => $"in {days} days" };
}
