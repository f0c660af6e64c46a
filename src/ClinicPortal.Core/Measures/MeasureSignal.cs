namespace ClinicPortal.Core.Measures;

/// <summary>
/// The caseload's questionnaire signal for a client (<c>client_summaries.measure_signal</c>, kept by
/// 0080_measures.sql): on any instrument, the latest score is reliably worse than the first, or the latest answers
/// flagged the safety item (PHQ-9 item 9 above 0).
/// </summary>
[Flags]
public enum MeasureSignal
{
    None = 0,
    ReliablyWorse = 1,
    SafetyItem = 2,
}
