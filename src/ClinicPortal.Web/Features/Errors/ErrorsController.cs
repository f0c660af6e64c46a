using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ClinicPortal.Web.Features.Errors;

/// <summary>Plain error pages: never a stack trace, never the content of the failed request.</summary>
[AllowAnonymous]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorsController : Controller
{
    [Route("/error/{code:int?}")]
    [IgnoreAntiforgeryToken]
    public IActionResult Show(int? code)
    {
        var status = code ?? StatusCodes.Status500InternalServerError;
        Response.StatusCode = status;
        return View("Error", status);
    }
}
