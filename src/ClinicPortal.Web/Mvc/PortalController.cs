using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace ClinicPortal.Web.Mvc;

/// <summary>
/// Base of every area's controllers: the signed-in user, the notices, and the one way a change that breaks
/// a rule reaches the page. A refused change saves nothing: the unit of work is dropped before the page is shown.
/// </summary>
public abstract class PortalController(ClinicDbContext db) : Controller
{
    protected ClinicDbContext Db => db;

    protected Guid Me => HttpCurrentActor.UserIdOf(User) ?? throw new InvalidOperationException("No signed-in user");

    protected void Flash(string message) => TempData.Flash(message);

    protected void Error(string message) => TempData.Error(message);

    /// <summary>
    /// A form post: shows <paramref name="page"/> again when the form could not be read, else runs
    /// <paramref name="change"/>; a refusal goes to ModelState and <paramref name="page"/> is shown with it.
    /// </summary>
    /// <param name="newer">
    /// For a form that edits an existing row (<see cref="IVersionedForm"/>): the form as first shown (usually the GET
    /// action), shown instead of <paramref name="page"/> when another window saved first, so the newer version is on screen.
    /// </param>
    protected async Task<IActionResult> SubmitAsync(Func<Task<IActionResult>> page, Func<Task<IActionResult>> change,
        Func<Task<IActionResult>>? newer = null)
    {
        if (!ModelState.IsValid) return await page();
        try
        {
            return await change();
        }
        catch (Exception e) when (Refusals.MessageFor(e) is { } message)
        {
            db.ChangeTracker.Clear();
            if (newer is not null && Refusals.IsStale(e))
            {
                ModelState.Clear(); // the fields show the stored values and version, not the stale ones posted
                ModelState.AddModelError("", message);
                return await newer();
            }
            ModelState.AddModelError("", message);
            return await page();
        }
    }

    /// <inheritdoc cref="SubmitAsync(Func{Task{IActionResult}}, Func{Task{IActionResult}}, Func{Task{IActionResult}})"/>
    protected Task<IActionResult> SubmitAsync(Func<IActionResult> page, Func<Task<IActionResult>> change, Func<Task<IActionResult>>? newer = null) =>
        SubmitAsync(() => Task.FromResult(page()), change, newer);

    /// <summary>Stamps <paramref name="form"/> with the version of <paramref name="row"/> (tracked; null for a row not created yet).</summary>
    protected TForm Versioned<TForm>(TForm form, object? row) where TForm : IVersionedForm
    {
        form.Version = db.VersionOf(row);
        return form;
    }

    /// <summary>Refuses the change (as "saved in another window") unless <paramref name="row"/> is still at the form's version.</summary>
    protected void ExpectVersion(object? row, IVersionedForm form) => db.ExpectVersion(row, form.Version);

    /// <summary>
    /// A one-button post (sign, cancel, retry...): runs <paramref name="change"/>, which returns its flash, and
    /// goes to <paramref name="then"/> either way; a refusal becomes the error notice instead.
    /// </summary>
    protected async Task<IActionResult> ActAsync(IActionResult then, Func<Task<string>> change)
    {
        try
        {
            Flash(await change());
        }
        catch (Exception e) when (Refusals.MessageFor(e) is { } message)
        {
            db.ChangeTracker.Clear();
            Error(message);
        }
        return then;
    }
}
