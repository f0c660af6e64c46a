using ClinicPortal.Web.Areas.ClientSpace.Unsafe;
using ClinicPortal.Web.Features.Account;
using ClinicPortal.Web.Mvc;
using ClinicPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace ClinicPortal.Web.Features.Passwords;

/// <summary>
/// "Forgot your password?" and the emailed link's form. The answer to a request is the same page for every address
/// (known, unknown, closed, or an inbox that is not safe), and it is sent to the browser before any mail work starts,
/// so neither its words nor its timing tell whether an account exists.
/// </summary>
[AllowAnonymous]
[Route("account")]
public sealed class PasswordResetController(PasswordResets resets, ILogger<PasswordResetController> logger) : Controller
{
    public const string Sent = "If this address belongs to an account here, a link to choose a new password is on its way. It works once, for 30 minutes.";
    public const string NoMail = "No email, or email is not safe for you? Ask your clinician at your next session (staff: your clinic administrator): they can give you a new sign-in.";
    public const string Changed = "Your password is changed, and every other sign-in has ended. Sign in with your new password.";

    [HttpGet("forgot-password")]
    public IActionResult Forgot() => View(new ForgotPasswordForm());

    [HttpPost("forgot-password")]
    [EnableRateLimiting(RateLimits.PasswordReset)]
    public IActionResult Forgot(ForgotPasswordForm form)
    {
        if (!ModelState.IsValid) return View(form);
        var email = form.Email.Trim();
        return new RenderThenResult(View("Sent"), () => SendAsync(email));
    }

    [HttpGet("reset-password")]
    public async Task<IActionResult> Reset(string? token, CancellationToken ct) =>
        await resets.FindAsync(token, ct) is null ? View("LinkInvalid") : View(new SetPasswordForm { Token = token! });

    [HttpPost("reset-password")]
    [EnableRateLimiting(RateLimits.PasswordReset)]
    public async Task<IActionResult> Reset(SetPasswordForm form, CancellationToken ct)
    {
        if (await resets.FindAsync(form.Token, ct) is not { } found) return View("LinkInvalid");
        if (!ModelState.IsValid) return View(form);
        var problems = await resets.ResetAsync(found.Token, found.User, form.Password, ct);
        if (problems.Count > 0)
        {
            foreach (var p in problems) ModelState.AddModelError("", p);
            return View(form);
        }
        TempData.Flash(Changed);
        return RedirectToAction(nameof(AccountController.Login), ControllerNames.Of<AccountController>());
    }

    /// <summary>Runs after the page is on its way; a failure is logged by kind only (no address in logs).</summary>
    private async Task SendAsync(string email)
    {
        try
        {
            await resets.RequestAsync(email, CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogError("A password reset request could not be completed ({Error})", e.GetType().Name);
        }
    }
}
