using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.BoundaryPlans;
using ClinicPortal.Core.Common;
using ClinicPortal.Core.TreatmentPlans;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Web.Areas.ClientSpace.CheckIns;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.ClientSpace.TreatmentPlan;

/// <summary>
/// The client's treatment plan as their clinician last signed it, in plain words, and the one button to say they have read it.
/// Drafts are never shown; the data filters keep the client to their own plan.
/// </summary>
[Route("client/plan")]
public sealed class TreatmentPlanController(ClinicDbContext db, ClinicCalendar calendar, AuditTrail audit) : ClientSpaceController(db, calendar)
{
    protected override bool RequiresOwnRecord => true;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var revision = await SignedAsync(ct);
        if (revision is not null) await audit.RecordAsync(AuditActions.View, AuditRecords.TreatmentPlan, revision.PlanId, Own.ClientId, ct);
        return View(new MyPlanPage(revision is null ? null : await PlainAsync(revision, ct), Own.Zone, Own.IsReadOnly));
    }

    /// <summary>Records that the client has read the signed plan; saying so twice changes nothing, and the page says so.</summary>
    [HttpPost("acknowledge")]
    public Task<IActionResult> Acknowledge(CancellationToken ct) =>
        ActAsync(RedirectToAction(nameof(Index)), async () =>
        {
            if (Own.IsReadOnly) throw new DomainRuleException(CheckInsController.DischargedMessage);
            var revision = await SignedAsync(ct) ?? throw new DomainRuleException("There is no plan to acknowledge yet.");
            if (!revision.Acknowledge(Calendar.UtcNow))
                return $"You already said you have read this plan, on {TimeZoneInfo.ConvertTime(revision.AcknowledgedAt!.Value, Own.Zone):d MMMM}. Nothing more to do.";
            audit.Add(AuditActions.Acknowledge, AuditRecords.TreatmentPlan, revision.PlanId, Own.ClientId);
            await Db.SaveChangesAsync(ct);
            return "Thank you. Your clinician can see that you have read your plan.";
        });

    /// <summary>The latest revision the clinician signed (tracked, to be acknowledged).</summary>
    private Task<TreatmentPlanRevision?> SignedAsync(CancellationToken ct)
    {
        var clientId = Own.ClientId;
        return Db.Set<TreatmentPlanRevision>().Where(r => r.ClientId == clientId && r.SignedAt != null)
            .OrderByDescending(r => r.Number).FirstOrDefaultAsync(ct);
    }

    private async Task<MyPlan> PlainAsync(TreatmentPlanRevision revision, CancellationToken ct)
    {
        var content = revision.Content();
        var ids = content.Goals.Where(g => g.Criterion.BoundaryId is not null).Select(g => g.Criterion.BoundaryId!.Value).ToList();
        var clientId = Own.ClientId;
        var people = ids.Count == 0 ? new Dictionary<Guid, string>()
            : await Db.Set<Boundary>().Where(b => b.ClientId == clientId && ids.Contains(b.Id)).Select(b => new { b.Id, b.PersonName }).ToDictionaryAsync(b => b.Id, b => b.PersonName, ct);
        var goals = content.Goals.Select(g => new MyGoal(g.Description,
            PlainWords.HowWeWillKnow(g.Criterion, g.Criterion.BoundaryId is { } id ? people.GetValueOrDefault(id) : null), g.TargetDate)).ToList();
        return new MyPlan(revision.Number, content.PresentingProblems, goals, content.Interventions, content.ReviewDate, revision.SignedAt!.Value, revision.AcknowledgedAt);
    }
}
