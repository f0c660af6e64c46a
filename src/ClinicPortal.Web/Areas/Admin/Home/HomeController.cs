using ClinicPortal.Infrastructure.Database;
using Microsoft.AspNetCore.Mvc;

namespace ClinicPortal.Web.Areas.Admin.Home;

[Route("admin")]
public sealed class HomeController(ClinicDbContext db) : AdminController(db)
{
    [HttpGet("")]
    public IActionResult Index() => View();
}
