namespace ClinicPortal.Web.Features.TwoFactor;

/// <summary>
/// The current password, asked before two-step sign-in is turned on or off or new recovery codes are made, so that
/// someone holding an unlocked session (a borrowed phone) cannot take over or lock out the account with them.
/// </summary>
public sealed class PasswordConfirmForm
{
    public string? CurrentPassword { get; set; }
    /// <summary>The authenticator's code, when turning two-step sign-in on.</summary>
    public string? Code { get; set; }
}
