using ClinicPortal.Core.Reconnecting;
using ClinicPortal.Web.Mvc;

namespace ClinicPortal.Web.Areas.Clinician.Reconnecting;

/// <summary>
/// A return to no contact: which exit criterion was met (its number, from 1), or "another reason" (0) with words.
/// Versioned on the boundary, which the return revises, and on the plan, whose criteria are chosen by number: a plan
/// edited in another window since the page was shown is refused rather than a different criterion recorded.
/// </summary>
public sealed class EndTrialForm : IVersionedForm
{
    public const int AnotherReason = 0;

    public uint Version { get; set; }
    public uint PlanVersion { get; set; }

    [BindingMessage(TrialExit.ChooseOne)]
    public int? Criterion { get; set; }
    public string? OtherReason { get; set; }

    public TrialExit ToExit() => Criterion switch
    {
        null => throw new Core.Common.DomainRuleException(TrialExit.ChooseOne),
        AnotherReason => new TrialExit(null, OtherReason),
        var n => new TrialExit(n, null), // words typed under "another reason" before choosing a criterion are not kept
    };
}
