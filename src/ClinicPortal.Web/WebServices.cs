using ClinicPortal.Core.Accounts;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Identity;
using ClinicPortal.Web.Health;
using ClinicPortal.Web.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;

namespace ClinicPortal.Web;

public static class WebServices
{
    public static IServiceCollection AddClinicWeb(this IServiceCollection services, IConfiguration configuration, string dataRoot)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentActor, HttpCurrentActor>();
        services.AddScoped<IAccessScopeSource>(sp => (HttpCurrentActor)sp.GetRequiredService<ICurrentActor>());

        services.AddIdentity<ApplicationUser, IdentityRole<Guid>>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = o.Password.RequireLowercase = o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = true;
                o.Password.RequiredUniqueChars = 5;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<ClinicDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<DisplayNameClaimsFactory>();
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "clinicportal.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromMinutes(20);
            o.SlidingExpiration = true;
            o.LoginPath = "/account/sign-in";
            o.LogoutPath = "/account/sign-out";
            o.AccessDeniedPath = "/account/access-denied";
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "clinicportal.af";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddDataProtection()
            .SetApplicationName("ClinicPortal")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataRoot, "keys")));

        services.AddControllersWithViews(o => o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute()))
            // Validation is server-side only. With client validation on, an empty validation summary
            // renders <li style="display:none">, which the CSP (style-src 'self') blocks: a stray bullet.
            .AddViewOptions(o => o.HtmlHelperOptions.ClientValidationEnabled = false);
        // Feature folders: a controller, its models and its views live together.
        services.Configure<RazorViewEngineOptions>(o =>
        {
            o.ViewLocationFormats.Insert(0, "/Features/{1}/{0}.cshtml");
            o.AreaViewLocationFormats.Insert(0, "/Areas/{2}/{1}/{0}.cshtml");
            o.AreaViewLocationFormats.Insert(1, "/Areas/{2}/Shared/{0}.cshtml");
        });
        services.AddScoped<HealthReporter>();
        services.AddScoped<Startup.FirstAdministrator>();
        services.AddScoped<Demo.DemoClinicSeeder>();
        services.AddScoped<Features.Invitations.ClientInvitations>();
        services.AddScoped<Areas.Clinician.Caseload.CaseloadQuery>();
        services.AddScoped<Areas.Clinician.CaseNotes.NoteSearch>();
        services.AddScoped<Areas.Clinician.Progress.ProgressQuery>();
        services.AddScoped<Areas.Clinician.BoundaryPlans.ContactLevelTimeline>();
        services.AddScoped<Areas.ClientSpace.SharedPlan.ClientSharedPlan>();
        services.AddScoped<Areas.ClientSpace.Safety.SharedSafetyPlanQuery>();
        return services;
    }

    public static WebApplication UseClinicPipeline(this WebApplication app)
    {
        app.UseExceptionHandler("/error");
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.MapStaticAssets();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/healthz", HealthEndpoint.Handle);
        app.MapControllers();
        return app;
    }
}
