using System.ComponentModel.DataAnnotations;
using ClinicPortal.Web.Features.Account;

namespace ClinicPortal.Web.Features.AccountSecurity;

/// <summary>The current password and the new one (typed twice).</summary>
public sealed class ChangePasswordForm : NewPasswordForm
{
    [Required(ErrorMessage = "Enter your current password.")]
    [DataType(DataType.Password)]
    [StringLength(200)]
    public string CurrentPassword { get; set; } = "";
}
