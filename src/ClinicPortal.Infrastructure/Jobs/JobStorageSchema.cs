using Hangfire.PostgreSql;
using Npgsql;

namespace ClinicPortal.Infrastructure.Jobs;

/// <summary>
/// Hangfire's tables live in a schema of their own in the app's database. The app installs and upgrades
/// them itself, under the migration lock (see <see cref="Database.SchemaMigrator"/>), never Hangfire at start.
/// </summary>
public static class JobStorageSchema
{
    public const string Name = "hangfire";

    public static void Install(NpgsqlConnection connection) => PostgreSqlObjectsInstaller.Install(connection, Name);
}
