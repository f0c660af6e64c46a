using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ClinicPortal.Web.Areas.ClientSpace.Home;

[Area("Client")]
[Authorize(Roles = Core.Accounts.Roles.Client)]
[Route("client")]
public sealed class HomeController : Controller
{
    [HttpGet("")]
    public IActionResult Index() => View();
}
