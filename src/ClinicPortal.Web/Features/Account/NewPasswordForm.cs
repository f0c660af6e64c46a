using System.ComponentModel.DataAnnotations;

namespace ClinicPortal.Web.Features.Account;

/// <summary>A new password, typed twice: the fields every form that sets a password shares (with _NewPasswordFields).</summary>
public abstract class NewPasswordForm
{
    [Required(ErrorMessage = "Choose a password.")]
    [DataType(DataType.Password)]
    [StringLength(200)]
    public string Password { get; set; } = "";

    [Required(ErrorMessage = "Type the password again.")]
    [DataType(DataType.Password)]
    [Compare(nameof(Password), ErrorMessage = "The two passwords do not match.")]
    public string ConfirmPassword { get; set; } = "";
}
