using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ClinicPortal.Web.Areas.Admin.Home;

[Area("Admin")]
[Authorize(Roles = Core.Accounts.Roles.Admin)]
[Route("admin")]
public sealed class HomeController : Controller
{
    [HttpGet("")]
    public IActionResult Index() => View();
}
