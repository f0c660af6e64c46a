namespace ClinicPortal.Core.TreatmentPlans;

/// <summary>The questionnaires a measure goal can name, with their highest total (the threshold must be a possible score).</summary>
public static class MeasureInstruments
{
    public static readonly IReadOnlyDictionary<string, int> MaxTotal = new Dictionary<string, int>
    {
        ["PHQ-9"] = 27, ["GAD-7"] = 21, ["PCL-5"] = 80,
    };

    public static IEnumerable<string> Codes => MaxTotal.Keys;
}

/// <summary>One scored questionnaire: its instrument code, when it was completed, and its total.</summary>
public sealed record MeasureScore(string Instrument, DateTimeOffset At, int Total);

/// <summary>
/// The client's questionnaire scores, as goals need them. The measures feature provides them; until it is wired,
/// the implementation knows of none (every measure goal is then refused as "not given", and has no data).
/// </summary>
public interface IMeasureScores
{
    /// <summary>The instrument codes the client has been given (sent or given in session), whether answered or not.</summary>
    Task<IReadOnlySet<string>> GivenAsync(Guid clientId, CancellationToken ct);

    /// <summary>The client's totals completed up to <paramref name="until"/>, oldest first.</summary>
    Task<IReadOnlyList<MeasureScore>> TotalsAsync(Guid clientId, DateTimeOffset until, CancellationToken ct);
}
