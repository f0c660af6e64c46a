using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.BoundaryPlans;
using ClinicPortal.Core.Reconnecting;
using ClinicPortal.Core.SupportNetwork;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Web.Areas.Clinician.BoundaryPlans;
using ClinicPortal.Web.Areas.Clinician.Clients;
using ClinicPortal.Web.Mvc;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.Clinician.Reconnecting;

/// <summary>
/// The way back into contact for one boundary: the trial-contact plan (written before "Reconnecting"), the return to
/// no contact with the exit criterion met, and the review of the client's readiness reflections. The boundary's page shows them.
/// </summary>
[Route("clinician/clients/{clientId:guid}/boundaries/{boundaryId:guid}")]
public sealed class ReconnectingController(ClinicDbContext db, AuditTrail audit, ClinicCalendar calendar, ReconnectingQuery query)
    : ClientRecordController(db)
{
    protected override ClientSection Section => ClientSection.Boundaries;

    [HttpGet("trial/new")]
    public async Task<IActionResult> NewTrial(Guid boundaryId, CancellationToken ct)
    {
        if (await FindBoundaryAsync(boundaryId, ct) is not { } boundary) return NotFound();
        if (Client.IsReadOnly) return ReadOnlyClient();
        // One plan in force at a time: with one already, this opens it for editing.
        return await query.PlanInForceAsync(Client.Id, boundaryId, ct) is { } inForce
            ? await FormAsync(boundary, inForce.Id, Versioned(TrialPlanForm.From(inForce), inForce), ct)
            : await FormAsync(boundary, null, new TrialPlanForm(), ct);
    }

    [HttpPost("trial/new")]
    public async Task<IActionResult> CreateTrial(Guid boundaryId, TrialPlanForm form, CancellationToken ct)
    {
        if (await FindBoundaryAsync(boundaryId, ct) is not { } boundary) return NotFound();
        return await SubmitAsync(() => FormAsync(boundary, null, form, ct), async () =>
        {
            Client.EnsureEditable();
            if (await query.PlanInForceAsync(Client.Id, boundaryId, ct) is not null)
                throw new Core.Common.DomainRuleException("This boundary already has a trial-contact plan in force: edit that one.");
            var plan = TrialContactPlan.Create(boundary, form.ToDetails(), await StandbyAsync(form.StandbyPersonId, ct), Me, calendar.UtcNow);
            Db.Add(plan);
            audit.Add(AuditActions.Create, AuditRecords.TrialContactPlan, plan.Id, Client.Id);
            await Db.SaveChangesAsync(ct);
            Flash("Trial-contact plan saved. The boundary can now move to reconnecting.");
            return RedirectToAction(nameof(BoundaryPlansController.Show), ControllerNames.Of<BoundaryPlansController>(), new { boundaryId });
        });
    }

    [HttpGet("trial/{planId:guid}/edit")]
    public async Task<IActionResult> EditTrial(Guid boundaryId, Guid planId, CancellationToken ct)
    {
        if (await FindBoundaryAsync(boundaryId, ct) is not { } boundary || await FindPlanAsync(boundaryId, planId, ct) is not { } plan) return NotFound();
        if (Client.IsReadOnly) return ReadOnlyClient();
        return await FormAsync(boundary, planId, Versioned(TrialPlanForm.From(plan), plan), ct);
    }

    [HttpPost("trial/{planId:guid}/edit")]
    public async Task<IActionResult> UpdateTrial(Guid boundaryId, Guid planId, TrialPlanForm form, CancellationToken ct)
    {
        if (await FindBoundaryAsync(boundaryId, ct) is not { } boundary || await FindPlanAsync(boundaryId, planId, ct) is not { } plan) return NotFound();
        return await SubmitAsync(() => FormAsync(boundary, planId, form, ct), async () =>
        {
            Client.EnsureEditable();
            ExpectVersion(plan, form);
            plan.Update(form.ToDetails(), await StandbyAsync(form.StandbyPersonId, ct), calendar.UtcNow);
            audit.Add(AuditActions.Update, AuditRecords.TrialContactPlan, planId, Client.Id);
            await Db.SaveChangesAsync(ct);
            Flash("Trial-contact plan saved.");
            return RedirectToAction(nameof(BoundaryPlansController.Show), ControllerNames.Of<BoundaryPlansController>(), new { boundaryId });
        }, () => EditTrial(boundaryId, planId, ct));
    }

    [HttpGet("trial/{planId:guid}/end")]
    public async Task<IActionResult> EndTrial(Guid boundaryId, Guid planId, CancellationToken ct)
    {
        if (await FindBoundaryAsync(boundaryId, ct) is not { } boundary || await FindPlanAsync(boundaryId, planId, ct) is not { } plan) return NotFound();
        if (Client.IsReadOnly) return ReadOnlyClient();
        return await EndPageAsync(boundary, planId, Versioned(new EndTrialForm { PlanVersion = Db.VersionOf(plan) }, boundary), ct);
    }

    [HttpPost("trial/{planId:guid}/end")]
    public async Task<IActionResult> ReturnToNoContact(Guid boundaryId, Guid planId, EndTrialForm form, CancellationToken ct)
    {
        if (await FindBoundaryAsync(boundaryId, ct) is not { } boundary || await FindPlanAsync(boundaryId, planId, ct) is not { } plan) return NotFound();
        return await SubmitAsync(() => EndPageAsync(boundary, planId, form, ct), async () =>
        {
            Client.EnsureEditable();
            ExpectVersion(boundary, form);
            Db.ExpectVersion(plan, form.PlanVersion);
            var revision = boundary.ReturnToNoContact(plan, form.ToExit(), Me, calendar.UtcNow);
            Db.Add(revision);
            audit.Add(AuditActions.EndTrial, AuditRecords.TrialContactPlan, planId, Client.Id);
            audit.Add(AuditActions.Update, AuditRecords.Boundary, boundaryId, Client.Id);
            await Db.SaveChangesAsync(ct); // the plan's end, the boundary's revision and the audit rows commit together
            Flash($"Back to no contact, saved as revision {revision.Number} with the reason.");
            return RedirectToAction(nameof(BoundaryPlansController.Show), ControllerNames.Of<BoundaryPlansController>(), new { boundaryId });
        }, () => EndTrial(boundaryId, planId, ct));
    }

    [HttpPost("reflections/{reflectionId:guid}/reviewed")]
    public async Task<IActionResult> MarkReviewed(Guid boundaryId, Guid reflectionId, CancellationToken ct)
    {
        var reflection = await Db.Set<ReadinessReflection>()
            .SingleOrDefaultAsync(r => r.Id == reflectionId && r.BoundaryId == boundaryId && r.ClientId == Client.Id, ct);
        if (reflection is null) return NotFound();
        return await ActAsync(RedirectToAction(nameof(BoundaryPlansController.Show), ControllerNames.Of<BoundaryPlansController>(), new { boundaryId }),
            async () =>
            {
                Client.EnsureEditable();
                reflection.MarkReviewed(Me, calendar.UtcNow);
                audit.Add(AuditActions.Review, AuditRecords.ReadinessReflection, reflectionId, Client.Id);
                await Db.SaveChangesAsync(ct);
                return "Reflection marked as reviewed with the client.";
            });
    }

    /// <summary>The plan form, audited as a view of the boundary (its person is named) or of the plan being edited.</summary>
    private async Task<IActionResult> FormAsync(Boundary boundary, Guid? planId, TrialPlanForm form, CancellationToken ct)
    {
        if (planId is { } id) await audit.RecordAsync(AuditActions.View, AuditRecords.TrialContactPlan, id, Client.Id, ct);
        else await audit.RecordAsync(AuditActions.View, AuditRecords.Boundary, boundary.Id, Client.Id, ct);
        return View("TrialForm", new TrialPlanFormPage(boundary.Id, boundary.PersonName, planId, form.ForDisplay(await query.StandbyChoicesAsync(Client.Id, ct))));
    }

    private async Task<IActionResult> EndPageAsync(Boundary boundary, Guid planId, EndTrialForm form, CancellationToken ct)
    {
        if (await query.WithBoundaryAsync(Client.Id, boundary.Id, ct) is not { View.InForce: { } plan } || plan.Id != planId) return NotFound();
        await audit.RecordAsync(AuditActions.View, AuditRecords.TrialContactPlan, planId, Client.Id, ct);
        return View("EndTrial", new EndTrialPage(boundary.Id, boundary.PersonName, plan, form));
    }

    private Task<Boundary?> FindBoundaryAsync(Guid boundaryId, CancellationToken ct) =>
        Db.Set<Boundary>().SingleOrDefaultAsync(b => b.Id == boundaryId && b.ClientId == Client.Id, ct);

    private Task<TrialContactPlan?> FindPlanAsync(Guid boundaryId, Guid planId, CancellationToken ct) =>
        Db.Set<TrialContactPlan>().SingleOrDefaultAsync(p => p.Id == planId && p.BoundaryId == boundaryId && p.ClientId == Client.Id, ct);

    /// <summary>The chosen person, only from this client's network: a tampered id finds no one, and the rule says so.</summary>
    private async Task<SupportPerson?> StandbyAsync(Guid? personId, CancellationToken ct) => personId is { } id
        ? await Db.Set<SupportPerson>().SingleOrDefaultAsync(p => p.Id == id && p.ClientId == Client.Id, ct)
        : null;
}
