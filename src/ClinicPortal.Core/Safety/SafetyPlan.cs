using System.Text.RegularExpressions;
using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Common;

namespace ClinicPortal.Core.Safety;

/// <summary>The steps of a safety plan, in the order the client works through them.</summary>
public enum SafetyPlanStep
{
    WarningSigns,
    OnMyOwn,
    DistractingPeopleAndPlaces,
    PeopleToAskForHelp,
    ProfessionalsAndCrisisLines,
    SaferEnvironment,
    IfTheyMakeContact,
    ReasonsToKeepGoing,
}

/// <param name="NamesHelpers">A step where the client reaches out to people: no risk contact may be named in it.</param>
public sealed record SafetyPlanStepTemplate(SafetyPlanStep Step, int? Number, string Label, string ClientHeading, string Hint, bool NamesHelpers = false)
{
    public string Title => Number is { } n ? $"{n}. {Label}" : Label;
}

/// <summary>
/// A client's safety plan, built by the clinician with the client: the six steps of the Stanley–Brown
/// safety planning intervention, what to do if the other person makes contact or shows up, and the
/// client's reasons to keep going. The client sees it only once the clinician shares it.
/// </summary>
public sealed class SafetyPlan : IClientVisibleRecord
{
    public const int StepMax = 4000;

    public static readonly IReadOnlyList<SafetyPlanStepTemplate> Steps =
    [
        new(SafetyPlanStep.WarningSigns, 1, "Warning signs", "Signs that a hard moment is starting",
            "Thoughts, moods, situations or messages that tell the client a crisis may be building"),
        new(SafetyPlanStep.OnMyOwn, 2, "Things I can do on my own", "Things I can do on my own",
            "Ways to take the mind off things without contacting anyone: a walk, music, a shower, breathing"),
        new(SafetyPlanStep.DistractingPeopleAndPlaces, 3, "People and places that distract me", "People and places that help me take my mind off things",
            "Safe people and public places, with no link to the other person", NamesHelpers: true),
        new(SafetyPlanStep.PeopleToAskForHelp, 4, "People I can ask for help", "People I can ask for help",
            "Supportive contacts only, with how to reach them; never anyone who passes news to the other side", NamesHelpers: true),
        new(SafetyPlanStep.ProfessionalsAndCrisisLines, 5, "Professionals and crisis lines", "Professionals and crisis lines",
            "Therapist and clinic hours, after-hours line, local services (the clinic's crisis numbers are always shown too)", NamesHelpers: true),
        new(SafetyPlanStep.SaferEnvironment, 6, "Making my surroundings safer", "Making my surroundings safer",
            "Means removed or locked away, keys and passwords changed, locations hidden, a bag packed"),
        new(SafetyPlanStep.IfTheyMakeContact, null, "If the other person makes contact or shows up", "If they contact me or show up",
            "Do not reply; screenshot and save; leave and go to a safe place; who to call; when to call 911"),
        new(SafetyPlanStep.ReasonsToKeepGoing, null, "My reasons to keep going", "My reasons to keep going",
            "What matters most to the client, in their own words"),
    ];

