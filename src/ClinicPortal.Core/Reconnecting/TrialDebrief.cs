using ClinicPortal.Core.Clients;

namespace ClinicPortal.Core.Reconnecting;

/// <summary>The few questions offered to the client after a trial ends with a return to no contact.</summary>
public enum DebriefQuestion
{
    HowItFelt = 0,
    WhatHelped = 1,
    WhatYouNeedNow = 2,
    ForNextTime = 3,
}

/// <summary>
/// The client's answers after a trial ended, or their choice to skip them; one per ended plan, so the offer is made once.
/// Dated, and shown to the clinician on the trial plan's page.
/// </summary>
public sealed class TrialDebrief : IClientVisibleRecord
{
    public Guid Id { get; private set; }
    public Guid ClientId { get; private set; }
    public Guid PlanId { get; private set; }
    public IReadOnlyList<ReflectionAnswer<DebriefQuestion>> Answers { get; private set; } = [];
    /// <summary>The client chose not to answer; the offer is not made again.</summary>
    public bool Skipped { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    private TrialDebrief() { }

    public static TrialDebrief Answer(TrialContactPlan plan, IEnumerable<ReflectionAnswer<DebriefQuestion>> answers, DateTimeOffset now) =>
        new() { Id = Guid.NewGuid(), ClientId = Offered(plan).ClientId, PlanId = plan.Id, Answers = ReflectionAnswers.Check(answers), CreatedAt = now };

    public static TrialDebrief Skip(TrialContactPlan plan, DateTimeOffset now) =>
        new() { Id = Guid.NewGuid(), ClientId = Offered(plan).ClientId, PlanId = plan.Id, Skipped = true, CreatedAt = now };

    private static TrialContactPlan Offered(TrialContactPlan plan) => plan.InForce
        ? throw new Common.DomainRuleException("There is nothing to look back on yet.")
        : plan;

    public static string Wording(DebriefQuestion question) => question switch
    {
        DebriefQuestion.HowItFelt => "How did it feel, during and afterwards?",
        DebriefQuestion.WhatHelped => "What helped you step back?",
        DebriefQuestion.WhatYouNeedNow => "What do you need now?",
        DebriefQuestion.ForNextTime => "Is there anything you want to remember for another time?",
        _ => question.ToString(),
    };
}
