using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.BoundaryPlans;
using ClinicPortal.Core.Common;
using ClinicPortal.Core.Reconnecting;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Web.Areas.ClientSpace.CheckIns;
using ClinicPortal.Web.Areas.ClientSpace.Home;
using ClinicPortal.Web.Mvc;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.ClientSpace.Reflections;

/// <summary>
/// The client's side of the way back into contact: a readiness reflection about a boundary whose door is open (each one a new
/// dated record the clinician reviews with them), and the short optional debrief offered once after a trial ends.
/// </summary>
[Route("client")]
public sealed class ReflectionsController(ClinicDbContext db, ClinicCalendar calendar, AuditTrail audit) : ClientSpaceController(db, calendar)
{
    public const int EarlierShown = 10;

    protected override bool RequiresOwnRecord => true;

    [HttpGet("reflection")]
    public async Task<IActionResult> Reflection(CancellationToken ct) => View(await ReflectionPageAsync(new ReflectionForm(), ct));

    [HttpPost("reflection")]
    public Task<IActionResult> SaveReflection(ReflectionForm form, CancellationToken ct) =>
        SubmitAsync(async () => View(nameof(Reflection), await ReflectionPageAsync(form, ct)), async () =>
        {
            if (Own.IsReadOnly) throw new DomainRuleException(CheckInsController.DischargedMessage);
            var boundary = form.BoundaryId is { } id
                ? await Db.Set<Boundary>().SingleOrDefaultAsync(b => b.Id == id && b.ClientId == Own.ClientId, ct)
                : null;
            var reflection = ReadinessReflection.Create(boundary, Own.ClientId, form.Answers(), Calendar.UtcNow);
            Db.Add(reflection);
            audit.Add(AuditActions.Create, AuditRecords.ReadinessReflection, reflection.Id, Own.ClientId);
            await Db.SaveChangesAsync(ct);
            Flash("Saved. Your clinician will see it, and you can talk it through together.");
            return RedirectToAction(nameof(HomeController.Index), ControllerNames.Of<HomeController>());
        });

    [HttpGet("debrief")]
    public async Task<IActionResult> Debrief(CancellationToken ct) => View(await DebriefPageAsync(new DebriefForm(), ct));

    [HttpPost("debrief")]
    public Task<IActionResult> SaveDebrief(DebriefForm form, CancellationToken ct) =>
        SubmitAsync(async () => View(nameof(Debrief), await DebriefPageAsync(form, ct)), async () =>
        {
            var plan = await DueAsync(ct);
            var debrief = TrialDebrief.Answer(plan, form.Answers(), Calendar.UtcNow);
            Db.Add(debrief);
            audit.Add(AuditActions.Create, AuditRecords.TrialDebrief, debrief.Id, Own.ClientId);
            await Db.SaveChangesAsync(ct);
            Flash("Thank you. Your clinician will see your answers.");
            return RedirectToAction(nameof(HomeController.Index), ControllerNames.Of<HomeController>());
        });

    [HttpPost("debrief/skip")]
    public Task<IActionResult> SkipDebrief(CancellationToken ct) =>
        ActAsync(RedirectToAction(nameof(HomeController.Index), ControllerNames.Of<HomeController>()), async () =>
        {
            var debrief = TrialDebrief.Skip(await DueAsync(ct), Calendar.UtcNow);
            Db.Add(debrief);
            audit.Add(AuditActions.Create, AuditRecords.TrialDebrief, debrief.Id, Own.ClientId);
            await Db.SaveChangesAsync(ct);
            return "No problem. These questions won't be offered again.";
        });

    /// <summary>The ended trial still waiting for its questions, oldest first; refused when there is none or the record is closed.</summary>
    private async Task<TrialContactPlan> DueAsync(CancellationToken ct)
    {
        if (Own.IsReadOnly) throw new DomainRuleException(CheckInsController.DischargedMessage);
        return await DuePlans().FirstOrDefaultAsync(ct)
            ?? throw new DomainRuleException("There is nothing waiting here right now.");
    }

    /// <summary>Ended trials without their questions answered, oldest first: the page and the save take the same one.</summary>
    private IQueryable<TrialContactPlan> DuePlans() => Db.Set<TrialContactPlan>()
        .Where(p => p.ClientId == Own.ClientId && p.EndedAt != null && !Db.Set<TrialDebrief>().Any(d => d.PlanId == p.Id))
        .OrderBy(p => p.EndedAt);

    private async Task<ReflectionPage> ReflectionPageAsync(ReflectionForm form, CancellationToken ct)
    {
        var clientId = Own.ClientId;
        var found = await Db.Clients.Where(c => c.Id == clientId).Select(c => new
            {
                People = Db.Set<Boundary>().Where(b => b.ClientId == clientId && b.DoorOpen).OrderBy(b => b.CreatedAt)
                    .Select(b => new ReflectionChoice(b.Id, b.PersonName)).ToList(),
                Earlier = Db.Set<ReadinessReflection>().Where(r => r.ClientId == clientId).OrderByDescending(r => r.CreatedAt).Take(EarlierShown)
                    .Select(r => new
                    {
                        r.CreatedAt, r.Answers, r.ReviewedAt,
                        Person = Db.Set<Boundary>().Where(b => b.Id == r.BoundaryId && b.ClientId == clientId).Select(b => b.PersonName).FirstOrDefault(),
                    }).ToList(),
            })
            .AsNoTracking().AsSingleQuery().SingleAsync(ct);
        form.People = found.People;
        if (found.People.Count == 1) form.BoundaryId ??= found.People[0].BoundaryId;
        // The page names the people of the boundaries and shows earlier answers: a read of the record when it shows either.
        if (found.Earlier.Count > 0 || found.People.Count > 0)
            await audit.RecordAsync(AuditActions.View, AuditRecords.ReadinessReflection, null, clientId, ct);
        return new ReflectionPage(Own.IsReadOnly, form,
            found.Earlier.Select(r => new MyReflection(r.CreatedAt, r.Person ?? "", r.Answers, r.ReviewedAt)).ToList(), Own.Zone);
    }

    private async Task<DebriefPage> DebriefPageAsync(DebriefForm form, CancellationToken ct)
    {
        var due = await DuePlans().Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
        if (due is { } planId) await audit.RecordAsync(AuditActions.View, AuditRecords.TrialContactPlan, planId, Own.ClientId, ct);
        return new DebriefPage(Own.IsReadOnly, due is not null, form);
    }
}
