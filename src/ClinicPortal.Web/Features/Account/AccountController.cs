using ClinicPortal.Core.Accounts;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Identity;
using ClinicPortal.Web.Security;
using ClinicPortal.Web.Startup;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Features.Account;

[Route("account")]
public sealed class AccountController(ClinicSignInManager signIn, UserManager<ApplicationUser> users, ClinicDbContext db, FirstAdministrator firstAdmin,
    SignInRecorder signIns, AccountRateLimits limits, Security.UnsafeDeviceToken devices, TimeProvider clock) : Controller
{
    public const string WrongCredentials = "The email or password is incorrect.";
    /// <summary>Only ever shown to someone who typed the right password (wrong passwords never lock an account).</summary>
    public const string LockedOut = "Too many wrong codes: two-step sign-in for this account is locked for 15 minutes. Try again later or ask your clinic administrator.";
    /// <summary>The same for every address typed, known or not.</summary>
    public const string TooManyAttempts = "Too many sign-in attempts for this email address. Wait 15 minutes and try again, or ask your clinician or clinic administrator for help.";

    [HttpGet("/")]
    [AllowAnonymous]
    public IActionResult Root() =>
        User.Identity?.IsAuthenticated == true ? LocalRedirect(RoleHomes.For(User)) : RedirectToAction(nameof(Login));

    [HttpGet("sign-in")]
    [AllowAnonymous]
    public IActionResult Login(string? returnUrl) => View(new SignInForm { ReturnUrl = returnUrl });

    [HttpPost("sign-in")]
    [AllowAnonymous]
    [EnableRateLimiting(RateLimits.SignIn)]
    public async Task<IActionResult> Login(SignInForm form)
    {
        if (!ModelState.IsValid) return View(form);
        var email = form.Email.Trim();
        if (!limits.TrySignIn(email, RateLimits.AddressOf(HttpContext)))
        {
            ModelState.AddModelError("", TooManyAttempts);
            return View(form);
        }

        var user = await users.FindByEmailAsync(email);
        var result = await signIn.PasswordFirstSignInAsync(user, form.Password);
        if (result.IsLockedOut)
        {
            ModelState.AddModelError("", LockedOut);
            return View(form);
        }
        if (result.RequiresTwoFactor)
            return LocalRedirect(TwoFactor.TwoFactorController.CodePath + (Url.IsLocalUrl(form.ReturnUrl) ? "?returnUrl=" + Uri.EscapeDataString(form.ReturnUrl!) : ""));
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", WrongCredentials);
            return View(form);
        }

        var home = await signIns.RecordAsync(user!);
        return LocalRedirect(Url.IsLocalUrl(form.ReturnUrl) && form.ReturnUrl != "/" ? form.ReturnUrl! : home);
    }

    [HttpPost("sign-out")]
    public async Task<IActionResult> SignOutPost()
    {
        await signIn.SignOutAsync();
        devices.Clear(HttpContext);
        return RedirectToAction(nameof(Login));
    }

    [HttpGet("access-denied")]
    [AllowAnonymous]
    public IActionResult AccessDenied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View();
    }

    [HttpGet("setup")]
    [AllowAnonymous]
    public async Task<IActionResult> Setup(string? token) =>
        await FindSetupToken(token) is null ? View("LinkInvalid") : View(new SetupForm { Token = token! });

    [HttpPost("setup")]
    [AllowAnonymous]
    [EnableRateLimiting(RateLimits.Invitation)]
    public async Task<IActionResult> Setup(SetupForm form)
    {
        var token = await FindSetupToken(form.Token);
        if (token is null) return View("LinkInvalid");
        if (!ModelState.IsValid) return View(form);

        await using var tx = await db.Database.BeginTransactionAsync();
        var result = await firstAdmin.CreateAsync(form.Email.Trim(), form.DisplayName.Trim(), form.Password);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors) ModelState.AddModelError("", e.Description);
            return View(form);
        }
        token.MarkUsed(clock.GetUtcNow());
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        await signIn.SignInAsync((await users.FindByEmailAsync(form.Email.Trim()))!, isPersistent: false);
        return LocalRedirect(RoleHomes.Admin);
    }

    private async Task<OneTimeToken?> FindSetupToken(string? secret)
    {
        if (string.IsNullOrEmpty(secret) || secret.Length > 100) return null;
        var hash = OneTimeToken.Hash(secret);
        var token = await db.OneTimeTokens.SingleOrDefaultAsync(t => t.TokenHash == hash && t.Purpose == TokenPurposes.AdminSetup);
        return token is not null && token.IsUsable(clock.GetUtcNow()) ? token : null;
    }
}
