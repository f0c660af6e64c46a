using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.BoundaryPlans;
using ClinicPortal.Core.TreatmentPlans;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.TreatmentPlans;
using ClinicPortal.Web.Areas.Clinician.Clients;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.Clinician.TreatmentPlans;

/// <summary>
/// The client's treatment plan: written and revised by the clinician (each save a draft revision), signed, then shown to the
/// client in plain words to acknowledge. Goals with a measurable criterion show whether they are met.
/// </summary>
[Route("clinician/clients/{clientId:guid}/treatment-plan")]
public sealed class TreatmentPlanController(ClinicDbContext db, AuditTrail audit, ClinicCalendar calendar, IMeasureScores measures, GoalEvidenceQuery evidence)
    : ClientRecordController(db)
{
    protected override ClientSection Section => ClientSection.TreatmentPlan;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var clientId = Client.Id;
        // The plan and its revisions (newest first, with their authors and signers) in one statement.
        var found = await Db.Set<TreatmentPlan>().AsNoTracking().Where(p => p.ClientId == clientId).Select(p => new
            {
                Plan = p,
                Revisions = Db.Set<TreatmentPlanRevision>().Where(r => r.PlanId == p.Id && r.ClientId == clientId).OrderByDescending(r => r.Number)
                    .Select(r => new PlanRevisionRow(r.Number, r.CreatedAt, Db.Users.Where(u => u.Id == r.AuthorId).Select(u => u.DisplayName).First(), r.Summary,
                        r.SignedAt, Db.Users.Where(u => u.Id == r.SignedById).Select(u => u.DisplayName).FirstOrDefault(), r.AcknowledgedAt)).ToList(),
            })
            .SingleOrDefaultAsync(ct);
        await audit.RecordAsync(AuditActions.View, AuditRecords.TreatmentPlan, found?.Plan.Id, clientId, ct);
        var zone = await calendar.ZoneAsync(ct);
        if (found is null) return View(new TreatmentPlanPage(Client.IsReadOnly, null, [], false, [], zone));
        var content = found.Plan.Content();
        var now = calendar.UtcNow;
        var (judged, names) = await evidence.ForAsync(clientId, content.Goals, now, ct);
        var goals = content.Goals.Select(g => new GoalView(g.Description,
            g.Criterion.Describe(g.Criterion.BoundaryId is { } b ? names.GetValueOrDefault(b) : null), g.TargetDate,
            GoalProgress.Of(g.Criterion, judged, now))).ToList();
        return View(new TreatmentPlanPage(Client.IsReadOnly, content, goals, found.Plan.IsReviewOverdue(await calendar.TodayAsync(ct)), found.Revisions, zone));
    }

    [HttpGet("edit")]
    public async Task<IActionResult> Edit(CancellationToken ct)
    {
        var plan = await FindPlanAsync(ct);
        return View(nameof(Edit), await EditPageAsync(plan, Versioned(PlanForm.From(plan?.Content()), plan), ct));
    }

    [HttpPost("edit")]
    public Task<IActionResult> Save(PlanForm form, CancellationToken ct) =>
        SubmitAsync(async () => View(nameof(Edit), await EditPageAsync(await FindPlanAsync(ct), form.WithBlankRows(), ct)), async () =>
        {
            Client.EnsureEditable();
            var plan = await FindPlanAsync(ct);
            ExpectVersion(plan, form);
            var context = new PlanContext(await measures.GivenAsync(Client.Id, ct), await BoundariesAsync(ct), await calendar.TodayAsync(ct));
            TreatmentPlanRevision? revision;
            if (plan is not null)
            {
                if ((revision = plan.Revise(form.ToContent(), context, Me, calendar.UtcNow)) is null)
                {
                    Flash("Nothing changed, so no new revision was saved.");
                    return RedirectToAction(nameof(Index));
                }
                audit.Add(AuditActions.Update, AuditRecords.TreatmentPlan, plan.Id, Client.Id);
            }
            else
            {
                (plan, revision) = TreatmentPlan.Create(Client.Id, form.ToContent(), context, Me, calendar.UtcNow);
                Db.Add(plan);
                audit.Add(AuditActions.Create, AuditRecords.TreatmentPlan, plan.Id, Client.Id);
            }
            Db.Add(revision); // the plan and its revision commit together
            await Db.SaveChangesAsync(ct);
            Flash($"Treatment plan saved as revision {revision.Number}, a draft: sign it when it is ready for the client.");
            return RedirectToAction(nameof(Index));
        }, () => Edit(ct));

    /// <param name="revision">The revision the page showed: signing is refused when a newer draft was saved since.</param>
    [HttpPost("sign")]
    public Task<IActionResult> Sign(int revision, CancellationToken ct) =>
        ActAsync(RedirectToAction(nameof(Index)), async () =>
        {
            Client.EnsureEditable();
            var clientId = Client.Id;
            var latest = await Db.Set<TreatmentPlanRevision>().Where(r => r.ClientId == clientId).OrderByDescending(r => r.Number).FirstOrDefaultAsync(ct)
                ?? throw new Core.Common.DomainRuleException("There is no treatment plan to sign yet.");
            if (latest.Number != revision)
                throw new Core.Common.DomainRuleException($"Revision {latest.Number} was saved after the one you were reading. Read it, then sign.");
            latest.Sign(Me, calendar.UtcNow);
            audit.Add(AuditActions.Sign, AuditRecords.TreatmentPlan, latest.PlanId, clientId);
            await Db.SaveChangesAsync(ct);
            return $"Revision {latest.Number} signed. The client can read it in their space and acknowledge it.";
        });

    private Task<TreatmentPlan?> FindPlanAsync(CancellationToken ct) =>
        Db.Set<TreatmentPlan>().SingleOrDefaultAsync(p => p.ClientId == Client.Id, ct);

    /// <summary>The client's boundaries by id, named by the person: the only ones a boundary goal may name.</summary>
    private async Task<Dictionary<Guid, string>> BoundariesAsync(CancellationToken ct)
    {
        var clientId = Client.Id;
        return await Db.Set<Boundary>().Where(b => b.ClientId == clientId).OrderBy(b => b.PersonName).Select(b => new { b.Id, b.PersonName })
            .ToDictionaryAsync(b => b.Id, b => b.PersonName, ct);
    }

    /// <summary>The form, first shown or shown again after a refused save: the plan (when there is one) is read either way, and audited.</summary>
    private async Task<PlanEditPage> EditPageAsync(TreatmentPlan? plan, PlanForm form, CancellationToken ct)
    {
        await audit.RecordAsync(AuditActions.View, AuditRecords.TreatmentPlan, plan?.Id, Client.Id, ct);
        form.Boundaries = await BoundariesAsync(ct);
        return new PlanEditPage(Client.IsReadOnly, form, plan is not null);
    }
}
