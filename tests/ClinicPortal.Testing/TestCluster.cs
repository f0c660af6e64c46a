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

    /// <summary>A scratch folder (keys, mail) for one app instance, removed with the cluster.</summary>
    public static string CreateScratchDirectory()
    {
        var path = Path.Combine(Root, "scratch", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    private static string Root => _root ??= CreateRoot();

    private static string CreateRoot()
    {
        // Not Directory.CreateTempSubdirectory: its 0700 mode would lock out the postgres user.
        var root = Path.Combine(Path.GetTempPath(), $"clinicportal-tests-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        return root;
    }

    private static EmbeddedPostgres StartCluster()
    {
        var cluster = EmbeddedPostgres.Start(Path.Combine(Root, "postgres"), null, NullLogger.Instance);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            cluster.Dispose();
            try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        };
        return cluster;
    }
}
