using ClinicPortal.Core.Safety;
using ClinicPortal.Web.Areas.ClientSpace.Safety;
using ClinicPortal.Web.Areas.ClientSpace.SharedPlan;

namespace ClinicPortal.Web.Areas.ClientSpace.Unsafe;

/// <summary>A crisis line as the "I feel unsafe" page shows it.</summary>
public sealed record CrisisLine(string Name, string? Phone, string? TelHref, string? TextLabel, string? SmsHref, string? Url, string? WhenToUse)
{
    public static CrisisLine From(CrisisResource r) => new(r.Name, r.Phone, r.TelHref, r.TextLabel, r.SmsHref, r.Url, r.WhenToUse);
}

/// <summary>Everything the page shows, all loaded before the first byte is sent: no request of its own is needed to show the numbers.</summary>
public sealed record UnsafePage(IReadOnlyList<CrisisLine> Lines, IReadOnlyList<SharedContact> People, SharedSafetyPlan? Plan, bool Alerting);
