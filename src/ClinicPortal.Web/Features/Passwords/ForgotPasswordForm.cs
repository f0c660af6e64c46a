using System.ComponentModel.DataAnnotations;

namespace ClinicPortal.Web.Features.Passwords;

public sealed class ForgotPasswordForm
{
    [Required(ErrorMessage = "Enter your email address.")]
    [EmailAddress(ErrorMessage = "Enter a valid email address.")]
    [StringLength(254)]
    public string Email { get; set; } = "";
}
