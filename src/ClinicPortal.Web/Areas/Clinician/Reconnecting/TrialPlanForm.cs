using ClinicPortal.Core.Reconnecting;
using ClinicPortal.Web.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ClinicPortal.Web.Areas.Clinician.Reconnecting;

/// <summary>The trial-contact plan form; exit criteria are indexed rows, blank ones ignored. The rules live in <see cref="TrialContactPlan"/>.</summary>
public sealed class TrialPlanForm : IVersionedForm
{
    public const int CriteriaRows = 5;

    public uint Version { get; set; }

    [BindingMessage("Choose the channel for the trial contact.")]
    public TrialChannel? Channel { get; set; }
    public string? Frequency { get; set; }
    public string? FirstMeetingPlace { get; set; }
    [BindingMessage("Give the first meeting's length as a number of minutes.")]
    public int? FirstMeetingMinutes { get; set; }
    [BindingMessage("Choose a support person on standby from the client's support network.")]
    public Guid? StandbyPersonId { get; set; }
    public List<string?> ExitCriteria { get; set; } = [];

    [BindNever]
    public IReadOnlyList<StandbyChoice> Standby { get; set; } = [];

    public TrialPlanDetails ToDetails() => new(Channel, Frequency, FirstMeetingPlace, FirstMeetingMinutes, ExitCriteria);

    public static TrialPlanForm From(TrialContactPlan p) => new()
    {
        Channel = p.Channel, Frequency = p.Frequency, FirstMeetingPlace = p.FirstMeetingPlace, FirstMeetingMinutes = p.FirstMeetingMinutes,
        StandbyPersonId = p.StandbyPersonId, ExitCriteria = p.ExitCriteria.Cast<string?>().ToList(),
    };

    /// <summary>Ready to render: the written criteria and a few blank rows, never more than a plan may hold.</summary>
    public TrialPlanForm ForDisplay(IReadOnlyList<StandbyChoice> standby)
    {
        var kept = ExitCriteria.Where(c => !string.IsNullOrWhiteSpace(c)).ToList();
        var blanks = Math.Max(0, Math.Min(TrialContactPlan.CriteriaMax - kept.Count, Math.Max(2, CriteriaRows - kept.Count)));
        ExitCriteria = kept.Concat(Enumerable.Repeat<string?>(null, blanks)).ToList();
        Standby = standby;
        return this;
    }
}
