using ClinicPortal.Core.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace ClinicPortal.Web.Features.QuickExit;

/// <summary>The "Leave now" bar: first on every client page and every page someone signed out can reach (not on staff pages).</summary>
public sealed class QuickExitViewComponent(QuickExitSite site) : ViewComponent
{
    public static bool ShowsFor(System.Security.Claims.ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated != true || user.IsInRole(Roles.Client);

    public async Task<IViewComponentResult> InvokeAsync() =>
        ShowsFor(UserClaimsPrincipal)
            ? View("~/Features/QuickExit/_QuickExit.cshtml", await site.UrlAsync(HttpContext.RequestAborted))
            : Content("");
}
