using System.ComponentModel.DataAnnotations;

namespace ClinicPortal.Web.Features.Account;

/// <summary>A one-time link's token and the password chosen through it (typed twice).</summary>
public class SetPasswordForm
{
    [Required]
    public string Token { get; set; } = "";

    [Required(ErrorMessage = "Choose a password.")]
    [DataType(DataType.Password)]
    [StringLength(200)]
    public string Password { get; set; } = "";

    [Required(ErrorMessage = "Type the password again.")]
    [DataType(DataType.Password)]
    [Compare(nameof(Password), ErrorMessage = "The two passwords do not match.")]
    public string ConfirmPassword { get; set; } = "";
}
