using System.Data.Common;
using Npgsql;

namespace ClinicPortal.Infrastructure.Database;

/// <summary>
/// Pool settings the app wants on any server, applied to a configured connection string unless it sets them
/// itself: no session reset when a connection goes back to the pool (the app keeps no session state, and the
/// reset costs a statement on every reuse) and automatic preparation of the statements it repeats.
/// </summary>
public static class ConnectionDefaults
{
    public static string Apply(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!Given(given, "No Reset On Close", "NoResetOnClose")) builder.NoResetOnClose = true;
        if (!Given(given, "Max Auto Prepare", "MaxAutoPrepare")) builder.MaxAutoPrepare = 64;
        if (!Given(given, "Auto Prepare Min Usages", "AutoPrepareMinUsages")) builder.AutoPrepareMinUsages = 2;
        return builder.ConnectionString;
    }

    private static bool Given(DbConnectionStringBuilder given, params string[] names) =>
        given.Keys.Cast<string>().Any(k => names.Any(n => string.Equals(k.Replace(" ", ""), n.Replace(" ", ""), StringComparison.OrdinalIgnoreCase)));
}
