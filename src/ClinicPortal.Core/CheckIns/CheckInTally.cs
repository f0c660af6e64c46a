using ClinicPortal.Core.Clinics;

namespace ClinicPortal.Core.CheckIns;

/// <summary>What a check-in said for a count: looked them up, the feelings ticked, and who tried to reach the client.</summary>
public sealed record TallyInput(bool LookedThemUp, IReadOnlyCollection<EmotionTag> Emotions, bool ContactAttempted, IReadOnlyCollection<string> AttemptedBy);

/// <summary>
/// Counts over a period's check-ins, for the clinician's check-in page and the progress report: how often the client
/// looked the person up, how often each feeling was ticked, and the contact attempts per person (a check-in that
/// reports an attempt without naming a person counts under <see cref="Unnamed"/>).
/// </summary>
public sealed record CheckInTally(int CheckIns, int LookedUp, IReadOnlyList<(EmotionTag Tag, int Count)> Emotions,
    IReadOnlyList<(string Person, int Count)> AttemptsByPerson, int ContactAttempts)
{
    public const string Unnamed = "Not named";

    public static readonly CheckInTally Empty = new(0, 0, [], [], 0);

    public bool Any => LookedUp > 0 || Emotions.Count > 0 || ContactAttempts > 0;

    public static CheckInTally Of(IReadOnlyCollection<TallyInput> checkIns)
    {
        var emotions = checkIns.SelectMany(c => c.Emotions.Distinct()).GroupBy(e => e)
            .Select(g => (g.Key, g.Count())).OrderByDescending(e => e.Item2).ThenBy(e => e.Key).ToList();
        var attempts = checkIns.Where(c => c.ContactAttempted)
            .SelectMany(c => c.AttemptedBy.Count > 0 ? c.AttemptedBy.Distinct() : [Unnamed]).GroupBy(p => p)
            .Select(g => (g.Key, g.Count())).OrderByDescending(p => p.Item2).ThenBy(p => p.Key, StringComparer.Ordinal).ToList();
        return new CheckInTally(checkIns.Count, checkIns.Count(c => c.LookedThemUp), emotions, attempts, checkIns.Count(c => c.ContactAttempted));
    }

    /// <summary>
    /// The same counts week by week (weeks start on Monday, by the clinic's calendar day of each check-in), newest week
    /// first; only weeks with check-ins appear.
    /// </summary>
    public static IReadOnlyList<WeekTally> ByWeek(IEnumerable<(DateOnly Day, TallyInput CheckIn)> checkIns) =>
        checkIns.GroupBy(c => ClinicTime.WeekStart(c.Day)).OrderByDescending(g => g.Key)
            .Select(g => new WeekTally(g.Key, Of(g.Select(c => c.CheckIn).ToList()))).ToList();
}

/// <summary>One week's counts, the week named by its Monday.</summary>
public sealed record WeekTally(DateOnly WeekOf, CheckInTally Tally);
