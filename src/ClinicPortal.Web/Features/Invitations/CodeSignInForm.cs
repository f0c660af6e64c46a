using System.ComponentModel.DataAnnotations;
using ClinicPortal.Web.Features.Account;

namespace ClinicPortal.Web.Features.Invitations;

/// <summary>A code a clinician gave in person, the email address it goes with, and the password chosen with it.</summary>
public sealed class CodeSignInForm : NewPasswordForm
{
    [Required(ErrorMessage = "Enter your email address.")]
    [EmailAddress(ErrorMessage = "Enter a valid email address.")]
    [StringLength(254)]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Enter the code your clinician gave you.")]
    [StringLength(20)]
    public string Code { get; set; } = "";
}
