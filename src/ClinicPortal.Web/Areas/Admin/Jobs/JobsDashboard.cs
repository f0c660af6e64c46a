using ClinicPortal.Core.Accounts;
using Hangfire;
using Hangfire.Dashboard;

namespace ClinicPortal.Web.Areas.Admin.Jobs;

/// <summary>
/// Hangfire's dashboard at /admin/jobs, for administrators. Everyone else, signed in or not, gets the
/// app's 404 page, as for any page they may not know exists. Jobs carry ids only, so nothing clinical shows.
/// </summary>
public static class JobsDashboard
{
    public const string Path = "/admin/jobs";

    private static readonly object ServedKey = new();

    /// <summary>True once the request has passed the gate and the dashboard answers it (for its own CSP).</summary>
    public static bool Serves(HttpContext context) => context.Items.ContainsKey(ServedKey);

    public static WebApplication UseJobsDashboard(this WebApplication app)
    {
        app.UseWhen(c => c.Request.Path.StartsWithSegments(Path), branch => branch.Use((context, next) =>
        {
            if (IsAdministrator(context))
            {
                context.Items[ServedKey] = true;
                return next(context);
            }
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }));
        app.UseHangfireDashboard(Path, new DashboardOptions
        {
            Authorization = [new AdministratorsOnly()], // checked again by Hangfire itself
            AppPath = "/admin",
            DashboardTitle = "ClinicPortal background jobs",
            DisplayStorageConnectionString = false,
            DarkModeEnabled = false,
        });
        return app;
    }

    private static bool IsAdministrator(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true && context.User.IsInRole(Roles.Admin);

    private sealed class AdministratorsOnly : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) => IsAdministrator(context.GetHttpContext());
    }
}
