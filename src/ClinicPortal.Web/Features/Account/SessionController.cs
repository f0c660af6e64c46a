using ClinicPortal.Infrastructure.Identity;
using ClinicPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace ClinicPortal.Web.Features.Account;

/// <summary>The idle sign-out's server side, used by wwwroot/js/idle-timeout.js (see <see cref="IdleSessions"/>).</summary>
[Route("account")]
public sealed class SessionController(SignInManager<ApplicationUser> signIn, TimeProvider clock) : Controller
{
    public const string TimedOutMessage = "You were signed out because nothing happened for a while. Sign in again to continue.";

    /// <summary>Seconds left in this session, without extending it (0 when signed out, e.g. by another tab).</summary>
    [HttpGet("session")]
    [AllowAnonymous]
    public IActionResult Status() => Json(new { remainingSeconds = User.Identity?.IsAuthenticated == true ? IdleSessions.SecondsLeft(HttpContext, clock) : 0 });

    /// <summary>"Stay signed in": renews the session to the full idle time.</summary>
    [HttpPost("keep-alive")]
    [Authorize]
    public IActionResult KeepAlive() => Json(new { remainingSeconds = IdleSessions.SecondsLeft(HttpContext, clock) });

    /// <summary>Where the page goes when the time is up: clears the expired cookie and explains, unless another tab kept the session alive.</summary>
    [HttpGet("timed-out")]
    [AllowAnonymous]
    public async Task<IActionResult> TimedOut()
    {
        if (User.Identity?.IsAuthenticated == true) return LocalRedirect(RoleHomes.For(User));
        await signIn.SignOutAsync();
        ViewData["Info"] = TimedOutMessage;
        return View(nameof(AccountController.Login), new SignInForm());
    }
}
