using ClinicPortal.Infrastructure.Identity;
using ClinicPortal.Web.Features.Account;
using ClinicPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace ClinicPortal.Web.Features.Invitations;

/// <summary>The invited clinician or administrator chooses a password, is signed in and goes on to set up two-step sign-in.</summary>
[AllowAnonymous]
[Route(StaffInvitations.Path)]
public sealed class StaffInvitationsController(StaffInvitations invitations, SignInManager<ApplicationUser> signIn, SignInRecorder signIns) : Controller
{
    private const string AcceptView = "AcceptStaff"; // beside the client invitation's Accept view

    [HttpGet("")]
    public async Task<IActionResult> Accept(string? token, CancellationToken ct) =>
        await invitations.FindAsync(token, ct) is { } found
            ? View(AcceptView, new StaffAcceptPage(new SetPasswordForm { Token = token! }, found.User.DisplayName, found.User.Email!))
            : View("LinkInvalid");

    [HttpPost("")]
    [EnableRateLimiting(RateLimits.Invitation)]
    public async Task<IActionResult> Accept(SetPasswordForm form, CancellationToken ct)
    {
        if (await invitations.FindAsync(form.Token, ct) is not { } found) return View("LinkInvalid");
        if (!ModelState.IsValid) return View(AcceptView, new StaffAcceptPage(form, found.User.DisplayName, found.User.Email!));

        var errors = await invitations.AcceptAsync(found.Token, found.User, form.Password, ct);
        if (errors.Count > 0)
        {
            foreach (var e in errors) ModelState.AddModelError("", e);
            return View(AcceptView, new StaffAcceptPage(form, found.User.DisplayName, found.User.Email!));
        }
        await signIn.SignInAsync(found.User, isPersistent: false);
        await signIns.RecordAsync(found.User);
        return Redirect(StaffTwoFactorGate.EnrolPath);
    }
}
