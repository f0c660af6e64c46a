using ClinicPortal.Core.Accounts;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Web.Demo;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Startup;

/// <summary>A start the app will not make; the message is the one line printed before it exits.</summary>
public sealed class StartupRefusedException(string message) : Exception(message);

/// <summary>
/// Demo mode publishes its passwords and relaxes staff sign-in, so it runs only where it cannot meet real data:
/// on the embedded database unless <see cref="OnServerKey"/> says otherwise, and never on a database marked live.
/// </summary>
public static class DemoModeGuard
{
    public const string DemoKey = "ClinicPortal:Demo";
    /// <summary>Lets demo mode use the configured server (tests, benchmarks on a throw-away cluster).</summary>
    public const string OnServerKey = "ClinicPortal:DemoOnServer";

    public static bool IsDemo(IConfiguration configuration) => configuration.GetValue<bool>(DemoKey);

    /// <summary>Before anything touches the database.</summary>
    public static void CheckServer(IConfiguration configuration, bool embedded)
    {
        if (IsDemo(configuration) && !embedded && !configuration.GetValue<bool>(OnServerKey))
            throw new StartupRefusedException(
                $"Demo mode refused: ConnectionStrings:{DatabaseStartup.ConnectionStringName} names a server, and demo mode runs only on the embedded database. " +
                $"Unset it, or set {OnServerKey}=true for a throw-away server.");
    }

    /// <summary>Under the start-up lock, after the migrations: marks a new database, refuses one marked for the other mode.</summary>
    public static async Task CheckDataAsync(ClinicDbContext db, bool demo, DateTimeOffset now, CancellationToken ct = default)
    {
        var mark = await db.Set<DeploymentMark>().SingleOrDefaultAsync(ct);
        var demoSuffix = "@" + DemoLogins.Domain.ToUpperInvariant();
        var outcome = DeploymentCheck.Decide(demo, mark?.Mode,
            hasDemoAccounts: mark is null && await db.Users.AnyAsync(u => u.NormalizedEmail!.EndsWith(demoSuffix), ct),
            hasOtherAccounts: mark is null && await db.Users.AnyAsync(u => !u.NormalizedEmail!.EndsWith(demoSuffix), ct));
        if (outcome.Refusal is { } refusal) throw new StartupRefusedException(refusal);
        if (mark is null)
        {
            db.Add(new DeploymentMark(outcome.Mark, now));
            await db.SaveChangesAsync(ct);
        }
    }
}
