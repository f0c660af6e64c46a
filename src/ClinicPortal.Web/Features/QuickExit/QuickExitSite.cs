using ClinicPortal.Core.Clinics;
using ClinicPortal.Infrastructure.Clinics;

namespace ClinicPortal.Web.Features.QuickExit;

/// <summary>The clinic's neutral site for "Leave now" (Settings, cached per instance), or the default when it cannot be read in time.</summary>
public sealed class QuickExitSite(ClinicSettingsCache settings, ILogger<QuickExitSite> logger)
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(2);

    public async Task<string> UrlAsync(CancellationToken ct)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct);
        budget.CancelAfter(Budget);
        try
        {
            return (await settings.GetAsync(budget.Token))?.QuickExitUrl ?? ClinicSettingsRules.DefaultQuickExitUrl;
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // An error page must still offer a way out: fall back rather than fail.
            logger.LogWarning("Leave now fell back to the default site ({Error})", e.GetType().Name);
            return ClinicSettingsRules.DefaultQuickExitUrl;
        }
    }
}
