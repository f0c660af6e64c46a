using Microsoft.AspNetCore.Mvc;

namespace ClinicPortal.Web.Areas.ClientSpace.Unsafe;

/// <summary>Renders a result, pushes it to the client, then runs follow-up work in the same request.</summary>
internal sealed class RenderThenResult(IActionResult page, Func<Task> then) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        await page.ExecuteResultAsync(context);
        try { await context.HttpContext.Response.Body.FlushAsync(context.HttpContext.RequestAborted); }
        catch (OperationCanceledException) { }
        catch (IOException) { }
        await then();
    }
}
