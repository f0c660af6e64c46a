using System.ComponentModel.DataAnnotations;

namespace ClinicPortal.Web.Features.Account;

/// <summary>A one-time link's token and the password chosen through it (typed twice).</summary>
public class SetPasswordForm : NewPasswordForm
{
    [Required]
    public string Token { get; set; } = "";
}
