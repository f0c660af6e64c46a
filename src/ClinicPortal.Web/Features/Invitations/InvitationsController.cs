using ClinicPortal.Infrastructure.Identity;
using ClinicPortal.Web.Features.Account;
using ClinicPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace ClinicPortal.Web.Features.Invitations;

/// <summary>A client's first (or re-issued) sign-in: the emailed link, or the code their clinician gave them in person.</summary>
[AllowAnonymous]
[Route("account/invitation")]
public sealed class InvitationsController(ClientInvitations invitations, SignInManager<ApplicationUser> signIn, SignInRecorder signIns) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Accept(string? token, CancellationToken ct) =>
        await invitations.FindAsync(token, ct) is not { } found ? View("LinkInvalid")
            : View(new InvitationAcceptForm { Token = token! });

    [HttpPost("")]
    [EnableRateLimiting(RateLimits.Invitation)]
    public async Task<IActionResult> Accept(InvitationAcceptForm form, CancellationToken ct)
    {
        if (await invitations.FindAsync(form.Token, ct) is not { } found) return View("LinkInvalid");
        if (!ModelState.IsValid) return View(form);
        if (form.DateOfBirth != found.Client.DateOfBirth)
        {
            // Whoever holds only the link cannot guess for long: a few wrong dates void it.
            if (await invitations.RecordWrongAnswerAsync(found.Token, ct)) return View("LinkInvalid");
            ModelState.AddModelError(nameof(form.DateOfBirth), ClientInvitations.WrongDateOfBirth);
            return View(form);
        }
        return await AcceptAsync(found.Token, found.Client, form.Password, () => View(form), ct);
    }

    [HttpGet("code")]
    public IActionResult Code() => View(new CodeSignInForm());

    [HttpPost("code")]
    [EnableRateLimiting(RateLimits.Invitation)]
    public async Task<IActionResult> Code(CodeSignInForm form, CancellationToken ct)
    {
        if (!ModelState.IsValid) return View(form);
        if (await invitations.FindByCodeAsync(form.Email, form.Code, ct) is not { } found)
        {
            ModelState.AddModelError("", ClientInvitations.CodeRefused);
            return View(form);
        }
        return await AcceptAsync(found.Token, found.Client, form.Password, () => View(form), ct);
    }

    private async Task<IActionResult> AcceptAsync(Core.Accounts.OneTimeToken token, Core.Clients.Client client, string password, Func<IActionResult> page, CancellationToken ct)
    {
        var (user, errors) = await invitations.AcceptAsync(token, client, password, ct);
        if (user is null)
        {
            foreach (var e in errors) ModelState.AddModelError("", e);
            return page();
        }
        await signIn.SignInAsync(user, isPersistent: false);
        return LocalRedirect(await signIns.RecordAsync(user));
    }
}
