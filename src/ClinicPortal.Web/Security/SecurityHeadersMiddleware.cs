using ClinicPortal.Web.Areas.Admin.Jobs;

namespace ClinicPortal.Web.Security;

/// <summary>Headers every response carries: no framing, no sniffing, no inline script, no referrer leaks.</summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// Hangfire's dashboard pages colour their job-state cards with style attributes, so under /admin/jobs
    /// (administrators only) inline style attributes are allowed; scripts stay 'self' only. No other page.
    /// </summary>
    public const string JobsDashboardPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public Task Invoke(HttpContext context)
    {
        // Read now: inside the dashboard's branch the path is rewritten by the time the response starts.
        var policy = JobsDashboard.Covers(context.Request.Path) ? JobsDashboardPolicy : ContentSecurityPolicy;
        context.Response.OnStarting(() =>
        {
            var h = context.Response.Headers;
            h.ContentSecurityPolicy = policy;
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "DENY";
            h["Referrer-Policy"] = "no-referrer";
            h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            h["Cross-Origin-Opener-Policy"] = "same-origin";
            if (context.User.Identity?.IsAuthenticated == true)
                h.CacheControl = "no-store"; // clinical pages must not linger in shared caches or the back button
            return Task.CompletedTask;
        });
        return next(context);
    }
}
