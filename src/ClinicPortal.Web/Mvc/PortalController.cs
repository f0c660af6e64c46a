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
    protected async Task<IActionResult> SubmitAsync(Func<Task<IActionResult>> page, Func<Task<IActionResult>> change)
    {
        if (!ModelState.IsValid) return await page();
        try
        {
            return await change();
        }
        catch (Exception e) when (Refusals.MessageFor(e) is { } message)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError("", message);
            return await page();
        }
    }

    /// <inheritdoc cref="SubmitAsync(Func{Task{IActionResult}}, Func{Task{IActionResult}})"/>
    protected Task<IActionResult> SubmitAsync(Func<IActionResult> page, Func<Task<IActionResult>> change) =>
        SubmitAsync(() => Task.FromResult(page()), change);

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
