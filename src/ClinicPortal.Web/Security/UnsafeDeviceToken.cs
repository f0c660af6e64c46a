using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using ClinicPortal.Core.Accounts;
using ClinicPortal.Core.Clients;
using ClinicPortal.Infrastructure.Database;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClinicPortal.Web.Security;

/// <summary>The client a device's "I feel unsafe" token speaks for.</summary>
public sealed record UnsafeDevice(Guid UserId, Guid ClientId);

/// <summary>
/// Ties a client's phone to them so "I feel unsafe" still alerts their clinician once the session has timed out. Every
/// client sign-in (and every refresh of it) leaves two long-lived cookies:
/// <list type="bullet">
/// <item><see cref="TokenCookie"/>: HttpOnly, SameSite=Strict, sent only to <c>/client/unsafe</c>. It holds, protected by
/// the app's Data Protection keys, the user id and a hash of their security stamp, and can do nothing but raise the unsafe
/// alert. Anything that rotates the stamp revokes it (sign out on all devices, password change or reset, a re-issued
/// sign-in, discharge); so does a deactivated account or a discharged client, checked at every use.</item>
/// <item><see cref="MarkerCookie"/>: only says the device is tied (and whether the client chose discreet mode), so signed-out
/// pages can offer the button; it grants nothing.</item>
/// </list>
/// Cross-site posts never carry either cookie (SameSite=Strict), which is why the signed-out press needs no anti-forgery token.
/// </summary>
public sealed class UnsafeDeviceToken(IDataProtectionProvider protection, ClinicDbContext db, IOptions<IdentityOptions> identity,
    IOptions<StaffSecurityOptions> security, TimeProvider clock)
{
    public const string TokenCookie = "clinicportal.help", MarkerCookie = "clinicportal.linked", TokenPath = "/client/unsafe";
    /// <summary>Long enough that a phone used now and then stays tied; each sign-in starts it again.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(180);
    private const string Linked = "1", LinkedDiscreet = "d";

    private IDataProtector Protector => protection.CreateProtector("ClinicPortal.UnsafeDeviceToken.v1");

    /// <summary>Called as a client's sign-in cookie is written (sign-in, two-step sign-in, invitation, refresh).</summary>
    public void OnSigningIn(CookieSigningInContext context)
    {
        var user = context.Principal;
        if (user is null || !user.IsInRole(Roles.Client) || HttpCurrentActor.UserIdOf(user) is not { } userId) return;
        if (user.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType) is not { Length: > 0 } stamp) return;
        var expires = clock.GetUtcNow() + Lifetime;
        var token = Protector.Protect($"{userId:N}|{StampHash(stamp)}|{expires.ToUnixTimeSeconds()}");
        var response = context.HttpContext.Response;
        response.Cookies.Append(TokenCookie, token, Options(context.HttpContext, TokenPath, expires));
        response.Cookies.Append(MarkerCookie, DiscreetMode.IsOn(user) ? LinkedDiscreet : Linked, Options(context.HttpContext, "/", expires));
    }

    /// <summary>An explicit sign-out on this device unties it too: the next person to use a shared computer cannot alert for this client.</summary>
    public void Clear(HttpContext context)
    {
        context.Response.Cookies.Delete(TokenCookie, Options(context, TokenPath, null));
        context.Response.Cookies.Delete(MarkerCookie, Options(context, "/", null));
    }

    /// <summary>Whether signed-out pages should offer "I feel unsafe" on this device, and in discreet colours.</summary>
    public static (bool Linked, bool Discreet) MarkerOf(HttpRequest request) => request.Cookies[MarkerCookie] switch
    {
        Linked => (true, false),
        LinkedDiscreet => (true, true),
        _ => (false, false),
    };

    /// <summary>The client this request's token still speaks for, or null (no token, tampered, expired or revoked).</summary>
    public async Task<UnsafeDevice?> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.Cookies[TokenCookie] is not { Length: > 0 and < 2000 } token) return null;
        string[] parts;
        try { parts = Protector.Unprotect(token).Split('|'); }
        catch (CryptographicException) { return null; }
        if (parts.Length != 3 || !Guid.TryParseExact(parts[0], "N", out var userId) || !long.TryParse(parts[2], out var expires)
            || DateTimeOffset.FromUnixTimeSeconds(expires) < clock.GetUtcNow()) return null;

        // The caller is nobody yet: read past the filters, for this one user only.
        var found = await (from u in db.Users.IgnoreQueryFilters()
                           join c in db.Clients.IgnoreQueryFilters() on u.Id equals c.UserId
                           where u.Id == userId && u.IsActive && c.Status != ClientStatus.Discharged
                           select new { u.SecurityStamp, ClientId = c.Id }).SingleOrDefaultAsync(ct);
        return found?.SecurityStamp is { } stamp && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(StampHash(stamp)), Encoding.ASCII.GetBytes(parts[1])) ? new UnsafeDevice(userId, found.ClientId) : null;
    }

    private static string StampHash(string stamp) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(stamp)));

    private CookieOptions Options(HttpContext context, string path, DateTimeOffset? expires) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = security.Value.CookiePolicy == CookieSecurePolicy.Always || context.Request.IsHttps,
        Path = path,
        Expires = expires,
        IsEssential = true,
    };
}
