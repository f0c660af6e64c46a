using Npgsql;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace ClinicPortal.Infrastructure.Database;

/// <summary>
/// Decides which PostgreSQL the app talks to: the configured connection string, or else the
/// embedded cluster in the data folder (started here, stopped when the host stops).
/// </summary>
public static class DatabaseStartup
{
    public const string ConnectionStringName = "ClinicPortal";
    /// <summary>The schema owner's connection, for migrations and grants; without it the app's own does both.</summary>
    public const string OwnerConnectionStringName = "ClinicPortalOwner";

    /// <param name="App">What the app runs as: rows only (see <see cref="DatabaseRoles"/>).</param>
    /// <param name="Owner">What migrations run as.</param>
    public sealed record Connections(string App, string Owner, EmbeddedPostgres? Embedded)
    {
        /// <summary>Whether the app runs as a role of its own (else it has the owner's rights).</summary>
        public bool Separated => DatabaseRoles.UserOf(App) != DatabaseRoles.UserOf(Owner);
    }

    public static Connections Resolve(IConfiguration configuration, string dataRoot, ILogger logger)
    {
        var configured = configuration.GetConnectionString(ConnectionStringName);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            logger.LogInformation("Using the PostgreSQL server from ConnectionStrings:{Name}", ConnectionStringName);
            var owner = configuration.GetConnectionString(OwnerConnectionStringName);
            if (string.IsNullOrWhiteSpace(owner))
                logger.LogWarning("ConnectionStrings:{Owner} is not set: the app runs with the rights that change the schema. Give migrations their own owner role", OwnerConnectionStringName);
            return new Connections(ConnectionDefaults.Apply(configured), ConnectionDefaults.Apply(string.IsNullOrWhiteSpace(owner) ? configured : owner), null);
        }

        var dataDirectory = configuration["ClinicPortal:Postgres:DataDirectory"] is { Length: > 0 } d ? d : Path.Combine(dataRoot, "postgres");
        var cluster = EmbeddedPostgres.Start(dataDirectory, configuration["ClinicPortal:Postgres:BinDirectory"], logger);
        return new Connections(cluster.AppConnectionString(), cluster.ConnectionString(), cluster);
    }

    /// <summary>Migrations as the owner, then the app role's grants (when it has a role of its own).</summary>
    public static async Task PrepareAsync(Connections connections, ILogger logger, CancellationToken ct = default)
    {
        // Unpooled: the owner's connections are used once at start-up and must not linger in the app's process.
        var owner = new NpgsqlConnectionStringBuilder(connections.Owner) { Pooling = false }.ConnectionString;
        await SchemaMigrator.ApplyAsync(owner, logger, ct);
        if (connections.Separated) await DatabaseRoles.GrantAppAsync(owner, DatabaseRoles.UserOf(connections.App), ct);
    }

    /// <summary>The folder for local state (.data beside ClinicPortal.sln when run from the repository).</summary>
    public static string DataRoot(IConfiguration configuration, string contentRoot)
    {
        if (configuration["ClinicPortal:DataDirectory"] is { Length: > 0 } configured) return Path.GetFullPath(configured);
        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ClinicPortal.sln")))
                return Path.Combine(dir.FullName, ".data");
        return Path.Combine(contentRoot, ".data");
    }
}
