using System.ComponentModel.DataAnnotations;

namespace ClinicPortal.Web.Features.Account;

public sealed class SignInForm
{
    [Required(ErrorMessage = "Enter your email address.")]
    [EmailAddress(ErrorMessage = "Enter a valid email address.")]
    [StringLength(254)]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Enter your password.")]
    [DataType(DataType.Password)]
    [StringLength(200)]
    public string Password { get; set; } = "";

    public string? ReturnUrl { get; set; }
}

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
