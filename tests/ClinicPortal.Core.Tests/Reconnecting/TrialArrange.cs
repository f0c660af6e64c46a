using ClinicPortal.Core.BoundaryPlans;
using ClinicPortal.Core.Reconnecting;
using ClinicPortal.Core.SupportNetwork;

namespace ClinicPortal.Core.Tests.Reconnecting;

/// <summary>Trial-contact plans and the people they name, for rules tests and report fixtures.</summary>
internal static class TrialArrange
{
    public static readonly DateTimeOffset Now = new(2026, 11, 21, 15, 0, 0, TimeSpan.Zero);

    public static readonly string[] Criteria = ["He asks for money again.", "He uses our parents as messengers."];

    public static SupportPerson Person(Guid clientId, string name = "Priya", SupportRole role = SupportRole.Supportive) =>
        SupportPerson.Create(clientId, new SupportPersonDetails(name, "friend", SupportType.Friend, role, false, null, null, null, null, false), Now);

    public static TrialPlanDetails Details(params string?[] criteria) =>
        new(TrialChannel.PhoneCall, "Once a fortnight", "A café near work", 45, criteria.Length == 0 ? Criteria : criteria);

    /// <summary>A plan in force for <paramref name="boundary"/> with a supportive person on standby.</summary>
    public static TrialContactPlan PlanFor(Boundary boundary, DateTimeOffset? at = null) =>
        TrialContactPlan.Create(boundary, Details(), Person(boundary.ClientId), Guid.NewGuid(), at ?? Now);
}
