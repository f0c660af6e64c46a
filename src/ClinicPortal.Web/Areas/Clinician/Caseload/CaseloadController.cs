using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ClinicPortal.Web.Areas.Clinician.Caseload;

[Area("Clinician")]
[Authorize(Roles = Core.Accounts.Roles.Clinician)]
[Route("clinician")]
public sealed class CaseloadController : Controller
{
    [HttpGet("")]
    public IActionResult Index() => View();
}
