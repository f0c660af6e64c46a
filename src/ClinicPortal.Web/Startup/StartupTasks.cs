using ClinicPortal.Core.Accounts;
using ClinicPortal.Infrastructure.Identity;
using ClinicPortal.Web.Demo;
using ClinicPortal.Infrastructure.Database;
using Microsoft.AspNetCore.Identity;

namespace ClinicPortal.Web.Startup;

/// <summary>Runs once the app is built: roles, the demo-mode guard, then the demo clinic or the first administrator.</summary>
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
        var roles = services.GetRequiredService<RoleManager<IdentityRole<Guid>>>();
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole<Guid>(role));

        var demo = DemoModeGuard.IsDemo(app.Configuration);
        await DemoModeGuard.CheckDataAsync(services.GetRequiredService<ClinicDbContext>(), demo, services.GetRequiredService<TimeProvider>().GetUtcNow());
        if (demo)
        {
            await services.GetRequiredService<DemoClinicSeeder>().SeedAsync();
            app.Lifetime.ApplicationStarted.Register(() => DemoClinicSeeder.PrintLogins(app.Urls));
            return;
        }

        await services.GetRequiredService<FirstAdministrator>().EnsureAsync(app);
    }
}
