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

/// <param name="SignedIn">A signed-in client also gets "I feel unsafe" and their safety plan; anyone signed out gets the numbers.</param>
/// <param name="Discreet">The client's discreet mode: the strip folds into a small "Help" control, nothing red.</param>
public sealed record CrisisStrip(IReadOnlyList<CrisisLine> Lines, bool HasSafetyPlan, bool SignedIn, bool Discreet);

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
        return View("~/Areas/ClientSpace/Safety/_CrisisResources.cshtml", new CrisisStrip(lines, hasPlan, client, DiscreetMode.IsOn(UserClaimsPrincipal)));
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
