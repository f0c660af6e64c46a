using System.ComponentModel.DataAnnotations;

namespace ClinicPortal.Web.Features.Account;

/// <summary>The first administrator's details, chosen through the one-time setup link.</summary>
public sealed class SetupForm : SetPasswordForm
{
    [Required(ErrorMessage = "Enter your name.")]
    [StringLength(120)]
    public string DisplayName { get; set; } = "";

    [Required(ErrorMessage = "Enter your email address.")]
    [EmailAddress(ErrorMessage = "Enter a valid email address.")]
    [StringLength(254)]
    public string Email { get; set; } = "";
}
