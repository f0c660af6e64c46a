namespace ClinicPortal.Core.Measures;

/// <summary>How a later score compares with the first, judged by the instrument's reliable-change threshold.</summary>
public enum ChangeKind { NoReliableChange, ReliablyImproved, ReliablyWorse }

public static class ReliableChangeRule
{
    /// <summary>
    /// Lower is better on all three instruments: a fall of at least the threshold is improvement, a rise of at least
    /// it is worsening, anything smaller is within the measure's noise.
    /// </summary>
    public static ChangeKind Of(Instrument instrument, int first, int latest) =>
        (latest - first) switch
        {
            var d when d <= -instrument.ReliableChange => ChangeKind.ReliablyImproved,
            var d when d >= instrument.ReliableChange => ChangeKind.ReliablyWorse,
            _ => ChangeKind.NoReliableChange,
        };

    public static string Describe(ChangeKind kind) => kind switch
    {
        ChangeKind.ReliablyImproved => "Reliably improved",
        ChangeKind.ReliablyWorse => "Reliably worse",
        _ => "No reliable change",
    };
}
