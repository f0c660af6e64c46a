using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Core.Clinics;
using ClinicPortal.Infrastructure.Database;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Security;

/// <summary>
/// Signs people out after the clinic's idle time (ClinicSettings.IdleTimeoutMinutes, default 20) without a request.
/// The sign-in cookie's lifetime is set to the idle time at sign-in and renewed whenever Identity re-checks
/// the security stamp (at most once a minute), so the session ends between idle−1 and idle minutes after the
/// last request. <see cref="StatusPath"/> reports the time left without renewing; <see cref="KeepAlivePath"/>
/// renews on purpose ("Stay signed in" in wwwroot/js/idle-timeout.js).
/// </summary>
public sealed class IdleSessions(ClinicSettingsCache settings, TimeProvider clock, Microsoft.Extensions.Options.IOptions<SessionLifetimeOptions> lifetime)
{
    public const string StatusPath = "/account/session";
    public const string KeepAlivePath = "/account/keep-alive";
    /// <summary>The warning appears this long before the sign-out (or after half the idle time, if that is later).</summary>
    public static readonly TimeSpan WarningLead = TimeSpan.FromMinutes(2);

    private const string ExpiresKey = "clinicportal.session-expires";
    /// <summary>When the person entered their password (kept through renewals and refreshes): the absolute lifetime counts from it.</summary>
    private const string SignedInKey = "clinicportal.signed-in";

    /// <summary>The clinic's idle time (from <see cref="ClinicSettingsCache"/>: changes on this instance apply at once).</summary>
    public async Task<TimeSpan> IdleTimeoutAsync()
    {
        var minutes = (await settings.GetAsync())?.IdleTimeoutMinutes;
        return TimeSpan.FromMinutes(minutes is >= ClinicSettingsRules.MinIdleTimeoutMinutes ? minutes.Value : ClinicSettingsRules.DefaultIdleTimeoutMinutes);
    }

    /// <summary>When the current request's session will end if nothing else happens (null when nobody is signed in).</summary>
    public static DateTimeOffset? ExpiresAt(HttpContext context) => context.Items[ExpiresKey] as DateTimeOffset?;

    public async Task OnSigningInAsync(CookieSigningInContext context)
    {
        var idle = await IdleTimeoutAsync();
        var issued = context.Properties.IssuedUtc ?? clock.GetUtcNow();
        context.Properties.ExpiresUtc = issued + idle;
        context.HttpContext.Items[ExpiresKey] = issued + idle;
        context.Properties.Items.TryAdd(SignedInKey, issued.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public async Task OnValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        var lastRenewed = context.Properties.IssuedUtc;
        // Identity's check first: a changed security stamp (deactivated, 2FA reset, password changed) ends the session.
        await SecurityStampValidator.ValidatePrincipalAsync(context);
        if (context.Principal is null) return;

        var now = clock.GetUtcNow();
        if (context.Properties.Items.TryGetValue(SignedInKey, out var signedIn) && long.TryParse(signedIn, out var seconds)
            && now - DateTimeOffset.FromUnixTimeSeconds(seconds) > lifetime.Value.For(context.Principal))
        {
            // Past the absolute lifetime (ClinicPortal:Sessions): sign in again, however active the session was.
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }
        var idle = await IdleTimeoutAsync();
        if (lastRenewed is { } renewed && now - renewed > idle)
        {
            // Idle longer than the clinic now allows (the setting was shortened after this cookie was made).
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        var path = context.HttpContext.Request.Path;
        if (path == KeepAlivePath) context.ShouldRenew = true;
        if (path == StatusPath) context.ShouldRenew = false; // asking how long is left must not extend it

        if (!context.ShouldRenew)
        {
            context.HttpContext.Items[ExpiresKey] = context.Properties.ExpiresUtc;
            return;
        }
        // The handler renews to now + (expires − issued): make that span the clinic's current idle time.
        var issued = context.Properties.IssuedUtc ?? now;
        context.Properties.ExpiresUtc = issued + idle;
        context.HttpContext.Items[ExpiresKey] = now + idle;
    }

    public static int SecondsLeft(HttpContext context, TimeProvider clock) =>
        ExpiresAt(context) is { } at ? Math.Max(0, (int)Math.Floor((at - clock.GetUtcNow()).TotalSeconds)) : 0;
}
