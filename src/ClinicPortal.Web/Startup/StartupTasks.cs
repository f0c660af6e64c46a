using ClinicPortal.Core.Accounts;
using ClinicPortal.Infrastructure.Identity;
using ClinicPortal.Web.Demo;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace ClinicPortal.Web.Startup;

/// <summary>Runs once the app is built: the demo-mode guard, the key ring's protection, roles, then the demo clinic or the first administrator.</summary>
public static class StartupTasks
{
    /// <summary>Instances starting together take turns here (roles, seed, first admin are check-then-create).</summary>
    public static async Task RunAsync(WebApplication app)
    {
        await using (await app.Services.GetRequiredService<DistributedLocks>().AcquireAsync(LockName.StartupTasks))
            await RunLockedAsync(app);
    }

    private static async Task RunLockedAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<ClinicDbContext>();
        var demo = DemoModeGuard.IsDemo(app.Configuration);
        await DemoModeGuard.CheckDataAsync(db, demo, services.GetRequiredService<TimeProvider>().GetUtcNow());

        if (services.GetRequiredService<KeyRingCertificates>().MadeFile is { } made)
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StartupTasks))
                .LogWarning("Made the key-ring certificate {File}: keep it, and back it up, apart from the database; without it no one stays signed in", made);
        await KeyRingProtection.DropUnencryptedKeysAsync(db);
        await ProtectedTokenUserStore.ProtectStoredAsync(db, services.GetRequiredService<IDataProtectionProvider>());

        var roles = services.GetRequiredService<RoleManager<IdentityRole<Guid>>>();
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole<Guid>(role));

        if (demo)
        {
            await services.GetRequiredService<DemoClinicSeeder>().SeedAsync();
            app.Lifetime.ApplicationStarted.Register(() => DemoClinicSeeder.PrintLogins(app.Urls));
            return;
        }

        await services.GetRequiredService<FirstAdministrator>().EnsureAsync(app);
    }
}
