using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.Safety;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.CheckIns;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Web.Areas.ClientSpace.Safety;
using ClinicPortal.Web.Areas.ClientSpace.SharedPlan;
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
