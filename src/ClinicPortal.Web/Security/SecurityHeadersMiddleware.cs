using ClinicPortal.Web.Areas.Admin.Jobs;

namespace ClinicPortal.Web.Security;

/// <summary>Headers every response carries: no framing, no sniffing, no inline script, no referrer leaks.</summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// Hangfire's dashboard colours its job-state cards with style attributes and its charts add a style
    /// element, so on the responses the dashboard itself gives administrators under /admin/jobs inline styles
    /// are allowed; scripts stay 'self' only. No other response, not even the 404 page others get there.
    /// </summary>
    public const string JobsDashboardPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public Task Invoke(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var h = context.Response.Headers;
            h.ContentSecurityPolicy = JobsDashboard.Serves(context) && context.Response.StatusCode < 400 ? JobsDashboardPolicy : ContentSecurityPolicy;
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "DENY";
            h["Referrer-Policy"] = "no-referrer";
            h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            h["Cross-Origin-Opener-Policy"] = "same-origin";
            // Pages must not linger in shared caches or the back button: clinical pages always, and every other page
            // too (sign-in, errors: what Back would show after "Leave now"). Static files set their own caching.
            if (context.User.Identity?.IsAuthenticated == true || string.IsNullOrEmpty(h.CacheControl))
                h.CacheControl = "no-store";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
