using ClinicPortal.Core.Measures;
using ClinicPortal.Infrastructure.Measures;
using Microsoft.AspNetCore.Mvc;

namespace ClinicPortal.Web.Areas.Clinician.Measures;

/// <summary>
/// The client's questionnaire scores on the progress page, beside the stage path: one small chart per instrument with the
/// latest total, band and reliable change. The scores ride in the progress page's own statement (ProgressQuery) and its
/// audited view, so this sends none.
/// </summary>
public sealed class MeasureTrendsViewComponent : ViewComponent
{
    public IViewComponentResult Invoke(IReadOnlyList<ScoreTrend> trends) => View("~/Areas/Clinician/Measures/_Trends.cshtml", trends);

    /// <summary>Scores grouped per instrument, in the order the clinic lists the instruments.</summary>
    public static List<ScoreTrend> Trends(IEnumerable<MeasureScore> scores) =>
        scores.GroupBy(s => s.InstrumentCode)
            .Select(g => ScoreTrend.Of(g.First().Instrument, g.Select(s => (s.ResponseId, s.CompletedAt, s.Total, s.SafetyFlag))))
            .OrderBy(t => Instruments.All.ToList().IndexOf(t.Instrument)).ToList();
}
