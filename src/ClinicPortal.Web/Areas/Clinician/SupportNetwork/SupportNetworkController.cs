using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.BoundaryPlans;
using ClinicPortal.Core.SupportNetwork;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Web.Areas.Clinician.Clients;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.Clinician.SupportNetwork;

[Route("clinician/clients/{clientId:guid}/support")]
public sealed class SupportNetworkController(ClinicDbContext db, AuditTrail audit, ClinicCalendar calendar) : ClientRecordController(db)
{
    protected override ClientSection Section => ClientSection.Support;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var people = await Db.Set<SupportPerson>().Where(p => p.ClientId == Client.Id)
            .OrderBy(p => p.Role).ThenByDescending(p => p.IsCrisisContact).ThenBy(p => p.Name).ToListAsync(ct);
        var boundaries = (await BoundaryChoicesAsync(ct)).ToDictionary(b => b.Id, b => b.PersonName);
        await audit.RecordAsync(AuditActions.View, AuditRecords.SupportPerson, null, Client.Id, ct);
        return View(new SupportListPage(Client.IsReadOnly, people, boundaries));
    }

    [HttpGet("new")]
    public async Task<IActionResult> New(Guid? boundaryId, CancellationToken ct)
    {
        if (Client.IsReadOnly) return ReadOnlyClient();
        var choices = await BoundaryChoicesAsync(ct);
        var form = new SupportPersonForm { Role = SupportRole.Supportive, BoundaryId = choices.Any(b => b.Id == boundaryId) ? boundaryId : null };
        return await FormAsync(null, form, choices, ct);
    }

    [HttpPost("new")]
    public async Task<IActionResult> Create(SupportPersonForm form, CancellationToken ct)
    {
        var choices = await BoundaryChoicesAsync(ct);
        if (form.BoundaryId is { } linked && choices.All(b => b.Id != linked)) return NotFound(); // a tampered boundary id
        return await SubmitAsync(() => FormAsync(null, form, choices, ct), async () =>
        {
            Client.EnsureEditable();
            var person = SupportPerson.Create(Client.Id, form.ToDetails(), calendar.UtcNow);
            Db.Add(person);
            audit.Add(AuditActions.Create, AuditRecords.SupportPerson, person.Id, Client.Id);
            await Db.SaveChangesAsync(ct);
            Flash($"{person.Name} added to the support network.");
            return RedirectToAction(nameof(Index));
        });
    }

    [HttpGet("{personId:guid}/edit")]
    public async Task<IActionResult> Edit(Guid personId, CancellationToken ct)
    {
        if (await FindPersonAsync(personId, ct) is not { } person) return NotFound();
        if (Client.IsReadOnly) return ReadOnlyClient();
        await audit.RecordAsync(AuditActions.View, AuditRecords.SupportPerson, personId, Client.Id, ct);
        return View("Form", new SupportFormPage(personId, Versioned(SupportPersonForm.From(person), person).With(await BoundaryChoicesAsync(ct)),
            await RoleHistoryAsync(personId, ct)));
    }

    [HttpPost("{personId:guid}/edit")]
    public async Task<IActionResult> Update(Guid personId, SupportPersonForm form, CancellationToken ct)
    {
        if (await FindPersonAsync(personId, ct) is not { } person) return NotFound();
        var choices = await BoundaryChoicesAsync(ct);
        if (form.BoundaryId is { } linked && choices.All(b => b.Id != linked)) return NotFound();
        return await SubmitAsync(() => FormAsync(personId, form, choices, ct), async () =>
        {
            Client.EnsureEditable();
            ExpectVersion(person, form);
            if (person.Update(form.ToDetails(), Me, calendar.UtcNow) is { } roleChange) Db.Add(roleChange); // kept with the save
            audit.Add(AuditActions.Update, AuditRecords.SupportPerson, personId, Client.Id);
            await Db.SaveChangesAsync(ct);
            Flash($"{person.Name} saved.");
            return RedirectToAction(nameof(Index));
        }, () => Edit(personId, ct));
    }

    /// <summary>The person's form, new or shown again after a refused save. It lists the client's boundaries to link to: a read, audited.</summary>
    private async Task<IActionResult> FormAsync(Guid? personId, SupportPersonForm form, List<BoundaryChoice> choices, CancellationToken ct)
    {
        if (choices.Count > 0) await audit.RecordAsync(AuditActions.View, AuditRecords.Boundary, null, Client.Id, ct);
        return View("Form", new SupportFormPage(personId, form.With(choices), personId is { } id ? await RoleHistoryAsync(id, ct) : null));
    }

    private Task<SupportPerson?> FindPersonAsync(Guid personId, CancellationToken ct) =>
        Db.Set<SupportPerson>().SingleOrDefaultAsync(p => p.Id == personId && p.ClientId == Client.Id, ct);

    private async Task<List<RoleChangeRow>> RoleHistoryAsync(Guid personId, CancellationToken ct)
    {
        var changes = await Db.Set<SupportRoleChange>().Where(c => c.PersonId == personId && c.ClientId == Client.Id).OrderByDescending(c => c.ChangedAt)
            .Select(c => new { c.ChangedAt, By = Db.Users.Where(u => u.Id == c.ChangedById).Select(u => u.DisplayName).First(), c.FromRole, c.ToRole })
            .ToListAsync(ct);
        var zone = await calendar.ZoneAsync(ct);
        return changes.Select(c => new RoleChangeRow(TimeZoneInfo.ConvertTime(c.ChangedAt, zone).DateTime, c.By, c.FromRole, c.ToRole)).ToList();
    }

    private Task<List<BoundaryChoice>> BoundaryChoicesAsync(CancellationToken ct) =>
        Db.Set<Boundary>().Where(b => b.ClientId == Client.Id).OrderBy(b => b.PersonName)
            .Select(b => new BoundaryChoice(b.Id, b.PersonName)).ToListAsync(ct);
}
