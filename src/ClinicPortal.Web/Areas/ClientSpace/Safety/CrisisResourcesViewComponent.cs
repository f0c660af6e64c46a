using ClinicPortal.Web.Areas.ClientSpace.SharedPlan;
using ClinicPortal.Core.Accounts;
using ClinicPortal.Core.Safety;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Safety;
using ClinicPortal.Web.Areas.ClientSpace.Unsafe;
using ClinicPortal.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.ClientSpace.Safety;

/// <param name="CanAlert">"I feel unsafe" is offered: to a signed-in client, and when signed out on a device tied to a client
/// (<see cref="UnsafeDeviceToken"/>); anyone else gets the numbers.</param>
/// <param name="Discreet">The client's discreet mode (signed out: as their device last knew it): the strip folds into a small "Help" control, nothing red.</param>
public sealed record CrisisStrip(IReadOnlyList<CrisisLine> Lines, bool HasSafetyPlan, bool CanAlert, bool Discreet);

/// <summary>
/// The crisis numbers (tel: and sms: links) at the top of every client page and of every page someone signed out can
/// reach (sign-in, invitation, timed out, errors), and the one-tap link to the client's safety plan once shared.
/// </summary>
public sealed class CrisisResourcesViewComponent(SharedPlanQuery sharedPlan, CrisisResourceCache cache, ILogger<CrisisResourcesViewComponent> logger) : ViewComponent
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(2);

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var client = UserClaimsPrincipal.IsInRole(Roles.Client);
        var lines = await LinesAsync();
        var hasPlan = client && await sharedPlan.HasSafetyPlanAsync(HttpContext.RequestAborted);
        var (linked, discreetDevice) = UserClaimsPrincipal.Identity?.IsAuthenticated == true ? (false, false) : UnsafeDeviceToken.MarkerOf(Request);
        return View("~/Areas/ClientSpace/Safety/_CrisisResources.cshtml",
            new CrisisStrip(lines, hasPlan, client || linked, client ? DiscreetMode.IsOn(UserClaimsPrincipal) : discreetDevice));
    }

    /// <summary>The clinic's list, or the built-in numbers if it cannot be read in time: an error page must still show them.</summary>
    private async Task<IReadOnlyList<CrisisLine>> LinesAsync()
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(HttpContext.RequestAborted);
        budget.CancelAfter(Budget);
        try
        {
            var lines = (await cache.ActiveAsync(budget.Token)).Select(CrisisLine.From).ToList();
            return lines.Count > 0 ? lines : UnsafeController.FallbackLines;
        }
        catch (Exception e) when (!HttpContext.RequestAborted.IsCancellationRequested)
        {
            logger.LogWarning("The crisis strip fell back to the built-in numbers ({Error})", e.GetType().Name);
            return UnsafeController.FallbackLines;
        }
    }
}
