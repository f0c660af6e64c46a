using ClinicPortal.Core.Safety;
using ClinicPortal.Web.Mvc;

namespace ClinicPortal.Web.Areas.Clinician.Backup;

/// <summary>The clinician's own choice of which alerts also reach them by email (one of <see cref="AlertRules.MailFromChoices"/>).</summary>
public sealed class AlertMailForm
{
    [BindingMessage(AlertRules.MailFromMessage)]
    public ConcernSeverity? MailFrom { get; set; }
}
