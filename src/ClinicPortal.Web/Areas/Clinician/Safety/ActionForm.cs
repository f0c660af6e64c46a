using ClinicPortal.Core.Safety;
using ClinicPortal.Web.Mvc;

namespace ClinicPortal.Web.Areas.Clinician.Safety;

public sealed class ActionForm
{
    [BindingMessage("Choose which action was taken.")]
    public ConcernActionKind? Kind { get; set; }
    public DateOnly? TakenOn { get; set; }
    public string? Note { get; set; }
}
