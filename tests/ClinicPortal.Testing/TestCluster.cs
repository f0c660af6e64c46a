using ClinicPortal.Infrastructure.Database;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClinicPortal.Testing;

/// <summary>
/// One throw-away embedded PostgreSQL cluster per test process (same code the app uses), with a
/// fresh database per fixture so test classes never see each other's rows.
/// </summary>
public static class TestCluster
{
    private static readonly Lazy<EmbeddedPostgres> Cluster = new(StartCluster, LazyThreadSafetyMode.ExecutionAndPublication);
    private static string? _root;

    public static EmbeddedPostgres Instance => Cluster.Value;

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public static string CreateDatabase(string prefix = "t")
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(60, prefix.Length + 33)];
        Instance.EnsureDatabase(name);
        return Instance.ConnectionString(name);
    }

    /// <summary>The same database as the app's own role sees it (rows only), for a connection string from <see cref="CreateDatabase"/>.</summary>
    public static string AppConnectionString(string ownerConnectionString) =>
        Instance.AppConnectionString(new Npgsql.NpgsqlConnectionStringBuilder(ownerConnectionString).Database!);

    /// <summary>A scratch folder (keys, mail) for one app instance, removed with the cluster.</summary>
    public static string CreateScratchDirectory()
    {
        var path = Path.Combine(Root, "scratch", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    private static string Root => _root ??= CreateRoot();

    private const string RootPrefix = "clinicportal-tests-", OwnerFile = "owner.pid";

    private static string CreateRoot()
    {
        RemoveLeftovers();
        // Not Directory.CreateTempSubdirectory: its 0700 mode would lock out the postgres user.
        var root = Path.Combine(Path.GetTempPath(), $"{RootPrefix}{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, OwnerFile), Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return root;
    }

    /// <summary>Test clusters whose test process is gone (one killed before its watchdog could start): stopped and deleted.</summary>
    private static void RemoveLeftovers()
    {
        foreach (var dir in Directory.EnumerateDirectories(Path.GetTempPath(), RootPrefix + "*"))
        {
            var owner = Path.Combine(dir, OwnerFile);
            if (File.Exists(owner) && int.TryParse(File.ReadAllText(owner), out var pid) && Directory.Exists($"/proc/{pid}")) continue;
            if (!File.Exists(owner) && Directory.GetLastWriteTimeUtc(dir) > DateTime.UtcNow.AddHours(-1)) continue; // still being created
            try
            {
                EmbeddedPostgres.StopLeftover(Path.Combine(dir, "postgres"));
                Directory.Delete(dir, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException) { }
        }
    }

    private static EmbeddedPostgres StartCluster()
    {
        // Many test apps, each with its own database, the app's pool and the owner's, live side by side.
        var cluster = EmbeddedPostgres.Start(Path.Combine(Root, "postgres"), null, NullLogger.Instance,
            settings: ServerSettings.Application.With("max_connections", "1000"));
        cluster.StopWhenProcessEnds(Environment.ProcessId, alsoDelete: Root);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            cluster.Dispose();
            try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        };
        return cluster;
    }
}
