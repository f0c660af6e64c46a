using ClinicPortal.Core.Accounts;
using ClinicPortal.Core.Auditing;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Identity;
using ClinicPortal.Web.Features.Account;
using ClinicPortal.Web.Features.Passwords;
using ClinicPortal.Web.Mvc;
using ClinicPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Features.AccountSecurity;

/// <summary>
/// Everyone's own sign-in security: recent sign-ins ("was this you?"), sign out on all devices, change password.
/// Each change ends every other session through <see cref="Infrastructure.Identity.SignOutEverywhere"/>.
/// </summary>
[Authorize]
[Route("account")]
public sealed class AccountSecurityController(ClinicDbContext db, UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn,
    SignOutEverywhere sessions, PasswordSetter passwords, AuditTrail audit, ClinicCalendar calendar) : Controller
{
    public const int RecentCount = 10;
    public const string SignedOutEverywhere = "You are signed out on all your devices.";
    public const string PasswordChanged = "Your password is changed. Every other sign-in to your account has ended.";
    public const string WrongCurrentPassword = "Your current password is not right.";

    [HttpGet("security")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        var recent = await db.Set<SignInEvent>().Where(e => e.UserId == user.Id).OrderByDescending(e => e.At).Take(RecentCount)
            .Select(e => new SignInRow(e.At, e.Browser, e.Device, e.MaskedAddress)).ToListAsync(ct);
        return View(new AccountSecurityPage(recent, await calendar.ZoneAsync(ct), user.TwoFactorEnabled));
    }

    /// <summary>Ends every session of this person, this browser's too.</summary>
    [HttpPost("sign-out-everywhere")]
    public async Task<IActionResult> SignOutEverywhere()
    {
        if (await users.GetUserAsync(User) is { } user)
        {
            audit.AddAs(user.Id, RoleOf(), AuditActions.SignOutEverywhere, AuditRecords.Account, user.Id, null);
            await sessions.EndAllSessionsAsync(user);
        }
        await signIn.SignOutAsync();
        TempData.Flash(SignedOutEverywhere);
        return RedirectToAction(nameof(AccountController.Login), ControllerNames.Of<AccountController>());
    }

    [HttpGet("password")]
    public IActionResult ChangePassword() => View(new ChangePasswordForm());

    [HttpPost("password")]
    [EnableRateLimiting(RateLimits.PasswordChange)]
    public async Task<IActionResult> ChangePassword(ChangePasswordForm form)
    {
        if (!ModelState.IsValid) return View(form);
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        if (!await users.CheckPasswordAsync(user, form.CurrentPassword))
        {
            ModelState.AddModelError(nameof(form.CurrentPassword), WrongCurrentPassword);
            return View(form);
        }
        var problems = await passwords.ProblemsAsync(user, form.Password);
        if (problems.Count > 0)
        {
            foreach (var p in problems) ModelState.AddModelError(nameof(form.Password), p);
            return View(form);
        }
        audit.AddAs(user.Id, RoleOf(), AuditActions.ChangePassword, AuditRecords.Account, user.Id, null);
        await passwords.SetAsync(user, form.Password); // saves; a new security stamp ends every other session
        await signIn.RefreshSignInAsync(user); // this browser stays signed in, with the new stamp
        TempData.Flash(PasswordChanged);
        return RedirectToAction(nameof(Index));
    }

    private string RoleOf() => Roles.All.FirstOrDefault(User.IsInRole)?.ToLowerInvariant() ?? "anonymous";
}
