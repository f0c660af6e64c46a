using ClinicPortal.Web.Features.Account;
using ClinicPortal.Web.Mvc;

namespace ClinicPortal.Web.Features.Invitations;

/// <summary>
/// The emailed invitation's form: the link's token, the password, and the client's date of birth (recorded by the
/// clinician before the link was sent), which whoever intercepts or is forwarded the email does not know.
/// </summary>
public sealed class InvitationAcceptForm : SetPasswordForm
{
    [BindingMessage("Enter your date of birth as a date.")]
    public DateOnly? DateOfBirth { get; set; }
}
