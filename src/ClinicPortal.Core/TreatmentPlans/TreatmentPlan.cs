using ClinicPortal.Core.Clients;

namespace ClinicPortal.Core.TreatmentPlans;

/// <summary>
/// A client's treatment plan as it stands now. Every save that changes it adds a <see cref="TreatmentPlanRevision"/> (a draft
/// until the clinician signs it); the client sees the latest signed revision, in plain words, and acknowledges it.
/// </summary>
public sealed class TreatmentPlan : IClinicalRecord
{
    public Guid Id { get; private set; }
    public Guid ClientId { get; private set; }
    public string PresentingProblems { get; private set; } = "";
    /// <summary>The goals as JSON (<see cref="PlanContent.GoalsFromJson"/>).</summary>
    public string Goals { get; private set; } = "[]";
    public string? Interventions { get; private set; }
    /// <summary>When the plan is to be reviewed: shown on the caseload once it has passed.</summary>
    public DateOnly? ReviewDate { get; private set; }
    /// <summary>The number of the latest revision (1 after creation).</summary>
    public int RevisionNumber { get; private set; }
    public Guid UpdatedById { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    private TreatmentPlan() { }

    public static (TreatmentPlan Plan, TreatmentPlanRevision Revision) Create(Guid clientId, PlanContent content, PlanContext context, Guid byId, DateTimeOffset now)
    {
        var checkedContent = PlanRules.Check(content, context, null);
        var plan = new TreatmentPlan { Id = Guid.NewGuid(), ClientId = clientId, CreatedAt = now };
        plan.Apply(checkedContent, byId, now);
        return (plan, plan.NewRevision(null, checkedContent, byId, now));
    }

    /// <summary>Saves the change as a new draft revision (a signed plan edited is a new draft); null, and nothing changed, when the content is as it was.</summary>
    public TreatmentPlanRevision? Revise(PlanContent content, PlanContext context, Guid byId, DateTimeOffset now)
    {
        var before = Content();
        var checkedContent = PlanRules.Check(content, context, before);
        if (checkedContent.SameAs(before)) return null;
        Apply(checkedContent, byId, now);
        return NewRevision(before, checkedContent, byId, now);
    }

    public PlanContent Content() => new(PresentingProblems, PlanContent.GoalsFromJson(Goals), Interventions, ReviewDate);

    /// <summary>The review date has passed (a review due today is not yet overdue).</summary>
    public bool IsReviewOverdue(DateOnly today) => ReviewDate is { } review && review < today;

    private void Apply(PlanContent content, Guid byId, DateTimeOffset now)
    {
        (PresentingProblems, Goals, Interventions, ReviewDate) = (content.PresentingProblems, PlanContent.GoalsToJson(content.Goals), content.Interventions, content.ReviewDate);
        (UpdatedById, UpdatedAt) = (byId, now);
    }

    private TreatmentPlanRevision NewRevision(PlanContent? before, PlanContent after, Guid byId, DateTimeOffset now)
    {
        RevisionNumber++;
        return new TreatmentPlanRevision(this, byId, now, after, PlanChanges.Describe(before, after));
    }
}
