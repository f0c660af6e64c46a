using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.BoundaryPlans;
using ClinicPortal.Core.Common;
using ClinicPortal.Core.SupportNetwork;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Web.Areas.Clinician.Clients;
using ClinicPortal.Web.Areas.Clinician.Reconnecting;
using ClinicPortal.Web.Mvc;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.Clinician.BoundaryPlans;

[Route("clinician/clients/{clientId:guid}/boundaries")]
public sealed class BoundaryPlansController(ClinicDbContext db, AuditTrail audit, ClinicCalendar calendar, ContactLevelTimelineQuery timeline,
    ReconnectingQuery reconnecting)
    : ClientRecordController(db)
{
    protected override ClientSection Section => ClientSection.Boundaries;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var boundaries = await Db.Set<Boundary>().Where(b => b.ClientId == Client.Id)
            .OrderBy(b => b.ContactLevel).ThenBy(b => b.CreatedAt).ToListAsync(ct);
        var people = await LinkedPeopleAsync(null, ct);
        var items = boundaries.Select(b => new BoundaryListItem(b, people.Where(p => p.BoundaryId == b.Id).Select(p => p.Person).ToList())).ToList();
        var events = await timeline.ContactLevelChangesAsync(Client.Id, null, ct);
        await audit.RecordAsync(AuditActions.View, AuditRecords.Boundary, null, Client.Id, ct);
        return View(new BoundaryListPage(Client.IsReadOnly, await calendar.TodayAsync(ct), items, events, await calendar.ZoneAsync(ct)));
    }

    [HttpGet("new")]
    public async Task<IActionResult> New(CancellationToken ct)
    {
        if (Client.IsReadOnly) return ReadOnlyClient();
        var form = new BoundaryForm { ContactLevel = ContactLevel.NoContact, StartDate = await calendar.TodayAsync(ct) };
        return View("Form", new BoundaryFormPage(null, form.ForDisplay()));
    }

    [HttpPost("new")]
    public Task<IActionResult> Create(BoundaryForm form, CancellationToken ct) =>
        SubmitAsync(() => View("Form", new BoundaryFormPage(null, form.ForDisplay())), async () =>
        {
            Client.EnsureEditable();
            var (boundary, revision) = Boundary.Create(Client.Id, form.ToDetails(await calendar.TodayAsync(ct)), Me, calendar.UtcNow);
            Db.Add(boundary);
            Db.Add(revision);
            audit.Add(AuditActions.Create, AuditRecords.Boundary, boundary.Id, Client.Id);
            await Db.SaveChangesAsync(ct); // the boundary, its first revision and the audit row commit together
            Flash("Boundary saved as revision 1.");
            return RedirectToAction(nameof(Show), new { boundaryId = boundary.Id });
        });

    [HttpGet("{boundaryId:guid}")]
    public async Task<IActionResult> Show(Guid boundaryId, CancellationToken ct)
    {
        if (await reconnecting.WithBoundaryAsync(Client.Id, boundaryId, ct) is not ({ } boundary, { } people, { } reconnect)) return NotFound();
        var latest = (await RevisionsAsync(boundaryId, boundary.RevisionNumber, ct)).Single();
        await audit.RecordAsync(AuditActions.View, AuditRecords.Boundary, boundaryId, Client.Id, ct);
        return View(new BoundaryPage(Client.IsReadOnly, await calendar.TodayAsync(ct), boundary, people, latest, await calendar.ZoneAsync(ct), reconnect));
    }

    [HttpGet("{boundaryId:guid}/edit")]
    public async Task<IActionResult> Edit(Guid boundaryId, CancellationToken ct)
    {
        if (await FindBoundaryAsync(boundaryId, ct) is not { } boundary) return NotFound();
        if (Client.IsReadOnly) return ReadOnlyClient();
        await audit.RecordAsync(AuditActions.View, AuditRecords.Boundary, boundaryId, Client.Id, ct);
        return View("Form", new BoundaryFormPage(boundaryId, Versioned(BoundaryForm.From(boundary), boundary).ForDisplay()));
    }

    [HttpPost("{boundaryId:guid}/edit")]
    public async Task<IActionResult> Update(Guid boundaryId, BoundaryForm form, CancellationToken ct)
    {
        if (await FindBoundaryAsync(boundaryId, ct) is not { } boundary) return NotFound();
        return await SubmitAsync(() => View("Form", new BoundaryFormPage(boundaryId, form.ForDisplay())), async () =>
        {
            Client.EnsureEditable();
            ExpectVersion(boundary, form);
            var planInForce = await reconnecting.PlanInForceAsync(Client.Id, boundaryId, ct);
            if (boundary.Revise(form.ToDetails(await calendar.TodayAsync(ct)), Me, calendar.UtcNow, planInForce) is not { } revision)
            {
                Flash("Nothing changed, so no new revision was saved.");
                return RedirectToAction(nameof(Show), new { boundaryId });
            }
            Db.Add(revision);
            audit.Add(AuditActions.Update, AuditRecords.Boundary, boundaryId, Client.Id);
            await Db.SaveChangesAsync(ct);
            Flash($"Boundary saved as revision {revision.Number}.");
            return RedirectToAction(nameof(Show), new { boundaryId });
        }, () => Edit(boundaryId, ct));
    }

    [HttpGet("{boundaryId:guid}/history")]
    public async Task<IActionResult> History(Guid boundaryId, CancellationToken ct)
    {
        if (await FindBoundaryAsync(boundaryId, ct) is not { } boundary) return NotFound();
        var revisions = await RevisionsAsync(boundaryId, null, ct);
        var events = await timeline.ContactLevelChangesAsync(Client.Id, boundaryId, ct);
        await audit.RecordAsync(AuditActions.View, AuditRecords.BoundaryRevision, boundaryId, Client.Id, ct);
        return View(new HistoryPage(boundary, revisions, events, await calendar.ZoneAsync(ct)));
    }

    /// <summary>Two revisions side by side. Revision numbers are not clinical content, so a GET query is fine.</summary>
    [HttpGet("{boundaryId:guid}/compare")]
    public async Task<IActionResult> Compare(Guid boundaryId, int? from, int? to, bool only, CancellationToken ct)
    {
        if (await FindBoundaryAsync(boundaryId, ct) is not { } boundary) return NotFound();
        var toNumber = to ?? boundary.RevisionNumber;
        var fromNumber = from ?? Math.Max(1, toNumber - 1);
        if (fromNumber > toNumber) (fromNumber, toNumber) = (toNumber, fromNumber);
        var pair = await Db.Set<BoundaryRevision>()
            .Where(r => r.BoundaryId == boundaryId && r.ClientId == Client.Id && (r.Number == fromNumber || r.Number == toNumber))
            .ToListAsync(ct);
        if (pair.FirstOrDefault(r => r.Number == fromNumber) is not { } older || pair.FirstOrDefault(r => r.Number == toNumber) is not { } newer)
            return NotFound();
        var all = await RevisionsAsync(boundaryId, null, ct);
        var comparison = BoundaryComparison.Between(older.ReadSnapshot(), newer.ReadSnapshot());
        await audit.RecordAsync(AuditActions.View, AuditRecords.BoundaryRevision, boundaryId, Client.Id, ct);
        return View(new ComparePage(boundary, all.Single(r => r.Number == fromNumber), all.Single(r => r.Number == toNumber), all,
            comparison, await calendar.ZoneAsync(ct), only && fromNumber != toNumber));
    }

    private Task<Boundary?> FindBoundaryAsync(Guid boundaryId, CancellationToken ct) =>
        Db.Set<Boundary>().SingleOrDefaultAsync(b => b.Id == boundaryId && b.ClientId == Client.Id, ct);

    /// <summary>Revisions newest first, with author names, in one query (optionally just one number).</summary>
    private async Task<List<RevisionRow>> RevisionsAsync(Guid boundaryId, int? number, CancellationToken ct)
    {
        var query = Db.Set<BoundaryRevision>().Where(r => r.BoundaryId == boundaryId);
        if (number is { } n) query = query.Where(r => r.Number == n);
        var rows = await query.OrderByDescending(r => r.Number)
            .Select(r => new
            {
                r.Id, r.Number, r.CreatedAt, r.Summary, r.Note, r.PreviousContactLevel, r.ContactLevel,
                Author = Db.Users.Where(u => u.Id == r.AuthorId).Select(u => u.DisplayName).First(),
            })
            .ToListAsync(ct);
        return rows.Select(r => new RevisionRow(r.Id, r.Number, r.CreatedAt, r.Author, r.Summary, new ContactLevelChange(r.PreviousContactLevel, r.ContactLevel), r.Note))
            .ToList();
    }

    private async Task<List<(Guid? BoundaryId, LinkedPerson Person)>> LinkedPeopleAsync(Guid? boundaryId, CancellationToken ct)
    {
        var query = Db.Set<SupportPerson>().Where(p => p.ClientId == Client.Id && p.BoundaryId != null);
        if (boundaryId is { } id) query = query.Where(p => p.BoundaryId == id);
        var rows = await query.OrderBy(p => p.Name).Select(p => new { p.BoundaryId, p.Id, p.Name, p.Role, p.IsCrisisContact }).ToListAsync(ct);
        return rows.Select(p => (p.BoundaryId, new LinkedPerson(p.Id, p.Name, p.Role, p.IsCrisisContact))).ToList();
    }

}
