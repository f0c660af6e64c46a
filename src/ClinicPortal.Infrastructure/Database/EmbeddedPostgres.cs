using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using ClinicPortal.Infrastructure.Files;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ClinicPortal.Infrastructure.Database;

/// <summary>
/// A private PostgreSQL cluster run from the machine's server binaries: created on first use in a
/// data folder, started on a free loopback port (TCP only, no Unix socket), stopped on dispose.
/// Data persists in the folder between runs.
/// </summary>
public sealed class EmbeddedPostgres : IDisposable
{
    public const string SuperUser = "clinicportal";
    private const string SecretFile = "clinicportal.secret";
    private const string AppSecretFile = "clinicportal-app.secret";
    private readonly Lazy<string> _appPassword;

    private readonly string _binDirectory;
    private readonly bool _runAsPostgresUser;
    private readonly ILogger _logger;
    private int _stopped;

    public string DataDirectory { get; }
    public int Port { get; }
    private string Password { get; }

    private EmbeddedPostgres(string binDirectory, string dataDirectory, bool runAsPostgresUser, int port, string password, ILogger logger)
    {
        (_binDirectory, DataDirectory, _runAsPostgresUser, Port, Password, _logger) = (binDirectory, dataDirectory, runAsPostgresUser, port, password, logger);
        _appPassword = new Lazy<string>(EnsureAppRole, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Initialises the cluster if needed, starts it and makes sure <paramref name="database"/> exists.</summary>
    public static EmbeddedPostgres Start(string dataDirectory, string? binDirectory, ILogger logger, string database = "clinicportal", ServerSettings? settings = null)
    {
        var bin = FindBinaries(binDirectory);
        var asPostgres = Environment.IsPrivilegedProcess; // initdb and postgres refuse to run as root
        dataDirectory = Path.GetFullPath(dataDirectory);
        if (asPostgres && !PostgresUserCanReach(dataDirectory))
        {
            // e.g. a checkout under /root or a 0700 temp folder: the postgres user cannot traverse it.
            var fallback = Path.Combine("/var/lib/clinicportal", Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(dataDirectory)))[..16], "postgres");
            logger.LogWarning("The postgres user cannot reach {DataDirectory}; keeping the embedded cluster in {Fallback} instead", dataDirectory, fallback);
            dataDirectory = fallback;
        }

        if (!File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
            InitCluster(bin, dataDirectory, asPostgres, logger);

        var password = File.ReadAllText(Path.Combine(dataDirectory, SecretFile)).Trim();
        var cluster = new EmbeddedPostgres(bin, dataDirectory, asPostgres, FreeLoopbackPort(), password, logger);
        cluster.StartServer(settings ?? ServerSettings.Application);
        cluster.StopWhenProcessEnds(Environment.ProcessId);
        cluster.EnsureDatabase(database);
        return cluster;
    }

    /// <summary>The superuser's connection: migrations, test arrangement.</summary>
    public string ConnectionString(string database = "clinicportal") => Connection(database, SuperUser, Password);

    /// <summary>The app's own role (<see cref="DatabaseRoles.EmbeddedAppRole"/>): rows only, never the schema.</summary>
    public string AppConnectionString(string database = "clinicportal") => Connection(database, DatabaseRoles.EmbeddedAppRole, _appPassword.Value);

    private string Connection(string database, string user, string password) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1", Port = Port, Username = user, Password = password, Database = database,
        NoResetOnClose = true, MaxAutoPrepare = 64, AutoPrepareMinUsages = 2,
    }.ConnectionString;

    /// <summary>The app role's password, kept beside the superuser's; the role is created (or re-passworded) on first use.</summary>
    private string EnsureAppRole()
    {
        var file = Path.Combine(DataDirectory, AppSecretFile);
        if (!File.Exists(file)) OwnerOnlyFile.WriteAllText(file, Convert.ToHexString(RandomNumberGenerator.GetBytes(24)));
        var password = File.ReadAllText(file).Trim();
        DatabaseRoles.EnsureLoginRole(ConnectionString("postgres"), DatabaseRoles.EmbeddedAppRole, password);
        return password;
    }

