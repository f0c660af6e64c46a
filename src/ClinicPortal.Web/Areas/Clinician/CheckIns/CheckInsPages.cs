using System.Linq.Expressions;
using ClinicPortal.Core.CheckIns;

namespace ClinicPortal.Web.Areas.Clinician.CheckIns;

/// <summary>
/// A check-in as the clinician sees it: the answers and the journal text the client chose to share. It has
/// no field for private journal text, which lives in a table this scope cannot read.
/// </summary>
public sealed record ClinicianCheckIn(
    Guid Id, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, int Mood, int Urge, SleepQuality? Sleep, bool ContactAttempted,
    ContactChannel? Channel, string? ContactNote, bool BrokeContact, string[] SelfCare, string? SharedJournal, bool LookedThemUp, EmotionTag[] Emotions,
    string? OwnReason)
{
    /// <summary>The one projection from a stored check-in: the clinician's pages and cards all read it through this.</summary>
    public static readonly Expression<Func<CheckIn, ClinicianCheckIn>> Projection = c => new ClinicianCheckIn(c.Id, c.CreatedAt, c.UpdatedAt,
        c.Mood, c.Urge, c.Sleep, c.ContactAttempted, c.Channel, c.ContactNote, c.BrokeContact, c.SelfCare, c.SharedJournal,
        c.LookedThemUp, c.Emotions, c.OwnReason);
}

public sealed record CheckInsPage(
    bool ReadOnly, int Weeks, IReadOnlyList<ClinicianCheckIn> CheckIns, CheckInFacts Facts, CheckInSignalSet Signals,
    CheckInRules Rules, IReadOnlyList<string> SelfCareItems, bool SelfCareTailored, string SelfCareText, string? SelfCareError, uint SelfCareVersion, TimeZoneInfo Zone)
{
    /// <summary>The answers per person, by check-in (only check-ins of a client with several boundaries have them).</summary>
    public IReadOnlyDictionary<Guid, List<PersonAnswerView>> People { get; init; } = new Dictionary<Guid, List<PersonAnswerView>>();

    /// <summary>The client's boundaries, to add a reason of their own to one.</summary>
    public IReadOnlyList<CheckInPersonChoice> Boundaries { get; init; } = [];

    public IReadOnlyList<PersonAnswerView> PeopleOf(Guid checkInId) => People.GetValueOrDefault(checkInId) ?? [];

    /// <summary>Looking them up, feelings and contact attempts per person over the page's weeks.</summary>
    public CheckInTally Tally => CheckInTally.Of(CheckIns.Select(c => new TallyInput(c.LookedThemUp, c.Emotions, c.ContactAttempted,
        PeopleOf(c.Id).Where(p => p.ContactAttempted).Select(p => p.PersonName).ToList())).ToList());

    public string Local(DateTimeOffset t, string format = "ddd d MMM yyyy, HH:mm") => TimeZoneInfo.ConvertTime(t, Zone).ToString(format);

    /// <summary>The data block check-in-chart.js reads (oldest first), with setbacks and contact attempts marked.</summary>
    public object ChartData() => new
    {
        markers = true,
        points = CheckIns.OrderBy(c => c.CreatedAt).Select(c => new
        {
            t = c.CreatedAt.ToUnixTimeMilliseconds(), mood = c.Mood, urge = c.Urge, setback = c.BrokeContact, contact = c.ContactAttempted,
        }),
    };
}

/// <summary>The check-in card on the client overview.</summary>
public sealed record CheckInSummary(Guid ClientId, int Recent, int RecentDays, ClinicianCheckIn? Latest, CheckInSignalSet Signals, CheckInRules Rules, TimeZoneInfo Zone);
