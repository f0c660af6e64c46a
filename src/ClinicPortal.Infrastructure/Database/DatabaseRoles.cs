using System.Text.RegularExpressions;
using Npgsql;

namespace ClinicPortal.Infrastructure.Database;

/// <summary>
/// Least privilege: migrations run as the schema's owner; the app runs as a role that reads and writes rows and
/// nothing else — it cannot alter, disable or drop a trigger, truncate, or change the schema, and may only add to
/// and read the audit log. The grants are re-applied after every migration run, so new tables are covered.
/// </summary>
public static partial class DatabaseRoles
{
    /// <summary>The app's role on the embedded cluster (and the test clusters).</summary>
    public const string EmbeddedAppRole = "clinicportal_app";

    /// <summary>Creates the login role, or sets its password, over a superuser connection (roles are cluster-wide).</summary>
    public static void EnsureLoginRole(string superuserConnectionString, string role, string password)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(superuserConnectionString) { Pooling = false }.ConnectionString);
        connection.Open();
        using var exists = new NpgsqlCommand("SELECT 1 FROM pg_roles WHERE rolname = @role", connection);
        exists.Parameters.AddWithValue("role", role);
        var verb = exists.ExecuteScalar() is null ? "CREATE" : "ALTER";
        // Role names and passwords cannot be parameters in DDL: the name is checked, the password is quoted.
        using var command = new NpgsqlCommand(
            $"{verb} ROLE {Identifier(role)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD '{password.Replace("'", "''")}'", connection);
        command.ExecuteNonQuery();
    }

    /// <summary>Gives <paramref name="appRole"/> exactly the rights the app needs on this database, over the owner's connection.</summary>
    public static async Task GrantAppAsync(string ownerConnectionString, string appRole, CancellationToken ct = default)
    {
        var role = Identifier(appRole);
        await using var connection = new NpgsqlConnection(ownerConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand($"""
            GRANT USAGE ON SCHEMA public, hangfire TO {role};
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public, hangfire TO {role};
            GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public, hangfire TO {role};
            REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_entries FROM {role};
            REVOKE ALL ON schema_migrations FROM {role};
            REVOKE CREATE ON SCHEMA public, hangfire FROM {role};
            """, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The user name a connection string signs in as.</summary>
    public static string UserOf(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString).Username ?? "";

    private static string Identifier(string role) =>
        RoleName().IsMatch(role) ? $"\"{role}\"" : throw new InvalidOperationException($"'{role}' is not a role name this app will use (letters, digits, _).");

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,62}$")]
    private static partial Regex RoleName();
}
