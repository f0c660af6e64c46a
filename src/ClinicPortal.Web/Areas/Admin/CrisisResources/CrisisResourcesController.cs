using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.Safety;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Database;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.Admin.CrisisResources;

/// <summary>The clinic's crisis lines, shown to every client on every page. Clinic-level data: no client content.</summary>
[Route("admin/crisis-resources")]
public sealed class CrisisResourcesController(ClinicDbContext db, AuditTrail audit, Infrastructure.Safety.CrisisResourceCache cache, TimeProvider clock) : AdminController(db)
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        View(await Db.Set<CrisisResource>().OrderBy(r => r.SortOrder).ThenBy(r => r.Name).ToListAsync(ct));

    [HttpGet("new")]
    public IActionResult New() => View("Form", new CrisisResourceFormPage(null, new CrisisResourceForm { IsActive = true }));

    [HttpPost("new")]
    public Task<IActionResult> Create(CrisisResourceForm form, CancellationToken ct) =>
        SubmitAsync(() => View("Form", new CrisisResourceFormPage(null, form)), async () =>
        {
            var resource = CrisisResource.Create(form.Name, form.Phone, form.TextNumber, form.Url, form.WhenToUse, form.SortOrder, form.IsActive, clock.GetUtcNow(), form.TextKeyword);
            Db.Add(resource);
            audit.Add(AuditActions.Create, AuditRecords.CrisisResource, resource.Id, null);
            await Db.SaveChangesAsync(ct);
            cache.Forget(); // every page shows the new list at once on this instance
            Flash("Crisis resource added. Clients see it at the top of every page.");
            return RedirectToAction(nameof(Index));
        });

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Edit(Guid id, CancellationToken ct) =>
        await Db.Set<CrisisResource>().SingleOrDefaultAsync(r => r.Id == id, ct) is { } resource
            ? View("Form", new CrisisResourceFormPage(id, Versioned(CrisisResourceForm.From(resource), resource)))
            : NotFound();

    [HttpPost("{id:guid}")]
    public async Task<IActionResult> Update(Guid id, CrisisResourceForm form, CancellationToken ct)
    {
        if (await Db.Set<CrisisResource>().SingleOrDefaultAsync(r => r.Id == id, ct) is not { } resource) return NotFound();
        return await SubmitAsync(() => View("Form", new CrisisResourceFormPage(id, form)), async () =>
        {
            ExpectVersion(resource, form);
            resource.Update(form.Name, form.Phone, form.TextNumber, form.Url, form.WhenToUse, form.SortOrder, form.IsActive, clock.GetUtcNow(), form.TextKeyword);
            audit.Add(AuditActions.Update, AuditRecords.CrisisResource, id, null);
            await Db.SaveChangesAsync(ct);
            cache.Forget(); // every page shows the new list at once on this instance
            Flash("Crisis resource saved.");
            return RedirectToAction(nameof(Index));
        }, () => Edit(id, ct));
    }
}
