using ClinicPortal.Core.Accounts;
using ClinicPortal.Testing;
using ClinicPortal.Web.Demo;
using ClinicPortal.Web.Startup;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace ClinicPortal.IntegrationTests.Security;

public sealed class DemoModeGuardTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void Demo_mode_runs_on_a_configured_server_only_when_told_to()
    {
        var refusal = Assert.Throws<StartupRefusedException>(() => DemoModeGuard.CheckServer(Config((DemoModeGuard.DemoKey, "true")), embedded: false));
        Assert.Contains("runs only on the embedded database", refusal.Message);

        DemoModeGuard.CheckServer(Config((DemoModeGuard.DemoKey, "true")), embedded: true);
        DemoModeGuard.CheckServer(Config((DemoModeGuard.DemoKey, "true"), (DemoModeGuard.OnServerKey, "true")), embedded: false);
        DemoModeGuard.CheckServer(Config(), embedded: false);
    }

    [Fact]
    public async Task A_normal_start_on_the_demo_database_is_refused_and_the_demo_accounts_stay_unreachable_by_it()
    {
        await using var demo = new DemoClinicApp();
        await using (var scope = demo.SystemScope())
        {
            var db = demo.SystemDb(scope);
            Assert.Equal(DeploymentMode.Demo, (await db.Set<DeploymentMark>().SingleAsync()).Mode);
            var refusal = await Assert.ThrowsAsync<StartupRefusedException>(() => DemoModeGuard.CheckDataAsync(db, demo: false, DateTimeOffset.UtcNow));
            Assert.Equal(DeploymentCheck.LiveOnDemoMessage, refusal.Message);
        }

        await using var live = new ClinicAppFactory(demo: false, connectionString: demo.ConnectionString);
        Assert.ThrowsAny<Exception>(() => live.CreateClient());
    }

    [Fact]
    public async Task Demo_mode_on_a_real_clinics_database_is_refused_and_seeds_nothing()
    {
        await using var live = new ClinicAppFactory(demo: false, new Dictionary<string, string?>
        {
            ["ClinicPortal:BootstrapAdmin:Email"] = "real.admin@clinic.test",
            ["ClinicPortal:BootstrapAdmin:Password"] = "Real-Admin-Pass-2026!",
        });
        live.CreateClient();

        await using var demo = new ClinicAppFactory(demo: true, connectionString: live.ConnectionString);
        Assert.ThrowsAny<Exception>(() => demo.CreateClient());

        await using var scope = live.SystemScope();
        var db = live.SystemDb(scope);
        Assert.Equal(DeploymentMode.Live, (await db.Set<DeploymentMark>().SingleAsync()).Mode);
        Assert.False(await db.Users.AnyAsync(u => u.Email!.EndsWith("@" + DemoLogins.Domain)));
        var refusal = await Assert.ThrowsAsync<StartupRefusedException>(() => DemoModeGuard.CheckDataAsync(db, demo: true, DateTimeOffset.UtcNow));
        Assert.Equal(DeploymentCheck.DemoOnLiveMessage, refusal.Message);
    }
}
