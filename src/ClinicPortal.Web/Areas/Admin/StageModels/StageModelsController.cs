using ClinicPortal.Infrastructure.Progress;
using ClinicPortal.Core.Accounts;
using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.Common;
using ClinicPortal.Core.Progress;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Database;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.Admin.StageModels;

public sealed class StageModelForm
{
    public string? Name { get; set; }
    /// <summary>One stage per line: "Name — description".</summary>
    public string? Stages { get; set; }
    public string? RelapseStage { get; set; }
}

public sealed record StageModelRow(StageModel Model, bool InUse);

public sealed record StageModelsPage(IReadOnlyList<StageModelRow> Models, StageModelForm Form);

/// <summary>
/// Administrators add custom stage models and retire those no longer wanted. Stage models are reference
/// data, not clinical content; whether a model is in use is read as a yes/no, never as who uses it.
/// </summary>
[Area("Admin")]
[Authorize(Roles = Roles.Admin)]
[Route("admin/stage-models")]
public sealed class StageModelsController(ClinicDbContext db, AuditTrail audit, TimeProvider clock, StageModelCache cached) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await PageAsync(new StageModelForm(), ct));

    [HttpPost("")]
    public async Task<IActionResult> Create(StageModelForm form, CancellationToken ct)
    {
        try
        {
            var model = StageModel.CreateCustom(form.Name, form.Stages, form.RelapseStage, clock.GetUtcNow());
            var name = model.Name.ToLower();
            if (await db.Set<StageModel>().AnyAsync(m => m.Name.ToLower() == name, ct))
                throw new DomainRuleException($"A model called \"{model.Name}\" already exists. Choose another name.");
            db.Add(model);
            audit.Add(AuditActions.Create, AuditRecords.StageModel, model.Id, null);
            await db.SaveChangesAsync(ct);
            cached.Forget();
            TempData["Flash"] = $"Stage model \"{model.Name}\" added. Clinicians can now switch clients to it.";
            return RedirectToAction(nameof(Index));
        }
        catch (DomainRuleException e)
        {
            ModelState.AddModelError("", e.Message);
            return View(nameof(Index), await PageAsync(form, ct));
        }
    }

    [HttpPost("{id:guid}/retire")]
    public Task<IActionResult> Retire(Guid id, CancellationToken ct) =>
        Change(id, AuditActions.Retire, m => m.Retire(clock.GetUtcNow()), "retired: no client can be switched to it now", ct);

    [HttpPost("{id:guid}/reinstate")]
    public Task<IActionResult> Reinstate(Guid id, CancellationToken ct) =>
        Change(id, AuditActions.Reinstate, m => m.Reinstate(), "back in use", ct);

    [HttpPost("{id:guid}/delete")]
    public async Task<IActionResult> Delete(Guid id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } model) return NotFound();
        try
        {
            model.EnsureDeletable(await InUseAsync(id, ct));
            db.Remove(model);
            audit.Add(AuditActions.Delete, AuditRecords.StageModel, id, null);
            await db.SaveChangesAsync(ct);
            cached.Forget();
            TempData["Flash"] = $"Stage model \"{model.Name}\" deleted.";
        }
        catch (DomainRuleException e)
        {
            TempData["Error"] = e.Message;
        }
        catch (DbUpdateException)
        {
            // A client was put on the model between the check and the delete: the foreign keys refuse it.
            TempData["Error"] = "This model is in use by at least one client, so it cannot be deleted. Retire it instead.";
        }
        return RedirectToAction(nameof(Index));
    }

    private async Task<IActionResult> Change(Guid id, string action, Action<StageModel> change, string outcome, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } model) return NotFound();
        try
        {
            change(model);
            audit.Add(action, AuditRecords.StageModel, id, null);
            await db.SaveChangesAsync(ct);
            cached.Forget();
            TempData["Flash"] = $"Stage model \"{model.Name}\" is {outcome}.";
        }
        catch (DomainRuleException e)
        {
            TempData["Error"] = e.Message;
        }
        return RedirectToAction(nameof(Index));
    }

    private Task<StageModel?> FindAsync(Guid id, CancellationToken ct) =>
        db.Set<StageModel>().Include(m => m.Stages).SingleOrDefaultAsync(m => m.Id == id, ct);

    /// <summary>
    /// Yes/no: does any client follow the model or have an assessment in it? Administrators cannot read those
    /// clinical rows, so the filter is lifted for this existence check only; nothing about the clients is returned.
    /// </summary>
    private async Task<bool> InUseAsync(Guid id, CancellationToken ct) =>
        await db.Set<ClientStageModel>().IgnoreQueryFilters().AnyAsync(h => h.ModelId == id, ct)
        || await db.Set<StageAssessment>().IgnoreQueryFilters().AnyAsync(a => a.ModelId == id, ct);

    private async Task<StageModelsPage> PageAsync(StageModelForm form, CancellationToken ct)
    {
        var models = await db.Set<StageModel>().Include(m => m.Stages)
            .OrderBy(m => m.RetiredAt != null).ThenBy(m => !m.IsBuiltIn).ThenBy(m => m.Name).ToListAsync(ct);
        var used = await db.Set<ClientStageModel>().IgnoreQueryFilters().Select(h => h.ModelId)
            .Union(db.Set<StageAssessment>().IgnoreQueryFilters().Select(a => a.ModelId)).Distinct().ToListAsync(ct);
        return new StageModelsPage(models.Select(m => new StageModelRow(m, m.Id == BuiltInStageModels.DefaultModelId || used.Contains(m.Id))).ToList(), form);
    }
}
