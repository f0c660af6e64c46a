using ClinicPortal.Core.Accounts;
using ClinicPortal.Core.Common;
using ClinicPortal.Infrastructure.Identity;
using ClinicPortal.Web.Features.Invitations;
using ClinicPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace ClinicPortal.Web.Areas.Admin.Staff;

public sealed class InviteForm
{
    public string? Email { get; set; }
    public string? DisplayName { get; set; }
    public string? Role { get; set; } = Roles.Clinician;
}

public sealed record StaffPage(IReadOnlyList<StaffRow> Staff, Guid Me);

/// <summary>Clinicians' and administrators' accounts. Clients' sign-ins are managed by their clinicians (invitations).</summary>
[Area("Admin")]
[Authorize(Roles = Roles.Admin)]
[Route("admin/staff")]
public sealed class StaffController(StaffAccounts accounts, StaffInvitations invitations, SignInManager<ApplicationUser> signIn) : Controller
{
    private const string Folder = "~/Areas/Admin/Staff/";

    private Guid Me => HttpCurrentActor.UserIdOf(User)!.Value;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(Folder + "Index.cshtml", new StaffPage(await accounts.ListAsync(ct), Me));

    [HttpGet("invite")]
    public IActionResult Invite() => View(Folder + "Invite.cshtml", new InviteForm());

    [HttpPost("invite")]
    public async Task<IActionResult> Invite(InviteForm form, CancellationToken ct)
    {
        try
        {
            var user = await invitations.InviteAsync(form.Email, form.DisplayName, form.Role, Me, ct);
            TempData["Flash"] = $"Invitation sent to {user.Email}. The link works for 72 hours.";
            return RedirectToAction(nameof(Index));
        }
        catch (DomainRuleException e)
        {
            ModelState.AddModelError("", e.Message);
            return View(Folder + "Invite.cshtml", form);
        }
    }

    [HttpPost("{id:guid}/resend-invitation")]
    public Task<IActionResult> Resend(Guid id, CancellationToken ct) =>
        Act(id, async found => await invitations.ResendAsync(found, Me, ct), "A new invitation is on its way; earlier links no longer work.", ct);

    [HttpPost("{id:guid}/deactivate")]
    public async Task<IActionResult> Deactivate(Guid id, CancellationToken ct)
    {
        var result = await Act(id, _ => accounts.DeactivateAsync(id, Me, ct), "Account deactivated: it cannot sign in, and any open session ends within a minute.", ct);
        if (id == Me && TempData.Peek("Error") is null)
        {
            await signIn.SignOutAsync();
            return Redirect("/account/sign-in");
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

    private async Task<IActionResult> Act(Guid id, Func<ApplicationUser, Task> action, string done, CancellationToken ct)
    {
        if (await accounts.FindAsync(id, ct) is not { } found) return NotFound();
        try
        {
            await action(found.User);
            TempData["Flash"] = done;
        }
        catch (DomainRuleException e)
        {
            TempData["Error"] = e.Message;
        }
        return RedirectToAction(nameof(Index));
    }
}
