namespace ClinicPortal.Core.Accounts;

/// <summary>What a database was first started for. Demo mode publishes its passwords, so the two never share a database.</summary>
public enum DeploymentMode { Live = 0, Demo = 1 }

/// <summary>
/// The rule that keeps demo mode away from real data: a database is marked at its first start, and a start in
/// the other mode is refused. A database from before the mark is judged by its accounts (demo accounts or others).
/// </summary>
public static class DeploymentCheck
{
    public const string DemoOnLiveMessage =
        "Demo mode refused: this database holds real accounts. Demo mode runs only on its own database (the embedded default).";
    public const string LiveOnDemoMessage =
        "Start refused: this database holds the demo clinic, whose passwords are published. Use an empty database for real work (or run in demo mode).";

    /// <summary>The mark to keep, or a refusal (<see cref="Refusal"/> set) naming why.</summary>
    public sealed record Outcome(DeploymentMode Mark, string? Refusal);

    public static Outcome Decide(bool demo, DeploymentMode? mark, bool hasDemoAccounts, bool hasOtherAccounts)
    {
        var wanted = demo ? DeploymentMode.Demo : DeploymentMode.Live;
        // Unmarked: any demo account means demo mode has run here (its published passwords are inside); any other
        // account, a real clinic; no account at all, a new database, which takes the mode it is started in.
        var existing = mark ?? (hasDemoAccounts ? DeploymentMode.Demo : hasOtherAccounts ? DeploymentMode.Live : wanted);
        return existing == wanted
            ? new Outcome(wanted, null)
            : new Outcome(existing, demo ? DemoOnLiveMessage : LiveOnDemoMessage);
    }
}

/// <summary>The one row saying what this database was first started for (see <see cref="DeploymentCheck"/>).</summary>
public sealed class DeploymentMark
{
    public const int TheRow = 1;

    public int Id { get; private set; } = TheRow;
    public DeploymentMode Mode { get; private set; }
    public DateTimeOffset MarkedAt { get; private set; }

    private DeploymentMark() { }

    public DeploymentMark(DeploymentMode mode, DateTimeOffset at) => (Mode, MarkedAt) = (mode, at);
}
