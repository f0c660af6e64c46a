using ClinicPortal.Core.Accounts;
using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.Common;
using ClinicPortal.Core.Safety;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Database;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.Admin.CrisisResources;

public sealed class CrisisResourceForm
{
    public string? Name { get; set; }
    public string? Phone { get; set; }
    public string? TextNumber { get; set; }
    public string? TextKeyword { get; set; }
    public string? Url { get; set; }
    public string? WhenToUse { get; set; }
    public int SortOrder { get; set; } = 100;
    /// <summary>An unticked box posts nothing, so the default must be false.</summary>
    public bool IsActive { get; set; }

    public static CrisisResourceForm From(CrisisResource r) => new()
    {
        Name = r.Name, Phone = r.Phone, TextNumber = r.TextNumber, TextKeyword = r.TextKeyword, Url = r.Url, WhenToUse = r.WhenToUse, SortOrder = r.SortOrder, IsActive = r.IsActive,
    };
}

public sealed record CrisisResourceFormPage(Guid? Id, CrisisResourceForm Form);

/// <summary>The clinic's crisis lines, shown to every client on every page. Clinic-level data: no client content.</summary>
[Area("Admin")]
[Authorize(Roles = Roles.Admin)]
[Route("admin/crisis-resources")]
public sealed class CrisisResourcesController(ClinicDbContext db, AuditTrail audit, Infrastructure.Safety.CrisisResourceCache cache, TimeProvider clock) : Controller
{
    private const string Folder = "~/Areas/Admin/CrisisResources/";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        View(Folder + "Index.cshtml", await db.Set<CrisisResource>().OrderBy(r => r.SortOrder).ThenBy(r => r.Name).ToListAsync(ct));

    [HttpGet("new")]
    public IActionResult New() => View(Folder + "Form.cshtml", new CrisisResourceFormPage(null, new CrisisResourceForm { IsActive = true }));

    [HttpPost("new")]
    public async Task<IActionResult> Create(CrisisResourceForm form, CancellationToken ct)
    {
        if (!ModelState.IsValid) return View(Folder + "Form.cshtml", new CrisisResourceFormPage(null, form));
        try
        {
            var resource = CrisisResource.Create(form.Name, form.Phone, form.TextNumber, form.Url, form.WhenToUse, form.SortOrder, form.IsActive, clock.GetUtcNow(), form.TextKeyword);
            db.Add(resource);
            audit.Add(AuditActions.Create, AuditRecords.CrisisResource, resource.Id, null);
            await db.SaveChangesAsync(ct);
            cache.Forget(); // every page shows the new list at once on this instance
            TempData["Flash"] = "Crisis resource added. Clients see it at the top of every page.";
            return RedirectToAction(nameof(Index));
        }
        catch (DomainRuleException e)
        {
            ModelState.AddModelError("", e.Message);
            return View(Folder + "Form.cshtml", new CrisisResourceFormPage(null, form));
        }
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Edit(Guid id, CancellationToken ct) =>
        await db.Set<CrisisResource>().SingleOrDefaultAsync(r => r.Id == id, ct) is { } resource
            ? View(Folder + "Form.cshtml", new CrisisResourceFormPage(id, CrisisResourceForm.From(resource)))
            : NotFound();

    [HttpPost("{id:guid}")]
    public async Task<IActionResult> Update(Guid id, CrisisResourceForm form, CancellationToken ct)
    {
        if (await db.Set<CrisisResource>().SingleOrDefaultAsync(r => r.Id == id, ct) is not { } resource) return NotFound();
        if (!ModelState.IsValid) return View(Folder + "Form.cshtml", new CrisisResourceFormPage(id, form));
        try
        {
            resource.Update(form.Name, form.Phone, form.TextNumber, form.Url, form.WhenToUse, form.SortOrder, form.IsActive, clock.GetUtcNow(), form.TextKeyword);
            audit.Add(AuditActions.Update, AuditRecords.CrisisResource, id, null);
            await db.SaveChangesAsync(ct);
            cache.Forget(); // every page shows the new list at once on this instance
            TempData["Flash"] = "Crisis resource saved.";
            return RedirectToAction(nameof(Index));
        }
        catch (DomainRuleException e)
        {
            ModelState.AddModelError("", e.Message);
            return View(Folder + "Form.cshtml", new CrisisResourceFormPage(id, form));
        }
    }
}
