using System.Globalization;
using ClinicPortal.Core.CheckIns;

namespace ClinicPortal.Core.Reports;

/// <summary>An incident the client or clinician logged, as the report counts it (never a private entry: the loader reads none).</summary>
public sealed record ReportIncident(DateTimeOffset OccurredAt, ContactChannel Channel);

/// <summary>
/// Incidents that happened in the period, counted by channel, under the safety section of the provider copy. The client copy
/// leaves it out with the rest of the safety section: a report a client carries home names no incident (the client reads
/// their own log in their space).
/// </summary>
public sealed record IncidentsSection(int Total, IReadOnlyList<(ContactChannel Channel, int Count)> ByChannel)
{
    public bool IsEmpty => Total == 0;

    /// <summary>Counted by the day each happened on the clinic's calendar, within the period; channels in their list order.</summary>
    public static IncidentsSection For(ReportInputs inputs, ReportPeriod period)
    {
        var inPeriod = (inputs.Incidents ?? []).Where(i => period.Contains(inputs.LocalDate(i.OccurredAt))).ToList();
        return new IncidentsSection(inPeriod.Count, CheckInLabels.Channels
            .Select(c => (c, inPeriod.Count(i => i.Channel == c))).Where(x => x.Item2 > 0).ToList());
    }

    /// <summary>Nothing when none happened in the period: the safety section stays as short as it was for a client without a log.</summary>
    public void Compose(List<ReportBlock> blocks)
    {
        if (IsEmpty) return;
        blocks.Add(new HeadingBlock("Incidents logged", 3));
        blocks.Add(new KeyValueBlock(
            [new("Happened in the period", Total.ToString(CultureInfo.InvariantCulture)),
             .. ByChannel.Select(c => new KeyValue(CheckInLabels.Of(c.Channel), c.Count.ToString(CultureInfo.InvariantCulture)))]));
    }
}
