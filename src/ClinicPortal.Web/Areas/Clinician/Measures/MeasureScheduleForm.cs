using ClinicPortal.Core.Measures;
using ClinicPortal.Web.Mvc;

namespace ClinicPortal.Web.Areas.Clinician.Measures;

/// <summary>A standing request: a questionnaire every N weeks, N hours before each session, or once on a day ahead.</summary>
public sealed class MeasureScheduleForm
{
    public string? InstrumentCode { get; set; }
    [BindingMessage(MeasureSchedule.ChooseKind)]
    public ScheduleKind? Kind { get; set; }
    [BindingMessage("Give the number of weeks or hours as a whole number.")]
    public int? Every { get; set; }
    /// <summary>The day a "once" questionnaire opens, in the clinic's calendar.</summary>
    [BindingMessage("Enter the day as day, month and year.")]
    public DateOnly? On { get; set; }
    [BindingMessage("Choose whether the client sees their own scores over time.")]
    public bool ShareTrend { get; set; }
}
