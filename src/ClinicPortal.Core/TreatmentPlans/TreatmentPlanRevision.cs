using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Common;

namespace ClinicPortal.Core.TreatmentPlans;

/// <summary>
/// One saved state of a treatment plan: who saved it and when, the plan as it then stood, and what changed. A draft until the
/// clinician signs it; once signed its content never changes, and the client may acknowledge it (the client reads signed
/// revisions only, hence client-visible).
/// </summary>
public sealed class TreatmentPlanRevision : IClientVisibleRecord
{
    public const int SummaryMax = 1000;

    public Guid Id { get; private set; }
    public Guid PlanId { get; private set; }
    public Guid ClientId { get; private set; }
    public int Number { get; private set; }
    public Guid AuthorId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string Summary { get; private set; } = "";
    /// <summary>The plan's content as JSON (<see cref="Content"/>).</summary>
    public string Snapshot { get; private set; } = "";
    public Guid? SignedById { get; private set; }
    public DateTimeOffset? SignedAt { get; private set; }
    public DateTimeOffset? AcknowledgedAt { get; private set; }

    private TreatmentPlanRevision() { }

    internal TreatmentPlanRevision(TreatmentPlan plan, Guid authorId, DateTimeOffset now, PlanContent content, string summary)
    {
        (Id, PlanId, ClientId, Number, AuthorId, CreatedAt) = (Guid.NewGuid(), plan.Id, plan.ClientId, plan.RevisionNumber, authorId, now);
        Summary = summary.Length > SummaryMax ? summary[..(SummaryMax - 1)] + "…" : summary;
        Snapshot = content.ToJson();
    }

    public bool IsSigned => SignedAt is not null;

    public PlanContent Content() => PlanContent.FromJson(Snapshot);

    /// <summary>The clinician signs this revision: the client can then see it. A revision is signed once.</summary>
    public void Sign(Guid byId, DateTimeOffset now)
    {
        if (IsSigned) throw new DomainRuleException($"Revision {Number} is already signed. Edit the plan to make a new draft, then sign that.");
        (SignedById, SignedAt) = (byId, now);
    }

    /// <summary>The client acknowledges the signed plan; false (and nothing changes) when they already had.</summary>
    public bool Acknowledge(DateTimeOffset now)
    {
        if (!IsSigned) throw new DomainRuleException("This plan has not been signed yet.");
        if (AcknowledgedAt is not null) return false;
        AcknowledgedAt = now;
        return true;
    }
}
