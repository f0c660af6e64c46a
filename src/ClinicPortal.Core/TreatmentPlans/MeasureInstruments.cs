namespace ClinicPortal.Core.TreatmentPlans;

/// <summary>The questionnaires a measure goal can name, with their highest total (the threshold must be a possible score): the instruments' own.</summary>
public static class MeasureInstruments
{
    public static readonly IReadOnlyDictionary<string, int> MaxTotal = Measures.Instruments.All.ToDictionary(i => i.Code, i => i.MaxTotal);

    public static IEnumerable<string> Codes => Measures.Instruments.All.Select(i => i.Code);
}

/// <summary>One scored questionnaire: its instrument code, when it was completed, and its total.</summary>
public sealed record MeasureScore(string Instrument, DateTimeOffset At, int Total);

/// <summary>The client's questionnaire scores, as goals need them (Infrastructure/Measures/MeasureGoalScores reads them).</summary>
public interface IMeasureScores
{
    /// <summary>The instrument codes the client has been given (sent or given in session), whether answered or not.</summary>
    Task<IReadOnlySet<string>> GivenAsync(Guid clientId, CancellationToken ct);

    /// <summary>The client's totals completed up to <paramref name="until"/>, oldest first.</summary>
    Task<IReadOnlyList<MeasureScore>> TotalsAsync(Guid clientId, DateTimeOffset until, CancellationToken ct);
}
