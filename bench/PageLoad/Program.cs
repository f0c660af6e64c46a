using System.Globalization;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.PageLoad;
using ClinicPortal.PageLoad.Baseline;
using Microsoft.Extensions.Logging.Abstractions;
using ClinicPortal.Testing;
using Npgsql;

// Page load at clinic scale. Options: --seconds N (per measurement, default 10), --connections 16,64,
// --only caseload-50,overview (page names), --reseed (rebuild the scale clinic; otherwise it is kept in .data/bench-pageload).
var options = BenchOptions.Parse(args);
Wrk.EnsureInstalled();
var repoRoot = BenchOptions.RepoRoot();
var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}") ? "Debug" : "Release";
var dataDirectory = Path.Combine(repoRoot, ".data", "bench-pageload", "postgres");
if (options.Reseed && Directory.Exists(dataDirectory)) new DirectoryInfo(dataDirectory).Delete(recursive: true);

// PostgreSQL's own defaults (JIT on, as on an external server); pg_stat_statements only counts statements.
using var cluster = EmbeddedPostgres.Start(dataDirectory, null, NullLogger.Instance, "pageload",
    ServerSettings.PostgresDefaults.With("shared_preload_libraries", "pg_stat_statements"));
var connectionString = cluster.ConnectionString("pageload");
Console.WriteLine($"PostgreSQL on port {cluster.Port}, data in {cluster.DataDirectory}");

await using (var db = new NpgsqlConnection(connectionString))
{
    await db.OpenAsync();
    if (!await ScaleClinic.IsSeededAsync(db))
    {
        Console.WriteLine("Seeding the demo clinic, then the scale clinic (2,000 clients, 200,000 check-ins)...");
        using (await Portal.StartAsync(repoRoot, configuration, connectionString)) { }
        var started = DateTime.UtcNow;
        await ScaleClinic.SeedAsync(db);
        Console.WriteLine($"Scale clinic seeded in {(DateTime.UtcNow - started).TotalSeconds:0} s");
    }
    await new NpgsqlCommand(FortunesApp.Schema + "CREATE EXTENSION IF NOT EXISTS pg_stat_statements;", db).ExecuteNonQueryAsync();
}

await using var baseline = await FortunesApp.StartAsync(connectionString, Portal.FreePort());
var baselineUrl = baseline.Urls.First() + "/fortunes";
using var portal = await Portal.StartAsync(repoRoot, configuration, connectionString);
var pages = await BenchPages.BuildAsync(portal, connectionString);
var statements = new StatementCounter(connectionString);

AppDomain.CurrentDomain.UnhandledException += (_, _) => Console.Error.WriteLine("Portal output:\n" + portal.RecentOutput);
var report = new BenchReport();
foreach (var connections in options.Connections)
    foreach (var page in pages.Where(p => options.Only is null || options.Only.Contains(p.Name)))
    {
        // Warm both, then measure the baseline and the page back to back so they see the same machine.
        Wrk.Run(baselineUrl, null, connections, options.Warmup);
        Wrk.Run(page.Url, page.Cookie, connections, options.Warmup);
        var baseResult = Wrk.Run(baselineUrl, null, connections, options.Duration);
        var pageResult = Wrk.Run(page.Url, page.Cookie, connections, options.Duration);
        var perView = connections == options.Connections[0] ? await statements.PerViewAsync(page) : (double?)null;
        report.Add(page.Name, connections, pageResult, baseResult, perView);
        Console.WriteLine(report.Last());
    }

Console.WriteLine();
Console.WriteLine(report.Table());
Console.WriteLine(await statements.AuditCostAsync(pages.Single(p => p.Name == "overview")));

internal sealed record BenchOptions(TimeSpan Duration, TimeSpan Warmup, int[] Connections, HashSet<string>? Only, bool Reseed)
{
    public static BenchOptions Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var seconds = int.Parse(Value("--seconds") ?? "10", CultureInfo.InvariantCulture);
        return new BenchOptions(
            TimeSpan.FromSeconds(seconds), TimeSpan.FromSeconds(Math.Max(2, seconds / 3)),
            (Value("--connections") ?? "16,64").Split(',').Select(int.Parse).ToArray(),
            Value("--only")?.Split(',').ToHashSet(),
            args.Contains("--reseed"));
    }

    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ClinicPortal.sln"))) return dir.FullName;
        throw new InvalidOperationException("Run the bench from inside the repository.");
    }
}
