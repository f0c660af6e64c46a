using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ClinicPortal.Web.Security;

/// <summary>
/// Every named rate-limit policy of the app, per network address (or per person when signed in), applied with
/// <c>[EnableRateLimiting(RateLimits.X)]</c> on the POST actions. A refusal is a 429 shown on the error page, which
/// carries the crisis numbers like every page a client or a signed-out visitor sees. Limits per account (the account
/// is in the form, which this middleware does not read) are in <see cref="AccountRateLimits"/>. No policy locks an
/// account: a refusal ends by itself when the window passes, so nobody can keep a client out by failing on purpose.
/// Counters are per app instance.
/// </summary>
public static class RateLimits
{
    /// <summary>Password step and code steps of signing in.</summary>
    public const string SignIn = "sign-in";
    /// <summary>"Forgot password" and the reset link's form.</summary>
    public const string PasswordReset = "password-reset";
    /// <summary>Accepting an invitation (a client's link or in-person code, a colleague's link, the first administrator's setup link).</summary>
    public const string Invitation = "invitation";
    /// <summary>"I feel unsafe": generous, per person; a client in danger must never be refused by accident.</summary>
    public const string Unsafe = "unsafe";
    /// <summary>Changing one's password (wrong current passwords), per person.</summary>
    public const string PasswordChange = "password-change";

    public static readonly Limit SignInPerAddress = new(30, TimeSpan.FromMinutes(5));
    public static readonly Limit PasswordResetPerAddress = new(10, TimeSpan.FromMinutes(15));
    public static readonly Limit InvitationPerAddress = new(20, TimeSpan.FromMinutes(15));
    public static readonly Limit UnsafePerPerson = new(30, TimeSpan.FromMinutes(10));
    public static readonly Limit PasswordChangePerPerson = new(10, TimeSpan.FromMinutes(15));

    public sealed record Limit(int Permits, TimeSpan Window);

    public static IServiceCollection AddClinicRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration("ClinicPortal:RateLimits");
        services.AddSingleton<AccountRateLimits>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait))
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString();
                return ValueTask.CompletedTask; // the body is the error page (status code pages), with the crisis numbers
            };
            o.AddPolicy(SignIn, c => Window(c, SignIn, AddressOf(c), SignInPerAddress));
            o.AddPolicy(PasswordReset, c => Window(c, PasswordReset, AddressOf(c), PasswordResetPerAddress));
            o.AddPolicy(Invitation, c => Window(c, Invitation, AddressOf(c), InvitationPerAddress));
            o.AddPolicy(Unsafe, c => Window(c, Unsafe, PersonOrAddress(c), UnsafePerPerson));
            o.AddPolicy(PasswordChange, c => Window(c, PasswordChange, PersonOrAddress(c), PasswordChangePerPerson));
        });
        return services;
    }

    /// <summary>The address a request came from ("unknown" when the server cannot tell, e.g. in-process tests).</summary>
    public static string AddressOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static string PersonOrAddress(HttpContext context) =>
        HttpCurrentActor.UserIdOf(context.User) is { } id ? "user:" + id : "address:" + AddressOf(context);

    private static RateLimitPartition<string> Window(HttpContext context, string policy, string key, Limit limit)
    {
        var scale = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.Scale;
        return RateLimitPartition.GetSlidingWindowLimiter($"{policy}|{key}", _ => Options(limit, scale));
    }

    public static SlidingWindowRateLimiterOptions Options(Limit limit, int scale) => new()
    {
        PermitLimit = checked(limit.Permits * Math.Max(1, scale)), Window = limit.Window, SegmentsPerWindow = 5,
        QueueLimit = 0, AutoReplenishment = true,
    };
}

/// <summary>ClinicPortal:RateLimits:Scale multiplies every limit (1 in production; the test app factory raises it, since all its requests come from one address).</summary>
public sealed class RateLimitOptions
{
    public int Scale { get; set; } = 1;
}
