namespace ClinicPortal.Web.Security;

/// <summary>
/// ClinicPortal:RequireStaffTwoFactor — clinicians and administrators must sign in with an authenticator
/// code. On by default; off by default in demo mode (ClinicPortal:Demo) so the printed demo logins work
/// with a password alone. ClinicPortal:SecureCookies — mark every cookie Secure; on by default outside
/// Development and demo mode (both are served over plain http on a loopback address).
/// </summary>
public sealed class StaffSecurityOptions
{
    public bool RequireStaffTwoFactor { get; set; } = true;
    public bool SecureCookies { get; set; } = true;

    public static void Bind(StaffSecurityOptions o, IConfiguration configuration, IWebHostEnvironment environment)
    {
        var demo = Startup.DemoModeGuard.IsDemo(configuration);
        o.RequireStaffTwoFactor = configuration.GetValue("ClinicPortal:RequireStaffTwoFactor", !demo);
        o.SecureCookies = configuration.GetValue("ClinicPortal:SecureCookies", !demo && !environment.IsDevelopment());
    }

    public CookieSecurePolicy CookiePolicy => SecureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
}
