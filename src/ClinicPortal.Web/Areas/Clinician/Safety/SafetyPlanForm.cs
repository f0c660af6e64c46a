using ClinicPortal.Core.Safety;
using ClinicPortal.Web.Mvc;

namespace ClinicPortal.Web.Areas.Clinician.Safety;

public sealed class SafetyPlanForm : IVersionedForm
{
    public uint Version { get; set; }

    public string? WarningSigns { get; set; }
    public string? OnMyOwn { get; set; }
    public string? DistractingPeopleAndPlaces { get; set; }
    public string? PeopleToAskForHelp { get; set; }
    public string? ProfessionalsAndCrisisLines { get; set; }
    public string? SaferEnvironment { get; set; }
    public string? IfTheyMakeContact { get; set; }
    public string? ReasonsToKeepGoing { get; set; }
    public bool SharedWithClient { get; set; }

    public IReadOnlyDictionary<SafetyPlanStep, string?> Steps() => new Dictionary<SafetyPlanStep, string?>
    {
        [SafetyPlanStep.WarningSigns] = WarningSigns, [SafetyPlanStep.OnMyOwn] = OnMyOwn,
        [SafetyPlanStep.DistractingPeopleAndPlaces] = DistractingPeopleAndPlaces, [SafetyPlanStep.PeopleToAskForHelp] = PeopleToAskForHelp,
        [SafetyPlanStep.ProfessionalsAndCrisisLines] = ProfessionalsAndCrisisLines, [SafetyPlanStep.SaferEnvironment] = SaferEnvironment,
        [SafetyPlanStep.IfTheyMakeContact] = IfTheyMakeContact, [SafetyPlanStep.ReasonsToKeepGoing] = ReasonsToKeepGoing,
    };

    public string? this[SafetyPlanStep step] => Steps()[step];

    public static SafetyPlanForm From(SafetyPlan? p) => p is null ? new() : new()
    {
        WarningSigns = p.WarningSigns, OnMyOwn = p.OnMyOwn, DistractingPeopleAndPlaces = p.DistractingPeopleAndPlaces,
        PeopleToAskForHelp = p.PeopleToAskForHelp, ProfessionalsAndCrisisLines = p.ProfessionalsAndCrisisLines,
        SaferEnvironment = p.SaferEnvironment, IfTheyMakeContact = p.IfTheyMakeContact, ReasonsToKeepGoing = p.ReasonsToKeepGoing,
        SharedWithClient = p.SharedWithClient,
    };
}
