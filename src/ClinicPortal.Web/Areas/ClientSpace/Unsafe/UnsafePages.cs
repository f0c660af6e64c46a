using ClinicPortal.Core.Safety;
using ClinicPortal.Web.Areas.ClientSpace.Safety;
using ClinicPortal.Web.Areas.ClientSpace.SharedPlan;

namespace ClinicPortal.Web.Areas.ClientSpace.Unsafe;

/// <summary>A crisis line as the "I feel unsafe" page shows it.</summary>
public sealed record CrisisLine(string Name, string? Phone, string? TelHref, string? TextLabel, string? SmsHref, string? Url, string? WhenToUse)
{
    public static CrisisLine From(CrisisResource r) => new(r.Name, r.Phone, r.TelHref, r.TextLabel, r.SmsHref, r.Url, r.WhenToUse);
}

/// <summary>What became of a press, as the page tells it: only an alert seen stored is reported as sent.</summary>
public enum UnsafeOutcome
{
    /// <summary>The page was opened, not pressed (GET).</summary>
    NotAsked,
    Alerted,
    /// <summary>An open alert from the last few minutes already covers this press.</summary>
    AlreadyAlerted,
    /// <summary>Signed out, on a device not (or no longer) tied to a client.</summary>
    NotLinked,
    /// <summary>The alert could not be stored, or not in time to say so.</summary>
    NotConfirmed,
}

/// <summary>Everything the page shows, all loaded before the first byte is sent: no request of its own is needed to show the numbers.</summary>
/// <param name="SignedIn">Within the client's live session: their contacts and plan show, and "Back to my space".</param>
/// <param name="CanAlert">The button to alert is offered (a signed-in client, or a device tied to one).</param>
public sealed record UnsafePage(IReadOnlyList<CrisisLine> Lines, IReadOnlyList<SharedContact> People, SharedSafetyPlan? Plan, UnsafeOutcome Outcome,
    bool SignedIn, bool CanAlert, bool Discreet)
{
    public bool Told => Outcome is UnsafeOutcome.Alerted or UnsafeOutcome.AlreadyAlerted;
}
