using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.BoundaryPlans;
using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Common;
using ClinicPortal.Core.SupportNetwork;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.Database;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.Clinician.BoundaryPlans;

[Route("clinician/clients/{clientId:guid}/boundaries")]
public sealed class BoundaryPlansController(ClinicDbContext db, AuditTrail audit, ClinicCalendar calendar, ContactLevelTimeline timeline)
    : ClinicianController(db)
{
    private const string Section = "boundaries";
    private const string ChangedElsewhere =
        "This boundary was saved in another window since you opened it. Check the latest version; saving this form again replaces it.";

    [HttpGet("")]
    public async Task<IActionResult> Index(Guid clientId, CancellationToken ct)
    {
        if (await FindClientAsync(clientId, ct) is not { } client) return NotFound();
        await SetHeaderAsync(client, Section, ct);
        var boundaries = await Db.Set<Boundary>().Where(b => b.ClientId == clientId)
            .OrderBy(b => b.ContactLevel).ThenBy(b => b.CreatedAt).ToListAsync(ct);
        var people = await LinkedPeopleAsync(clientId, null, ct);
        var items = boundaries.Select(b => new BoundaryListItem(b, people.Where(p => p.BoundaryId == b.Id).Select(p => p.Person).ToList())).ToList();
        var events = await timeline.ContactLevelChangesAsync(clientId, null, ct);
        await audit.RecordAsync(AuditActions.View, AuditRecords.Boundary, null, clientId, ct);
        return View(new BoundaryListPage(clientId, client.IsReadOnly, await calendar.TodayAsync(ct), items, events, await calendar.ZoneAsync(ct)));
    }

    [HttpGet("new")]
    public async Task<IActionResult> New(Guid clientId, CancellationToken ct)
    {
        if (await FindClientAsync(clientId, ct) is not { } client) return NotFound();
        if (client.IsReadOnly) return ReadOnlyClient(clientId);
        await SetHeaderAsync(client, Section, ct);
        var form = new BoundaryForm { ContactLevel = ContactLevel.NoContact, StartDate = await calendar.TodayAsync(ct) };
        return View("Form", new BoundaryFormPage(clientId, null, form.ForDisplay()));
    }

    [HttpPost("new")]
    public async Task<IActionResult> Create(Guid clientId, BoundaryForm form, CancellationToken ct)
    {
        if (await FindClientAsync(clientId, ct) is not { } client) return NotFound();
        await SetHeaderAsync(client, Section, ct);
        if (!ModelState.IsValid) return View("Form", new BoundaryFormPage(clientId, null, form.ForDisplay()));
        try
        {
            client.EnsureEditable();
            var (boundary, revision) = Boundary.Create(clientId, form.ToDetails(), Me, calendar.UtcNow);
            Db.Add(boundary);
            Db.Add(revision);
            audit.Add(AuditActions.Create, AuditRecords.Boundary, boundary.Id, clientId);
            await Db.SaveChangesAsync(ct); // the boundary, its first revision and the audit row commit together
            Flash("Boundary saved as revision 1.");
            return RedirectToAction(nameof(Show), new { clientId, boundaryId = boundary.Id });
        }
        catch (DomainRuleException e)
        {
            ModelState.AddModelError("", e.Message);
            return View("Form", new BoundaryFormPage(clientId, null, form.ForDisplay()));
        }
    }

    [HttpGet("{boundaryId:guid}")]
    public async Task<IActionResult> Show(Guid clientId, Guid boundaryId, CancellationToken ct)
    {
        if (await FindClientAsync(clientId, ct) is not { } client) return NotFound();
        if (await FindBoundaryAsync(clientId, boundaryId, ct) is not { } boundary) return NotFound();
        await SetHeaderAsync(client, Section, ct);
        var people = (await LinkedPeopleAsync(clientId, boundaryId, ct)).Select(p => p.Person).ToList();
        var latest = (await RevisionsAsync(boundaryId, boundary.RevisionNumber, ct)).Single();
        await audit.RecordAsync(AuditActions.View, AuditRecords.Boundary, boundaryId, clientId, ct);
        return View(new BoundaryPage(clientId, client.IsReadOnly, await calendar.TodayAsync(ct), boundary, people, latest, await calendar.ZoneAsync(ct)));
    }

    [HttpGet("{boundaryId:guid}/edit")]
    public async Task<IActionResult> Edit(Guid clientId, Guid boundaryId, CancellationToken ct)
    {
        if (await FindClientAsync(clientId, ct) is not { } client) return NotFound();
        if (await FindBoundaryAsync(clientId, boundaryId, ct) is not { } boundary) return NotFound();
        if (client.IsReadOnly) return ReadOnlyClient(clientId);
        await SetHeaderAsync(client, Section, ct);
        await audit.RecordAsync(AuditActions.View, AuditRecords.Boundary, boundaryId, clientId, ct);
        return View("Form", new BoundaryFormPage(clientId, boundaryId, BoundaryForm.From(boundary).ForDisplay()));
    }

    [HttpPost("{boundaryId:guid}/edit")]
    public async Task<IActionResult> Update(Guid clientId, Guid boundaryId, BoundaryForm form, CancellationToken ct)
    {
        if (await FindClientAsync(clientId, ct) is not { } client) return NotFound();
        if (await FindBoundaryAsync(clientId, boundaryId, ct) is not { } boundary) return NotFound();
        await SetHeaderAsync(client, Section, ct);
        if (!ModelState.IsValid) return View("Form", new BoundaryFormPage(clientId, boundaryId, form.ForDisplay()));
        try
        {
            client.EnsureEditable();
            if (form.BaseRevision != boundary.RevisionNumber)
            {
                form.BaseRevision = boundary.RevisionNumber; // a second save is a deliberate overwrite
                throw new DomainRuleException(ChangedElsewhere);
            }
            if (boundary.Revise(form.ToDetails(), Me, calendar.UtcNow) is not { } revision)
            {
                Flash("Nothing changed, so no new revision was saved.");
                return RedirectToAction(nameof(Show), new { clientId, boundaryId });
            }
            Db.Add(revision);
            audit.Add(AuditActions.Update, AuditRecords.Boundary, boundaryId, clientId);
            await Db.SaveChangesAsync(ct);
            Flash($"Boundary saved as revision {revision.Number}.");
            return RedirectToAction(nameof(Show), new { clientId, boundaryId });
        }
        catch (DomainRuleException e)
        {
            ModelState.AddModelError("", e.Message);
            return View("Form", new BoundaryFormPage(clientId, boundaryId, form.ForDisplay()));
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", ChangedElsewhere);
            return View("Form", new BoundaryFormPage(clientId, boundaryId, form.ForDisplay()));
        }
    }

    [HttpGet("{boundaryId:guid}/history")]
    public async Task<IActionResult> History(Guid clientId, Guid boundaryId, CancellationToken ct)
    {
        if (await FindClientAsync(clientId, ct) is not { } client) return NotFound();
        if (await FindBoundaryAsync(clientId, boundaryId, ct) is not { } boundary) return NotFound();
        await SetHeaderAsync(client, Section, ct);
        var revisions = await RevisionsAsync(boundaryId, null, ct);
        var events = await timeline.ContactLevelChangesAsync(clientId, boundaryId, ct);
        await audit.RecordAsync(AuditActions.View, AuditRecords.BoundaryRevision, boundaryId, clientId, ct);
        return View(new HistoryPage(clientId, boundary, revisions, events, await calendar.ZoneAsync(ct)));
    }

    /// <summary>Two revisions side by side. Revision numbers are not clinical content, so a GET query is fine.</summary>
    [HttpGet("{boundaryId:guid}/compare")]
    public async Task<IActionResult> Compare(Guid clientId, Guid boundaryId, int? from, int? to, bool only, CancellationToken ct)
    {
        if (await FindClientAsync(clientId, ct) is not { } client) return NotFound();
        if (await FindBoundaryAsync(clientId, boundaryId, ct) is not { } boundary) return NotFound();
        var toNumber = to ?? boundary.RevisionNumber;
        var fromNumber = from ?? Math.Max(1, toNumber - 1);
        if (fromNumber > toNumber) (fromNumber, toNumber) = (toNumber, fromNumber);
        var pair = await Db.Set<BoundaryRevision>()
            .Where(r => r.BoundaryId == boundaryId && r.ClientId == clientId && (r.Number == fromNumber || r.Number == toNumber))
            .ToListAsync(ct);
        if (pair.FirstOrDefault(r => r.Number == fromNumber) is not { } older || pair.FirstOrDefault(r => r.Number == toNumber) is not { } newer)
            return NotFound();
        await SetHeaderAsync(client, Section, ct);
        var all = await RevisionsAsync(boundaryId, null, ct);
        var comparison = BoundaryComparison.Between(older.ReadSnapshot(), newer.ReadSnapshot());
        await audit.RecordAsync(AuditActions.View, AuditRecords.BoundaryRevision, boundaryId, clientId, ct);
        return View(new ComparePage(clientId, boundary, all.Single(r => r.Number == fromNumber), all.Single(r => r.Number == toNumber), all,
            comparison, await calendar.ZoneAsync(ct), only && fromNumber != toNumber));
    }

    private Task<Boundary?> FindBoundaryAsync(Guid clientId, Guid boundaryId, CancellationToken ct) =>
        Db.Set<Boundary>().SingleOrDefaultAsync(b => b.Id == boundaryId && b.ClientId == clientId, ct);

    /// <summary>Revisions newest first, with author names, in one query (optionally just one number).</summary>
    private async Task<List<RevisionRow>> RevisionsAsync(Guid boundaryId, int? number, CancellationToken ct)
    {
        var query = Db.Set<BoundaryRevision>().Where(r => r.BoundaryId == boundaryId);
        if (number is { } n) query = query.Where(r => r.Number == n);
        var rows = await query.OrderByDescending(r => r.Number)
            .Select(r => new
            {
                r.Id, r.Number, r.CreatedAt, r.Summary, r.PreviousContactLevel, r.ContactLevel,
                Author = Db.Users.Where(u => u.Id == r.AuthorId).Select(u => u.DisplayName).First(),
            })
            .ToListAsync(ct);
        return rows.Select(r => new RevisionRow(r.Id, r.Number, r.CreatedAt, r.Author, r.Summary, new ContactLevelChange(r.PreviousContactLevel, r.ContactLevel)))
            .ToList();
    }

    private async Task<List<(Guid? BoundaryId, LinkedPerson Person)>> LinkedPeopleAsync(Guid clientId, Guid? boundaryId, CancellationToken ct)
    {
        var query = Db.Set<SupportPerson>().Where(p => p.ClientId == clientId && p.BoundaryId != null);
        if (boundaryId is { } id) query = query.Where(p => p.BoundaryId == id);
        var rows = await query.OrderBy(p => p.Name).Select(p => new { p.BoundaryId, p.Id, p.Name, p.Role, p.IsCrisisContact }).ToListAsync(ct);
        return rows.Select(p => (p.BoundaryId, new LinkedPerson(p.Id, p.Name, p.Role, p.IsCrisisContact))).ToList();
    }

}