    public void EnsureDatabase(string database)
    {
        using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        connection.Open();
        using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", database);
        if (exists.ExecuteScalar() is not null) return;
        using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.Replace("\"", "")}\" TEMPLATE template0 ENCODING 'UTF8'", connection);
        create.ExecuteNonQuery();
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1) return;
        NpgsqlConnection.ClearAllPools();
        var (code, output) = Run(_binDirectory, "pg_ctl", ["stop", "-D", DataDirectory, "-m", "fast", "-w", "-t", "30"], _runAsPostgresUser);
        if (code == 0) _logger.LogInformation("Embedded PostgreSQL stopped");
        else _logger.LogWarning("Embedded PostgreSQL stop returned {Code}: {Output}", code, output.Trim());
    }

    /// <summary>
    /// A detached watchdog that stops the cluster once the given process is gone, however it ended (a SIGKILL,
    /// a crashed test host), so no server outlives its owner; then deletes <paramref name="alsoDelete"/> if given.
    /// Normal shutdown stops the cluster first and the watchdog finds nothing left to do.
    /// </summary>
    public void StopWhenProcessEnds(int pid, string? alsoDelete = null)
    {
        var stop = string.Join(' ', StopCommand("immediate").Select(Quote));
        var delete = alsoDelete is null ? "" : $"; rm -rf {Quote(alsoDelete)}";
        // setsid -f detaches it from the owner's process group, so killing the owner's tree leaves the watchdog;
        // its output goes to /dev/null because tail -f quits when its output is a closed pipe.
        var info = new ProcessStartInfo("setsid") { UseShellExecute = false, WorkingDirectory = "/" };
        foreach (var a in new[] { "-f", "sh", "-c", $"exec </dev/null >/dev/null 2>&1; tail --pid={pid} -f /dev/null; [ -f {Quote(Path.Combine(DataDirectory, "postmaster.pid"))} ] && {stop}{delete}" })
            info.ArgumentList.Add(a);
        info.RedirectStandardOutput = info.RedirectStandardError = info.RedirectStandardInput = true;
        using var _ = Process.Start(info);
    }

    /// <summary>Stops a cluster left running in <paramref name="dataDirectory"/> by a process that is gone (a leftover test cluster).</summary>
    public static void StopLeftover(string dataDirectory, string? binDirectory = null)
    {
        if (!File.Exists(Path.Combine(dataDirectory, "postmaster.pid"))) return;
        Run(FindBinaries(binDirectory), "pg_ctl", ["stop", "-D", dataDirectory, "-m", "immediate", "-w", "-t", "30"], Environment.IsPrivilegedProcess);
    }

    private IEnumerable<string> StopCommand(string mode)
    {
        var pgCtl = Path.Combine(_binDirectory, "pg_ctl");
        string[] command = [pgCtl, "stop", "-D", DataDirectory, "-m", mode, "-w", "-t", "30"];
        return _runAsPostgresUser ? ["runuser", "-u", "postgres", "--", .. command] : command;
    }

    private static string Quote(string s) => "'" + s.Replace("'", "'\\''") + "'";

    private void StartServer(ServerSettings settings)
    {
        // A cluster left running by a killed process holds the folder; stop it before starting on a new port.
        if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid"))
            && Run(_binDirectory, "pg_ctl", ["status", "-D", DataDirectory], _runAsPostgresUser).Code == 0)
        {
            _logger.LogWarning("Embedded PostgreSQL was still running from an earlier process; restarting it");
            Run(_binDirectory, "pg_ctl", ["stop", "-D", DataDirectory, "-m", "fast", "-w"], _runAsPostgresUser);
        }

        var options = $"-p {Port} -c listen_addresses=127.0.0.1 -k \"\" " + string.Join(' ', settings.Values.Select(kv => $"-c {kv.Key}={kv.Value}"));
        var (code, output) = Run(_binDirectory, "pg_ctl",
            ["start", "-D", DataDirectory, "-w", "-t", "60", "-l", Path.Combine(DataDirectory, "server.log"), "-o", options], _runAsPostgresUser);
        if (code != 0)
            throw new InvalidOperationException($"Embedded PostgreSQL did not start (pg_ctl exit {code}): {output.Trim()} — see {Path.Combine(DataDirectory, "server.log")}");
        _logger.LogInformation("Embedded PostgreSQL listening on 127.0.0.1:{Port}, data in {DataDirectory}", Port, DataDirectory);
    }

    private static void InitCluster(string bin, string dataDirectory, bool asPostgres, ILogger logger)
    {
        Directory.CreateDirectory(dataDirectory);
        if (Directory.EnumerateFileSystemEntries(dataDirectory).Any())
            throw new InvalidOperationException($"The PostgreSQL data folder {dataDirectory} is not empty and holds no cluster; empty it or choose another folder.");

        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        var passwordFile = Path.Combine(Path.GetTempPath(), $"clinicportal-pw-{Guid.NewGuid():N}");
        OwnerOnlyFile.WriteAllText(passwordFile, password); // then handed to postgres: never readable by anyone else
        try
        {
            if (asPostgres)
            {
                Chown("postgres:postgres", dataDirectory);
                Chown("postgres:postgres", passwordFile);
            }
            var (code, output) = Run(bin, "initdb",
                ["-D", dataDirectory, "-U", SuperUser, "--pwfile", passwordFile, "-A", "scram-sha-256", "-E", "UTF8", "--no-locale"], asPostgres);
            if (code != 0)
                throw new InvalidOperationException($"initdb failed (exit {code}) for {dataDirectory}: {output.Trim()}");
        }
        finally
        {
            File.Delete(passwordFile);
        }

        var secret = Path.Combine(dataDirectory, SecretFile);
        OwnerOnlyFile.WriteAllText(secret, password);
        logger.LogInformation("Created embedded PostgreSQL cluster in {DataDirectory}", dataDirectory);
    }

    private static bool PostgresUserCanReach(string dataDirectory)
    {
        var parent = Path.GetDirectoryName(dataDirectory)!;
        Directory.CreateDirectory(parent);
        return Run(null, "test", ["-x", parent], asPostgres: true).Code == 0;
    }

    private static string FindBinaries(string? configured)
    {
        var candidates = configured is not null
            ? [configured]
            : Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(VersionOf).Select(d => Path.Combine(d, "bin")).ToArray()
                : [];
        return candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
            ?? throw new PostgresNotInstalledException(
                "PostgreSQL server programs (initdb, pg_ctl) were not found" + (configured is null ? " under /usr/lib/postgresql/*/bin" : $" in {configured}")
                + ": install them with `sudo apt-get install -y postgresql`, or set ConnectionStrings__ClinicPortal to an external server.");
    }

    private static int VersionOf(string directory) => int.TryParse(Path.GetFileName(directory), out var v) ? v : 0;

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Chown(string owner, string path)
    {
        var (code, output) = Run(null, "chown", [owner, path], false);
        if (code != 0) throw new InvalidOperationException($"chown {owner} {path} failed: {output.Trim()}");
    }

    private static (int Code, string Output) Run(string? bin, string program, IReadOnlyList<string> args, bool asPostgres)
    {
        var file = bin is null ? program : Path.Combine(bin, program);
        var info = asPostgres ? new ProcessStartInfo("runuser") : new ProcessStartInfo(file);
        if (asPostgres)
            foreach (var a in new[] { "-u", "postgres", "--", file }) info.ArgumentList.Add(a);
        foreach (var a in args) info.ArgumentList.Add(a);
        info.RedirectStandardOutput = info.RedirectStandardError = true;
        info.UseShellExecute = false;
        info.WorkingDirectory = "/";
        info.Environment["LC_ALL"] = "C";

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {program}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
