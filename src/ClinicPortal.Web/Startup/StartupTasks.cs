using ClinicPortal.Core.Accounts;
using ClinicPortal.Infrastructure.Identity;
using ClinicPortal.Web.Demo;
using Microsoft.AspNetCore.Identity;
using Npgsql;

namespace ClinicPortal.Web.Startup;

/// <summary>Runs once the app is built: roles, then the demo clinic or the first administrator.</summary>
public static class StartupTasks
{
    private const long LockKey = 0x436C696E6963 + 1; // next to the migration lock

    /// <summary>Instances starting together take turns here (roles, seed, first admin are check-then-create).</summary>
    public static async Task RunAsync(WebApplication app)
    {
        await using var connection = await app.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({LockKey})", connection))
            await take.ExecuteNonQueryAsync();
        try
        {
            await RunLockedAsync(app);
        }
        finally
        {
            await using var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({LockKey})", connection);
            await release.ExecuteNonQueryAsync();
        }
    }

    private static async Task RunLockedAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var roles = services.GetRequiredService<RoleManager<IdentityRole<Guid>>>();
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole<Guid>(role));

        if (app.Configuration.GetValue<bool>("ClinicPortal:Demo"))
        {
            await services.GetRequiredService<DemoClinicSeeder>().SeedAsync();
            app.Lifetime.ApplicationStarted.Register(() => DemoClinicSeeder.PrintLogins(app.Urls));
            return;
        }

        await services.GetRequiredService<FirstAdministrator>().EnsureAsync(app);
    }
}
