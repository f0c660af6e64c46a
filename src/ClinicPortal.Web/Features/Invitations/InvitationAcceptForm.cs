using ClinicPortal.Web.Features.Account;
using ClinicPortal.Web.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ClinicPortal.Web.Features.Invitations;

/// <summary>
/// The emailed invitation's form: the link's token, the password, and (when the clinician recorded it) the client's
/// date of birth, which whoever intercepts or is forwarded the email does not know.
/// </summary>
public sealed class InvitationAcceptForm : SetPasswordForm
{
    [BindingMessage("Enter your date of birth as a date.")]
    public DateOnly? DateOfBirth { get; set; }

    /// <summary>Whether the page asks for the date of birth (the client has one on record).</summary>
    [BindNever]
    public bool AsksDateOfBirth { get; set; }
}
