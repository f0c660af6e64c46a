using ClinicPortal.Core.Clinics;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace ClinicPortal.Web.Features.QuickExit;

/// <summary>
/// "Leave now": ends the portal session in this browser and sends it to the clinic's neutral site. With script
/// (wwwroot/js/quick-exit.js) the page is blanked, this is posted in the background and the page is replaced in the
/// history; without script the form posts here and the answer moves on to the neutral site by itself.
/// </summary>
[AllowAnonymous]
[Route("account/leave")]
public sealed class QuickExitController(SignInManager<ApplicationUser> signIn, QuickExitSite site) : Controller
{
    /// <summary>Cookies that could hold anything of the visit besides the sign-in itself (a flash message, a form token).</summary>
    private static readonly string[] VisitCookies = ["clinicportal.flash", "clinicportal.af"];

    [HttpPost("")]
    // Leaving must never fail on a stale form token; the sign-in cookie is SameSite=Strict, so no other site can use this to sign anyone out.
    [IgnoreAntiforgeryToken]
    public async Task<IActionResult> Leave(CancellationToken ct)
    {
        await signIn.SignOutAsync();
        foreach (var cookie in VisitCookies) Response.Cookies.Delete(cookie);
        return View(nameof(Leave), await site.UrlAsync(ct));
    }
}
