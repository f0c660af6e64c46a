using ClinicPortal.Core.Safety;
using ClinicPortal.Web.Mvc;

namespace ClinicPortal.Web.Areas.Clinician.Alerts;

/// <summary>Acknowledging an alert: what was done, a note (required for "other"), and the clinician page to go back to.</summary>
public sealed class AcknowledgeForm
{
    [BindingMessage(ClinicianAlert.ChooseResponse)]
    public AlertResponse? Response { get; set; }

    public string? Note { get; set; }

    public string? ReturnUrl { get; set; }
}
