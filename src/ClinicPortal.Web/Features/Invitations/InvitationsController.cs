using ClinicPortal.Infrastructure.Identity;
using ClinicPortal.Web.Features.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace ClinicPortal.Web.Features.Invitations;

[AllowAnonymous]
[Route("account/invitation")]
public sealed class InvitationsController(ClientInvitations invitations, SignInManager<ApplicationUser> signIn) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Accept(string? token, CancellationToken ct) =>
        await invitations.FindAsync(token, ct) is null ? View("LinkInvalid") : View(new SetPasswordForm { Token = token! });

    [HttpPost("")]
    public async Task<IActionResult> Accept(SetPasswordForm form, CancellationToken ct)
    {
        if (await invitations.FindAsync(form.Token, ct) is not { } found) return View("LinkInvalid");
        if (!ModelState.IsValid) return View(form);

        var (user, errors) = await invitations.AcceptAsync(found.Token, found.Client, form.Password, ct);
        if (user is null)
        {
            foreach (var e in errors) ModelState.AddModelError("", e);
            return View(form);
        }
        await signIn.SignInAsync(user, isPersistent: false);
        return LocalRedirect(RoleHomes.Client);
    }
}
