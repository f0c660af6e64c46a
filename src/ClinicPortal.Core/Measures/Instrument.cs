using ClinicPortal.Core.Common;

namespace ClinicPortal.Core.Measures;

/// <summary>One answer a question offers: its words and the points it scores.</summary>
public sealed record ResponseOption(int Value, string Label);

/// <summary>
/// A score range and what it is called: <see cref="Label"/> for the clinician (the published severity name),
/// <see cref="PlainWords"/> for the client's copy of a report (no diagnosis, no judgement).
/// </summary>
public sealed record ScoreBand(int From, int To, string Label, string PlainWords);

/// <summary>
/// A standard questionnaire as data: its published wording (never editable in the app), its answers and scoring.
/// A response keeps <see cref="Code"/> and <see cref="Version"/>, so a later change of wording never rewrites what a
/// client answered. The total is the sum of the item values; every item must be answered.
/// </summary>
/// <param name="ReliableChange">The smallest change of total read as real change rather than noise (see <see cref="Instruments"/> for sources).</param>
/// <param name="SafetyItem">The 1-based item whose answer above 0 raises the same alert as "I feel unsafe" (PHQ-9 item 9), if any.</param>
/// <param name="CutOff">A published screening cut-off, with how the page says it (PCL-5: "around 31–33").</param>
public sealed record Instrument(
    string Code, string Name, string Version, string Instructions, string Stem,
    IReadOnlyList<string> Items, IReadOnlyList<ResponseOption> Options, IReadOnlyList<ScoreBand> Bands,
    int ReliableChange, int? SafetyItem, (int Score, string Words)? CutOff, string Source)
{
    public int MaxValue => Options[^1].Value;
    public int MaxTotal => Items.Count * MaxValue;

    public static string UnansweredMessage(int item) => $"Question {item} has no answer yet: choose one of the answers to go on.";
    public static string OutOfRangeMessage(int item) => $"Question {item} has an answer that is not on the list: choose one of the answers shown.";

    /// <summary>Checks a set of answers as far as they go (a draft may leave items empty): a value off the scale is refused.</summary>
    public IReadOnlyList<int?> CheckDraft(IReadOnlyList<int?> answers)
    {
        if (answers.Count != Items.Count) throw new DomainRuleException($"This questionnaire has {Items.Count} questions; the answers sent do not match them.");
        for (var i = 0; i < answers.Count; i++)
            if (answers[i] is { } v && (v < 0 || v > MaxValue)) throw new DomainRuleException(OutOfRangeMessage(i + 1));
        return answers.ToArray();
    }

    /// <summary>The total of a complete set of answers; an unanswered or out-of-range item is refused with its number.</summary>
    public int Score(IReadOnlyList<int?> answers)
    {
        CheckDraft(answers);
        for (var i = 0; i < answers.Count; i++)
            if (answers[i] is null) throw new DomainRuleException(UnansweredMessage(i + 1));
        return answers.Sum(a => a!.Value);
    }

    /// <summary>The band a total falls in; a total off the scale is a programming error, not input.</summary>
    public ScoreBand BandOf(int total) =>
        Bands.SingleOrDefault(b => total >= b.From && total <= b.To)
        ?? throw new ArgumentOutOfRangeException(nameof(total), $"{Code} totals run from 0 to {MaxTotal}.");

    /// <summary>True when the answers flag the safety item (any value above 0), whatever the total.</summary>
    public bool FlagsSafety(IReadOnlyList<int?> answers) =>
        SafetyItem is { } item && answers.Count >= item && answers[item - 1] is > 0;

    /// <summary>Whether a total at or above the published cut-off (PCL-5) suggests further assessment.</summary>
    public bool AtOrAboveCutOff(int total) => CutOff is { } c && total >= c.Score;
}
