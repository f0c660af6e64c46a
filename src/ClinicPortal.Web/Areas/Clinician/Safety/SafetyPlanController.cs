using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.Common;
using ClinicPortal.Core.Safety;
using ClinicPortal.Core.SupportNetwork;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.Database;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.Clinician.Safety;

/// <summary>The clinician builds the client's safety plan with them and decides when the client can see it.</summary>
[Route("clinician/clients/{clientId:guid}/safety/plan")]
public sealed class SafetyPlanController(ClinicDbContext db, AuditTrail audit, ClinicCalendar calendar) : ClinicianController(db)
{
    private const string PlanView = "~/Areas/Clinician/Safety/Plan.cshtml";

    [HttpGet("")]
    public async Task<IActionResult> Edit(Guid clientId, CancellationToken ct)
    {
        if (await FindClientAsync(clientId, ct) is not { } client) return NotFound();
        await SetHeaderAsync(client, SafetyController.Section, ct);
        var plan = await FindPlanAsync(clientId, ct);
        if (plan is not null) await audit.RecordAsync(AuditActions.View, AuditRecords.SafetyPlan, plan.Id, clientId, ct);
        return View(PlanView, await PageAsync(clientId, client.IsReadOnly, plan, SafetyPlanForm.From(plan), ct));
    }

    [HttpPost("")]
    public async Task<IActionResult> Save(Guid clientId, SafetyPlanForm form, CancellationToken ct)
    {
        if (await FindClientAsync(clientId, ct) is not { } client) return NotFound();
        await SetHeaderAsync(client, SafetyController.Section, ct);
        var plan = await FindPlanAsync(clientId, ct);
        if (!ModelState.IsValid) return View(PlanView, await PageAsync(clientId, client.IsReadOnly, plan, form, ct));
        try
        {
            client.EnsureEditable();
            var risk = await RiskContactsAsync(clientId, ct);
            if (plan is null)
            {
                plan = SafetyPlan.Create(clientId, form.Steps(), risk, form.SharedWithClient, Me, calendar.UtcNow);
                Db.Add(plan);
                audit.Add(AuditActions.Create, AuditRecords.SafetyPlan, plan.Id, clientId);
            }
            else
            {
                plan.Update(form.Steps(), risk, form.SharedWithClient, Me, calendar.UtcNow);
                audit.Add(AuditActions.Update, AuditRecords.SafetyPlan, plan.Id, clientId);
            }
            await Db.SaveChangesAsync(ct);
            Flash(plan.SharedWithClient ? "Safety plan saved. The client can open it from their home." : "Safety plan saved. It is not shared with the client.");
            return RedirectToAction(nameof(Edit), new { clientId });
        }
        catch (DomainRuleException e)
        {
            ModelState.AddModelError("", e.Message);
        }
        catch (DbUpdateException)
        {
            ModelState.AddModelError("", "The safety plan was changed in another window. Reload it and try again.");
        }
        Db.ChangeTracker.Clear();
        return View(PlanView, await PageAsync(clientId, client.IsReadOnly, await FindPlanAsync(clientId, ct), form, ct));
    }

    private Task<List<string>> RiskContactsAsync(Guid clientId, CancellationToken ct) =>
        Db.Set<SupportPerson>().Where(p => p.ClientId == clientId && p.Role == SupportRole.Risk).Select(p => p.Name).ToListAsync(ct);

    private Task<SafetyPlan?> FindPlanAsync(Guid clientId, CancellationToken ct) =>
        Db.Set<SafetyPlan>().SingleOrDefaultAsync(p => p.ClientId == clientId, ct);

    private async Task<SafetyPlanPage> PageAsync(Guid clientId, bool readOnly, SafetyPlan? plan, SafetyPlanForm form, CancellationToken ct)
    {
        var by = plan is null ? null : await Db.Users.Where(u => u.Id == plan.UpdatedById).Select(u => u.DisplayName).SingleOrDefaultAsync(ct);
        var supportive = await Db.Set<SupportPerson>().Where(p => p.ClientId == clientId && p.Role == SupportRole.Supportive)
            .OrderBy(p => p.Name).Select(p => p.Name).ToListAsync(ct);
        return new SafetyPlanPage(clientId, readOnly, form, plan?.UpdatedAt, by, await calendar.ZoneAsync(ct), supportive, await RiskContactsAsync(clientId, ct));
    }
}

public sealed class SafetyPlanForm
{
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

/// <param name="Supportive">Support-network people to name in the steps that name helpers; <paramref name="Risk"/> never may be.</param>
public sealed record SafetyPlanPage(Guid ClientId, bool ReadOnly, SafetyPlanForm Form, DateTimeOffset? UpdatedAt, string? UpdatedBy, TimeZoneInfo Zone,
    IReadOnlyList<string> Supportive, IReadOnlyList<string> Risk);
