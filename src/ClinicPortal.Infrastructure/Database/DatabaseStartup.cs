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

    public static (string ConnectionString, EmbeddedPostgres? Embedded) Resolve(IConfiguration configuration, string dataRoot, ILogger logger)
    {
        var configured = configuration.GetConnectionString(ConnectionStringName);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            logger.LogInformation("Using the PostgreSQL server from ConnectionStrings:{Name}", ConnectionStringName);
            return (ConnectionDefaults.Apply(configured), null);
        }

        var dataDirectory = configuration["ClinicPortal:Postgres:DataDirectory"] is { Length: > 0 } d ? d : Path.Combine(dataRoot, "postgres");
        var cluster = EmbeddedPostgres.Start(dataDirectory, configuration["ClinicPortal:Postgres:BinDirectory"], logger);
        return (cluster.ConnectionString(), cluster);
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