    public Guid Id { get; private set; }
    public Guid ClientId { get; private set; }
    public string? WarningSigns { get; private set; }
    public string? OnMyOwn { get; private set; }
    public string? DistractingPeopleAndPlaces { get; private set; }
    public string? PeopleToAskForHelp { get; private set; }
    public string? ProfessionalsAndCrisisLines { get; private set; }
    public string? SaferEnvironment { get; private set; }
    public string? IfTheyMakeContact { get; private set; }
    public string? ReasonsToKeepGoing { get; private set; }
    public bool SharedWithClient { get; private set; }
    /// <summary>The number of the latest revision (<see cref="SafetyPlanRevision"/>): every save that changes something adds one.</summary>
    public int RevisionNumber { get; private set; }
    public Guid UpdatedById { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    private SafetyPlan() { }

    /// <param name="riskContacts">The names of the client's support-network people with the risk role: never to be named as helpers.</param>
    public static (SafetyPlan Plan, SafetyPlanRevision Revision) Create(Guid clientId, IReadOnlyDictionary<SafetyPlanStep, string?> steps,
        IReadOnlyCollection<string> riskContacts, bool shared, Guid byId, DateTimeOffset now)
    {
        var plan = new SafetyPlan { Id = Guid.NewGuid(), ClientId = clientId, CreatedAt = now };
        var values = Check(steps, riskContacts);
        plan.Apply(values, shared, byId, now);
        return (plan, plan.NewRevision(SafetyPlanRevision.Describe(null, null, values, shared), byId, now));
    }

    /// <summary>Saves the plan as a new revision; null (and nothing changed) when the steps and the sharing are as they were.</summary>
    public SafetyPlanRevision? Update(IReadOnlyDictionary<SafetyPlanStep, string?> steps, IReadOnlyCollection<string> riskContacts, bool shared,
        Guid byId, DateTimeOffset now)
    {
        var values = Check(steps, riskContacts);
        var before = StepValues();
        var summary = SafetyPlanRevision.Describe(before, SharedWithClient, values, shared);
        if (summary.Length == 0) return null;
        Apply(values, shared, byId, now);
        return NewRevision(summary, byId, now);
    }

    /// <summary>Every step's text, by step.</summary>
    public IReadOnlyDictionary<SafetyPlanStep, string?> StepValues() => Steps.ToDictionary(t => t.Step, t => Get(t.Step));

    private SafetyPlanRevision NewRevision(string summary, Guid byId, DateTimeOffset now)
    {
        RevisionNumber++;
        return new SafetyPlanRevision(this, byId, now, summary);
    }

    private static Dictionary<SafetyPlanStep, string?> Check(IReadOnlyDictionary<SafetyPlanStep, string?> steps, IReadOnlyCollection<string> riskContacts)
    {
        var values = Steps.ToDictionary(t => t.Step, t => Guard.Optional(steps.GetValueOrDefault(t.Step), t.Label, StepMax));
        if (values.Values.All(v => v is null)) throw new DomainRuleException("Fill in at least one step of the safety plan.");
        EnsureNoRiskHelpers(values, riskContacts);
        return values;
    }

    private void Apply(Dictionary<SafetyPlanStep, string?> values, bool shared, Guid byId, DateTimeOffset now)
    {
        (WarningSigns, OnMyOwn, DistractingPeopleAndPlaces, PeopleToAskForHelp) =
            (values[SafetyPlanStep.WarningSigns], values[SafetyPlanStep.OnMyOwn], values[SafetyPlanStep.DistractingPeopleAndPlaces], values[SafetyPlanStep.PeopleToAskForHelp]);
        (ProfessionalsAndCrisisLines, SaferEnvironment, IfTheyMakeContact, ReasonsToKeepGoing) =
            (values[SafetyPlanStep.ProfessionalsAndCrisisLines], values[SafetyPlanStep.SaferEnvironment], values[SafetyPlanStep.IfTheyMakeContact], values[SafetyPlanStep.ReasonsToKeepGoing]);
        (SharedWithClient, UpdatedById, UpdatedAt) = (shared, byId, now);
    }

    /// <summary>
    /// A person the clinician marked as a risk (they may pass news to the other side or pressure the client) is never
    /// offered as someone to turn to: naming them in a step where the client reaches out is refused.
    /// </summary>
    public static void EnsureNoRiskHelpers(IReadOnlyDictionary<SafetyPlanStep, string?> steps, IReadOnlyCollection<string> riskContacts)
    {
        foreach (var template in Steps.Where(t => t.NamesHelpers))
        {
            if (steps.GetValueOrDefault(template.Step) is not { } text) continue;
            var named = riskContacts.Select(n => n.Trim()).Where(n => n.Length > 0)
                .FirstOrDefault(n => Regex.IsMatch(text, $@"(?<!\w){Regex.Escape(n)}(?!\w)",
                    RegexOptions.IgnoreCase | RegexOptions.CultureInvariant));
            if (named is not null)
                throw new DomainRuleException($"\"{named}\" is a risk contact in the support network and cannot be named in \"{template.Title}\". "
                    + "Choose someone supportive, or change their role in the support network first.");
        }
    }

    public string? Get(SafetyPlanStep step) => step switch
    {
        SafetyPlanStep.WarningSigns => WarningSigns,
        SafetyPlanStep.OnMyOwn => OnMyOwn,
        SafetyPlanStep.DistractingPeopleAndPlaces => DistractingPeopleAndPlaces,
        SafetyPlanStep.PeopleToAskForHelp => PeopleToAskForHelp,
        SafetyPlanStep.ProfessionalsAndCrisisLines => ProfessionalsAndCrisisLines,
        SafetyPlanStep.SaferEnvironment => SaferEnvironment,
        SafetyPlanStep.IfTheyMakeContact => IfTheyMakeContact,
        SafetyPlanStep.ReasonsToKeepGoing => ReasonsToKeepGoing,
        _ => throw new ArgumentOutOfRangeException(nameof(step)),
    };
}
