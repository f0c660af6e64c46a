using ClinicPortal.Core.Auditing;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Identity;
using ClinicPortal.Web.Features.Account;
using ClinicPortal.Web.Mvc;
using ClinicPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ClinicPortal.Web.Features.TwoFactor;

/// <summary>
/// Two-factor sign-in with an authenticator app (TOTP): the code step after the password, recovery codes,
/// remembering a device for 30 days, and setting up or removing the authenticator. Required for staff when
/// ClinicPortal:RequireStaffTwoFactor is on (see <see cref="StaffTwoFactorGate"/>), optional for clients.
/// Wrong codes at sign-in count toward the same lockout as wrong passwords.
/// </summary>
[Route("account")]
public sealed class TwoFactorController(SignInManager<ApplicationUser> signIn, UserManager<ApplicationUser> users,
    SignInRecorder signIns, AuditTrail audit, IOptions<StaffSecurityOptions> security) : Controller
{
    public const string CodePath = "/account/sign-in/code";
    public const string WrongCode = "That code is not right. Use the newest code from your authenticator app (check that your phone's clock is correct).";
    public const string WrongRecoveryCode = "That recovery code is not right, or it has been used already.";
    public const string SignInAgain = "Your sign-in took too long. Enter your email and password again.";
    public const string RequiredForStaff = "Clinicians and administrators must use two-step sign-in, so it cannot be turned off. An administrator can reset it if you lose your phone.";
    public const int RecoveryCodeCount = 10;
    public const string PasswordNeeded = "Enter your current password to change two-step sign-in.";

    // ---- the code step of signing in ----

    [HttpGet("sign-in/code")]
    [AllowAnonymous]
    public async Task<IActionResult> Code(string? returnUrl) =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? Restart() : View(new CodeForm { ReturnUrl = returnUrl });

    [HttpPost("sign-in/code")]
    [AllowAnonymous]
    [EnableRateLimiting(RateLimits.SignIn)]
    public async Task<IActionResult> Code(CodeForm form)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user) return Restart();

        // Every attempt goes to Identity, even an empty or malformed one, so each counts toward lockout.
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(AuthenticatorLink.Clean(form.Code), isPersistent: false, rememberClient: form.RememberDevice);
        if (result.Succeeded) return await FinishAsync(user, form.ReturnUrl);

        ModelState.AddModelError("", result.IsLockedOut ? AccountController.LockedOut : result.IsNotAllowed ? AccountController.WrongCredentials : WrongCode);
        form.Code = null;
        return View(form);
    }

    [HttpGet("sign-in/recovery")]
    [AllowAnonymous]
    public async Task<IActionResult> Recovery(string? returnUrl) =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? Restart() : View(new RecoveryForm { ReturnUrl = returnUrl });

    [HttpPost("sign-in/recovery")]
    [AllowAnonymous]
    [EnableRateLimiting(RateLimits.SignIn)]
    public async Task<IActionResult> Recovery(RecoveryForm form)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user) return Restart();
        form.Code = form.Code?.Trim();

        // Identity neither checks lockout nor counts failures for recovery codes: do both here, like the code step.
        if (!user.IsActive) ModelState.AddModelError("", AccountController.WrongCredentials);
        else if (await users.IsLockedOutAsync(user)) ModelState.AddModelError("", AccountController.LockedOut);
        else
        {
            var result = await signIn.TwoFactorRecoveryCodeSignInAsync((form.Code ?? "").Replace(" ", ""));
            if (result.Succeeded)
            {
                await users.ResetAccessFailedCountAsync(user);
                return await FinishAsync(user, form.ReturnUrl);
            }
            await users.AccessFailedAsync(user);
            ModelState.AddModelError("", await users.IsLockedOutAsync(user) ? AccountController.LockedOut : WrongRecoveryCode);
        }
        form.Code = null;
        return View(form);
    }

    // ---- setting up and managing the authenticator (signed in) ----

    [HttpGet("two-factor")]
    [Authorize]
    public async Task<IActionResult> Index()
    {
        var user = await CurrentUserAsync();
        if (user is null) return Challenge();
        return View(new TwoFactorPage(user.TwoFactorEnabled, await users.CountRecoveryCodesAsync(user), await signIn.IsTwoFactorClientRememberedAsync(user),
            CanDisable(), RequiredHere()));
    }

    [HttpGet("two-factor/setup")]
    [Authorize]
    public async Task<IActionResult> Setup()
    {
        var user = await CurrentUserAsync();
        if (user is null) return Challenge();
        if (user.TwoFactorEnabled) return RedirectToAction(nameof(Index));
        return View(await SetupPageAsync(user));
    }

    [HttpPost("two-factor/setup")]
    [Authorize]
    [EnableRateLimiting(RateLimits.PasswordChange)]
    public async Task<IActionResult> Setup(PasswordConfirmForm form)
    {
        var user = await CurrentUserAsync();
        if (user is null) return Challenge();
        if (user.TwoFactorEnabled) return RedirectToAction(nameof(Index));

        if (!await PasswordIsRightAsync(user, form.CurrentPassword))
        {
            ModelState.AddModelError("", PasswordNeeded);
            return View(await SetupPageAsync(user));
        }
        var code = AuthenticatorLink.Clean(form.Code);
        if (code.Length == 0 || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError("", code.Length == 0 ? "Enter the 6-digit code your authenticator app shows." : WrongCode);
            return View(await SetupPageAsync(user));
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))!.ToList();
        await audit.RecordAsync(AuditActions.EnableTwoFactor, AuditRecords.Account, user.Id, null);
        await signIn.RefreshSignInAsync(user); // the new cookie says two-factor is on (and carries the new security stamp)
        return View("RecoveryCodes", new RecoveryCodesPage(codes, RoleHomes.For(await users.GetRolesAsync(user)), JustEnabled: true));
    }

    [HttpPost("two-factor/recovery-codes")]
    [Authorize]
    [EnableRateLimiting(RateLimits.PasswordChange)]
    public async Task<IActionResult> NewRecoveryCodes(PasswordConfirmForm form)
    {
        var user = await CurrentUserAsync();
        if (user is null) return Challenge();
        if (!user.TwoFactorEnabled) return RedirectToAction(nameof(Index));
        if (!await PasswordIsRightAsync(user, form.CurrentPassword))
        {
            TempData.Error(PasswordNeeded);
            return RedirectToAction(nameof(Index));
        }
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))!.ToList();
        await audit.RecordAsync(AuditActions.NewRecoveryCodes, AuditRecords.Account, user.Id, null);
        return View("RecoveryCodes", new RecoveryCodesPage(codes, Url.Action(nameof(Index))!, JustEnabled: false));
    }

    [HttpPost("two-factor/disable")]
    [Authorize]
    [EnableRateLimiting(RateLimits.PasswordChange)]
    public async Task<IActionResult> Disable(PasswordConfirmForm form)
    {
        var user = await CurrentUserAsync();
        if (user is null) return Challenge();
        if (!CanDisable())
        {
            TempData.Error(RequiredForStaff);
            return RedirectToAction(nameof(Index));
        }
        if (!await PasswordIsRightAsync(user, form.CurrentPassword))
        {
            TempData.Error(PasswordNeeded);
            return RedirectToAction(nameof(Index));
        }
        if (user.TwoFactorEnabled)
        {
            await users.SetTwoFactorEnabledAsync(user, false);
            await users.ResetAuthenticatorKeyAsync(user);
            await users.RemoveAuthenticationTokenAsync(user, "[AspNetUserStore]", "RecoveryCodes");
            await signIn.ForgetTwoFactorClientAsync();
            await audit.RecordAsync(AuditActions.DisableTwoFactor, AuditRecords.Account, user.Id, null);
            await signIn.RefreshSignInAsync(user);
            TempData.Flash("Two-step sign-in is off. You now sign in with your password only.");
        }
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("two-factor/forget-device")]
    [Authorize]
    public async Task<IActionResult> ForgetDevice()
    {
        await signIn.ForgetTwoFactorClientAsync();
        TempData.Flash("This device is forgotten: the next sign-in here asks for a code.");
        return RedirectToAction(nameof(Index));
    }

    private async Task<IActionResult> FinishAsync(ApplicationUser user, string? returnUrl)
    {
        var home = await signIns.RecordAsync(user);
        return LocalRedirect(Url.IsLocalUrl(returnUrl) && returnUrl != "/" ? returnUrl! : home);
    }

    private IActionResult Restart()
    {
        TempData.Error(SignInAgain);
        return RedirectToAction(nameof(AccountController.Login), ControllerNames.Of<AccountController>());
    }

    private Task<ApplicationUser?> CurrentUserAsync() => users.GetUserAsync(User);

    private async Task<bool> PasswordIsRightAsync(ApplicationUser user, string? password) =>
        !string.IsNullOrEmpty(password) && await users.CheckPasswordAsync(user, password);

    private bool RequiredHere() => security.Value.RequireStaffTwoFactor && StaffTwoFactorGate.IsStaff(User);

    private bool CanDisable() => !RequiredHere();

    private async Task<SetupPage> SetupPageAsync(ApplicationUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
            await signIn.RefreshSignInAsync(user); // the reset changed the security stamp: keep this session valid
        }
        var uri = AuthenticatorLink.Uri(user.Email!, key!);
        return new SetupPage(AuthenticatorLink.Readable(key!), AuthenticatorLink.QrCodeDataUri(uri), RequiredHere());
    }
}
