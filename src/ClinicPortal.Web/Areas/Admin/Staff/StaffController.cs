using ClinicPortal.Infrastructure.Identity;
using ClinicPortal.Web.Features.Invitations;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Web.Features.Account;
using ClinicPortal.Web.Mvc;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace ClinicPortal.Web.Areas.Admin.Staff;

/// <summary>Clinicians' and administrators' accounts. Clients' sign-ins are managed by their clinicians (invitations).</summary>
[Route("admin/staff")]
public sealed class StaffController(ClinicDbContext db, StaffAccounts accounts, StaffInvitations invitations, SignInManager<ApplicationUser> signIn)
    : AdminController(db)
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(new StaffPage(await accounts.ListAsync(ct), Me));

    [HttpGet("invite")]
    public IActionResult Invite() => View(new InviteForm());

    [HttpPost("invite")]
    public Task<IActionResult> Invite(InviteForm form, CancellationToken ct) =>
        SubmitAsync(() => View(form), async () =>
        {
            var user = await invitations.InviteAsync(form.Email, form.DisplayName, form.Role, Me, ct);
            Flash($"Invitation sent to {user.Email}. The link works for 72 hours.");
            return RedirectToAction(nameof(Index));
        });

    [HttpPost("{id:guid}/resend-invitation")]
    public Task<IActionResult> Resend(Guid id, CancellationToken ct) =>
        Act(id, async found => await invitations.ResendAsync(found, Me, ct), "A new invitation is on its way; earlier links no longer work.", ct);

    [HttpPost("{id:guid}/deactivate")]
    public async Task<IActionResult> Deactivate(Guid id, CancellationToken ct)
    {
        var result = await Act(id, _ => accounts.DeactivateAsync(id, Me, ct), "Account deactivated: it cannot sign in, and any open session ends within a minute.", ct);
        if (id == Me && !TempData.HasError())
        {
            await signIn.SignOutAsync();
            return RedirectToAction(nameof(AccountController.Login), ControllerNames.Of<AccountController>(), new { area = "" });
        }
        return result;
    }

    [HttpPost("{id:guid}/reactivate")]
    public Task<IActionResult> Reactivate(Guid id, CancellationToken ct) =>
        Act(id, _ => accounts.ReactivateAsync(id, ct), "Account reactivated: the person can sign in again.", ct);

    [HttpPost("{id:guid}/reset-two-factor")]
    public Task<IActionResult> ResetTwoFactor(Guid id, CancellationToken ct) =>
        Act(id, _ => accounts.ResetTwoFactorAsync(id, ct),
            "Two-step sign-in reset: the person is signed out within a minute and sets up their authenticator again at the next sign-in.", ct);

    [HttpPost("{id:guid}/reissue")]
    public Task<IActionResult> Reissue(Guid id, CancellationToken ct) =>
        Act(id, _ => accounts.ReissueAsync(id, Me, ct),
            "Sign-in re-issued: the person is signed out everywhere, their password and two-step sign-in are cleared, and a new invitation is on its way.", ct);

    private async Task<IActionResult> Act(Guid id, Func<ApplicationUser, Task> action, string done, CancellationToken ct)
    {
        if (await accounts.FindAsync(id, ct) is not { } found) return NotFound();
        return await ActAsync(RedirectToAction(nameof(Index)), async () =>
        {
            await action(found.User);
            return done;
        });
    }
}
