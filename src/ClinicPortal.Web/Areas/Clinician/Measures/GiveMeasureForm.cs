using ClinicPortal.Web.Mvc;

namespace ClinicPortal.Web.Areas.Clinician.Measures;

/// <summary>Give a questionnaire now: to answer in the client's space, or together in session.</summary>
public sealed class GiveMeasureForm
{
    public string? InstrumentCode { get; set; }
    [BindingMessage("Choose whether the client answers in their space or with you in session.")]
    public bool InSession { get; set; }
}
