using ClinicPortal.Core.Accounts;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Identity;
using ClinicPortal.Web.Areas.Admin.Jobs;
using ClinicPortal.Web.Health;
using ClinicPortal.Web.Security;
using ClinicPortal.Infrastructure.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.Options;

namespace ClinicPortal.Web;

public static class WebServices
{
    public static IServiceCollection AddClinicWeb(this IServiceCollection services, IConfiguration configuration, string dataRoot)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentActor, HttpCurrentActor>();
        services.AddScoped<IAccessScopeSource>(sp => (HttpCurrentActor)sp.GetRequiredService<ICurrentActor>());

        services.AddOptions<StaffSecurityOptions>().Configure<IConfiguration, IWebHostEnvironment>((o, c, env) => StaffSecurityOptions.Bind(o, c, env));
        services.AddIdentity<ApplicationUser, IdentityRole<Guid>>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = o.Password.RequireLowercase = o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = true;
                o.Password.RequiredUniqueChars = 5;
                // Wrong passwords and wrong authenticator codes count toward the same lockout.
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<ClinicDbContext>()
            .AddUserStore<ProtectedTokenUserStore>()
            .AddDefaultTokenProviders()
            .AddSignInManager<ClinicSignInManager>()
            .AddClaimsPrincipalFactory<DisplayNameClaimsFactory>();
        // Deactivation, 2FA resets and password changes reach open sessions within a minute.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddSingleton<IdleSessions>();
        services.AddOptions<SessionLifetimeOptions>().BindConfiguration("ClinicPortal:Sessions");
        services.AddClinicRateLimits();
        services.AddScoped<UnsafeDeviceToken>();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme).Configure<IOptions<StaffSecurityOptions>>((o, security) =>
        {
            o.Cookie.Name = "clinicportal.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = security.Value.CookiePolicy;
            // The lifetime is the clinic's idle time, set and renewed by IdleSessions (not sliding by halves).
            o.ExpireTimeSpan = TimeSpan.FromMinutes(Core.Clinics.ClinicSettingsRules.DefaultIdleTimeoutMinutes);
            o.SlidingExpiration = false;
            o.Events.OnSigningIn = async c =>
            {
                await c.HttpContext.RequestServices.GetRequiredService<IdleSessions>().OnSigningInAsync(c);
                c.HttpContext.RequestServices.GetRequiredService<UnsafeDeviceToken>().OnSigningIn(c); // "I feel unsafe" outlives the session
            };
            o.Events.OnValidatePrincipal = c => c.HttpContext.RequestServices.GetRequiredService<IdleSessions>().OnValidatePrincipalAsync(c);
            o.LoginPath = "/account/sign-in";
            o.LogoutPath = "/account/sign-out";
            o.AccessDeniedPath = "/account/access-denied";
        });
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.TwoFactorRememberMeScheme).Configure<IOptions<StaffSecurityOptions>>((o, security) =>
        {
            o.Cookie.Name = "clinicportal.device";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = security.Value.CookiePolicy;
            o.ExpireTimeSpan = TimeSpan.FromDays(30); // "remember this device"
        });
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme).Configure<IOptions<StaffSecurityOptions>>((o, security) =>
        {
            o.Cookie.Name = "clinicportal.2fa";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = security.Value.CookiePolicy;
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "clinicportal.af";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddOptions<CookieTempDataProviderOptions>().Configure<IOptions<StaffSecurityOptions>>((o, security) =>
        {
            o.Cookie.Name = "clinicportal.flash";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = security.Value.CookiePolicy;
        });
        services.AddOptions<AntiforgeryOptions>().Configure<IOptions<StaffSecurityOptions>>((o, security) => o.Cookie.SecurePolicy = security.Value.CookiePolicy);
        services.Configure<ForwardedHeadersOptions>(o => ProxyTrust.Configure(o, configuration));
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
        // Keys live in the database so every instance accepts the others' cookies and anti-forgery tokens, encrypted
        // with a certificate kept apart from it.
        services.AddDataProtection()
            .SetApplicationName("ClinicPortal")
            .PersistKeysToClinicDatabase()
            .ProtectKeysWithClinicCertificates(configuration, dataRoot);

        services.AddControllersWithViews(o =>
            {
                o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                o.Filters.Add(new Mvc.BindingMessageFilter());
            })
            // Validation is server-side only. With client validation on, an empty validation summary
            // renders <li style="display:none">, which the CSP (style-src 'self') blocks: a stray bullet.
            .AddViewOptions(o => o.HtmlHelperOptions.ClientValidationEnabled = false);
        // Feature folders: a controller, its models and its views live together; partials shared by an area in its Shared/.
        services.Configure<RazorViewEngineOptions>(o =>
        {
            o.ViewLocationExpanders.Add(new Mvc.FeatureFolderViews());
            o.ViewLocationFormats.Clear();
            o.ViewLocationFormats.Add("/Views/Shared/{0}.cshtml");
            o.AreaViewLocationFormats.Clear();
            o.AreaViewLocationFormats.Add("/Areas/{2}/Shared/{0}.cshtml");
            o.AreaViewLocationFormats.Add("/Views/Shared/{0}.cshtml");
        });
        // Links between one client's pages carry the client id over (see ClientUrls).
        services.AddSingleton<Microsoft.AspNetCore.Mvc.Routing.IUrlHelperFactory>(new Areas.Clinician.ClientUrls(new Microsoft.AspNetCore.Mvc.Routing.UrlHelperFactory()));
        services.AddScoped<HealthReporter>();
        services.AddScoped<Startup.FirstAdministrator>();
        services.AddScoped<Demo.DemoClinicSeeder>();
        services.AddScoped<Features.Invitations.ClientInvitations>();
        services.AddScoped<Features.Invitations.StaffInvitations>();
        services.AddScoped<Features.Account.SignInRecorder>();
        services.AddScoped<Features.Passwords.PasswordSetter>();
        services.AddScoped<Features.Passwords.PasswordResets>();
        services.AddScoped<Features.Invitations.ClientSignIns>();
        services.AddScoped<Features.QuickExit.QuickExitSite>();
        services.AddScoped<Areas.Admin.Staff.StaffAccounts>();
        services.AddScoped<Areas.Clinician.Caseload.CaseloadQuery>();
        services.AddScoped<Areas.Clinician.Clients.ClientOverviewQuery>();
        services.AddScoped<Areas.Clinician.CaseNotes.NoteSearchQuery>();
        services.AddScoped<Areas.Clinician.Sessions.ClientSessionQuery>();
        services.AddScoped<Areas.Clinician.Sessions.SessionBooking>();
        services.AddScoped<Areas.Clinician.Progress.ProgressQuery>();
        services.AddScoped<Features.Incidents.IncidentQuery>();
        services.AddScoped<Areas.Clinician.BoundaryPlans.ContactLevelTimelineQuery>();
        services.AddScoped<Areas.Clinician.Reconnecting.ReconnectingQuery>();
        services.AddScoped<Areas.ClientSpace.SharedPlan.SharedPlanQuery>();
        services.AddScoped<Areas.ClientSpace.Safety.SharedSafetyPlanQuery>();
        return services;
    }

    public static WebApplication UseClinicPipeline(this WebApplication app)
    {
        // First: the client's address (audit) and the original scheme (HSTS, secure cookies) come from a trusted proxy.
        if (ProxyTrust.Any(app.Configuration)) app.UseForwardedHeaders();
        app.UseExceptionHandler("/error");
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.MapStaticAssets();
        app.UseRouting();
        app.UseAuthentication();
        app.UseMiddleware<StaffTwoFactorGate>();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseJobsDashboard();
        app.MapGet("/healthz", HealthEndpoint.Handle);
        app.MapControllers();
        return app;
    }
}
