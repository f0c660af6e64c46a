using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.BoundaryPlans;
using ClinicPortal.Core.Common;
using ClinicPortal.Core.SupportNetwork;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.Database;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.Clinician.SupportNetwork;

[Route("clinician/clients/{clientId:guid}/support")]
public sealed class SupportNetworkController(ClinicDbContext db, AuditTrail audit, ClinicCalendar calendar) : ClinicianController(db)
{
    private const string Section = "support";

    [HttpGet("")]
    public async Task<IActionResult> Index(Guid clientId, CancellationToken ct)
    {
        if (await FindClientAsync(clientId, ct) is not { } client) return NotFound();
        await SetHeaderAsync(client, Section, ct);
        var people = await Db.Set<SupportPerson>().Where(p => p.ClientId == clientId)
            .OrderBy(p => p.Role).ThenByDescending(p => p.IsCrisisContact).ThenBy(p => p.Name).ToListAsync(ct);
        var boundaries = (await BoundaryChoicesAsync(clientId, ct)).ToDictionary(b => b.Id, b => b.PersonName);
        await audit.RecordAsync(AuditActions.View, AuditRecords.SupportPerson, null, clientId, ct);
        return View(new SupportListPage(clientId, client.IsReadOnly, people, boundaries));
    }

    [HttpGet("new")]
    public async Task<IActionResult> New(Guid clientId, Guid? boundaryId, CancellationToken ct)
    {
        if (await FindClientAsync(clientId, ct) is not { } client) return NotFound();
        if (client.IsReadOnly) return ReadOnlyClient(clientId);
        await SetHeaderAsync(client, Section, ct);
        var choices = await BoundaryChoicesAsync(clientId, ct);
        var form = new SupportPersonForm { Role = SupportRole.Supportive, BoundaryId = choices.Any(b => b.Id == boundaryId) ? boundaryId : null };
        return View("Form", new SupportFormPage(clientId, null, form, choices));
    }

    [HttpPost("new")]
    public async Task<IActionResult> Create(Guid clientId, SupportPersonForm form, CancellationToken ct)
    {
        if (await FindClientAsync(clientId, ct) is not { } client) return NotFound();
        var choices = await BoundaryChoicesAsync(clientId, ct);
        if (form.BoundaryId is { } linked && choices.All(b => b.Id != linked)) return NotFound(); // a tampered boundary id
        await SetHeaderAsync(client, Section, ct);
        var page = new SupportFormPage(clientId, null, form, choices);
        if (!ModelState.IsValid) return View("Form", page);
        try
        {
            client.EnsureEditable();
            var person = SupportPerson.Create(clientId, form.ToDetails(), calendar.UtcNow);
            Db.Add(person);
            audit.Add(AuditActions.Create, AuditRecords.SupportPerson, person.Id, clientId);
            await Db.SaveChangesAsync(ct);
            Flash($"{person.Name} added to the support network.");
            return RedirectToAction(nameof(Index), new { clientId });
        }
        catch (DomainRuleException e)
        {
            ModelState.AddModelError("", e.Message);
            return View("Form", page);
        }
    }

    [HttpGet("{personId:guid}/edit")]
    public async Task<IActionResult> Edit(Guid clientId, Guid personId, CancellationToken ct)
    {
        if (await FindClientAsync(clientId, ct) is not { } client) return NotFound();
        if (await FindPersonAsync(clientId, personId, ct) is not { } person) return NotFound();
        if (client.IsReadOnly) return ReadOnlyClient(clientId);
        await SetHeaderAsync(client, Section, ct);
        await audit.RecordAsync(AuditActions.View, AuditRecords.SupportPerson, personId, clientId, ct);
        return View("Form", new SupportFormPage(clientId, personId, SupportPersonForm.From(person), await BoundaryChoicesAsync(clientId, ct)));
    }

    [HttpPost("{personId:guid}/edit")]
    public async Task<IActionResult> Update(Guid clientId, Guid personId, SupportPersonForm form, CancellationToken ct)
    {
        if (await FindClientAsync(clientId, ct) is not { } client) return NotFound();
        if (await FindPersonAsync(clientId, personId, ct) is not { } person) return NotFound();
        var choices = await BoundaryChoicesAsync(clientId, ct);
        if (form.BoundaryId is { } linked && choices.All(b => b.Id != linked)) return NotFound();
        await SetHeaderAsync(client, Section, ct);
        var page = new SupportFormPage(clientId, personId, form, choices);
        if (!ModelState.IsValid) return View("Form", page);
        try
        {
            client.EnsureEditable();
            person.Update(form.ToDetails(), calendar.UtcNow);
            audit.Add(AuditActions.Update, AuditRecords.SupportPerson, personId, clientId);
            await Db.SaveChangesAsync(ct);
            Flash($"{person.Name} saved.");
            return RedirectToAction(nameof(Index), new { clientId });
        }
        catch (DomainRuleException e)
        {
            ModelState.AddModelError("", e.Message);
            return View("Form", page);
        }
    }

    private Task<SupportPerson?> FindPersonAsync(Guid clientId, Guid personId, CancellationToken ct) =>
        Db.Set<SupportPerson>().SingleOrDefaultAsync(p => p.Id == personId && p.ClientId == clientId, ct);

    private Task<List<BoundaryChoice>> BoundaryChoicesAsync(Guid clientId, CancellationToken ct) =>
        Db.Set<Boundary>().Where(b => b.ClientId == clientId).OrderBy(b => b.PersonName)
            .Select(b => new BoundaryChoice(b.Id, b.PersonName)).ToListAsync(ct);

}
