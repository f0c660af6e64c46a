using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.Safety;
using ClinicPortal.Core.SupportNetwork;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Web.Areas.Clinician.Clients;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.Clinician.Safety;

/// <summary>The clinician builds the client's safety plan with them and decides when the client can see it.</summary>
[Route("clinician/clients/{clientId:guid}/safety/plan")]
public sealed class SafetyPlanController(ClinicDbContext db, AuditTrail audit, ClinicCalendar calendar) : ClientRecordController(db)
{
    protected override ClientSection Section => ClientSection.Safety;

    [HttpGet("")]
    public async Task<IActionResult> Edit(CancellationToken ct)
    {
        var plan = await FindPlanAsync(ct);
        return View(nameof(Edit), await PageAsync(plan, Versioned(SafetyPlanForm.From(plan), plan), ct)); // named: also shown from Save
    }

    [HttpPost("")]
    public Task<IActionResult> Save(SafetyPlanForm form, CancellationToken ct) =>
        SubmitAsync(async () => View(nameof(Edit), await PageAsync(await FindPlanAsync(ct), form, ct)), async () =>
        {
            Client.EnsureEditable();
            var risk = await RiskContactsAsync(ct);
            var plan = await FindPlanAsync(ct);
            ExpectVersion(plan, form);
            SafetyPlanRevision? revision;
            if (plan is not null)
            {
                if ((revision = plan.Update(form.Steps(), risk, form.SharedWithClient, Me, calendar.UtcNow)) is null)
                {
                    Flash("Nothing changed, so no new revision was saved.");
                    return RedirectToAction(nameof(Edit));
                }
                audit.Add(AuditActions.Update, AuditRecords.SafetyPlan, plan.Id, Client.Id);
            }
            else
            {
                (plan, revision) = SafetyPlan.Create(Client.Id, form.Steps(), risk, form.SharedWithClient, Me, calendar.UtcNow);
                Db.Add(plan);
                audit.Add(AuditActions.Create, AuditRecords.SafetyPlan, plan.Id, Client.Id);
            }
            Db.Add(revision); // the plan and its revision commit together
            await Db.SaveChangesAsync(ct);
            Flash($"Safety plan saved as revision {revision.Number}. "
                + (plan.SharedWithClient ? "The client can open it from their home." : "It is not shared with the client."));
            return RedirectToAction(nameof(Edit));
        }, () => Edit(ct));

    /// <summary>The client's risk contacts: never to be named in the steps that name helpers.</summary>
    private Task<List<string>> RiskContactsAsync(CancellationToken ct) =>
        Db.Set<SupportPerson>().Where(p => p.ClientId == Client.Id && p.Role == SupportRole.Risk).Select(p => p.Name).ToListAsync(ct);

    private Task<SafetyPlan?> FindPlanAsync(CancellationToken ct) =>
        Db.Set<SafetyPlan>().SingleOrDefaultAsync(p => p.ClientId == Client.Id, ct);

    /// <summary>
    /// The page, first view or shown again after a refused save: the plan (when there is one) and the client's supportive
    /// people it offers as helpers are read either way, and audited (no record id before the first plan is saved).
    /// </summary>
    private async Task<SafetyPlanPage> PageAsync(SafetyPlan? plan, SafetyPlanForm form, CancellationToken ct)
    {
        await audit.RecordAsync(AuditActions.View, AuditRecords.SafetyPlan, plan?.Id, Client.Id, ct);
        // Newest first, with their authors; the newest one's author is who saved the plan last.
        var revisions = plan is null ? [] : await Db.Set<SafetyPlanRevision>().Where(r => r.PlanId == plan.Id && r.ClientId == Client.Id)
            .OrderByDescending(r => r.Number)
            .Select(r => new SafetyPlanRevisionRow(r.Number, r.CreatedAt, Db.Users.Where(u => u.Id == r.AuthorId).Select(u => u.DisplayName).First(),
                r.Summary, r.SharedWithClient))
            .ToListAsync(ct);
        var supportive = await Db.Set<SupportPerson>().Where(p => p.ClientId == Client.Id && p.Role == SupportRole.Supportive)
            .OrderBy(p => p.Name).Select(p => p.Name).ToListAsync(ct);
        return new SafetyPlanPage(Client.IsReadOnly, form, plan?.UpdatedAt, revisions.FirstOrDefault()?.Author, await calendar.ZoneAsync(ct), supportive,
            await RiskContactsAsync(ct), revisions);
    }
}
