using System.Diagnostics;
using ClinicPortal.Core.Accounts;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

// Audit log paging at scale: fills a throw-away embedded PostgreSQL cluster with a million audit rows and
// times the audit viewer's keyset query (AuditLogQuery.PageAsync, exactly what the app runs) for page 1 and
// page 5,000, against OFFSET paging of the same rows measured in the same run.
//
//   dotnet run --project bench/AuditPaging -c Release [-- --rows 1000000 --page 5000 --repeat 15]

var rows = Arg("--rows", 1_000_000);
var deepPage = Arg("--page", 5_000);
var repeat = Arg("--repeat", 15);
const int pageSize = AuditLogQuery.DefaultPageSize;
if ((long)deepPage * pageSize > rows) throw new ArgumentException($"--page {deepPage} needs at least {(long)deepPage * pageSize} rows.");

// Not Directory.CreateTempSubdirectory: its 0700 mode would lock out the postgres user when run as root.
var root = Path.Combine(Path.GetTempPath(), $"clinicportal-bench-{Guid.NewGuid():N}");
Directory.CreateDirectory(root);
Console.WriteLine($"Starting an embedded PostgreSQL cluster in {root} ...");
using var cluster = EmbeddedPostgres.Start(Path.Combine(root, "postgres"), null, NullLogger.Instance, "bench");
try
{
    var cs = cluster.ConnectionString("bench");
    await SchemaMigrator.ApplyAsync(cs, NullLogger.Instance);

    var fill = Stopwatch.StartNew();
    await ExecuteAsync(cs, $"""
        INSERT INTO audit_entries (at, user_id, role, client_id, action, record_type, record_id, ip_address)
        SELECT now() - interval '365 days' + g * (interval '365 days' / {rows}),
               md5('user' || (g % 200))::uuid,
               (ARRAY['clinician','clinician','clinician','admin','client'])[1 + g % 5],
               CASE WHEN g % 10 = 0 THEN NULL ELSE md5('client' || (g % 5000))::uuid END,
               (ARRAY['view','view','view','view','update','create','sign','sign-in','export','reassign'])[1 + g % 10],
               'case-note', md5(g::text)::uuid::text, '10.0.' || (g % 250) || '.' || (g % 199)
          FROM generate_series(1, {rows}) AS g;
        ANALYZE audit_entries;
        """);
    Console.WriteLine($"Inserted {rows:N0} audit rows in {fill.Elapsed.TotalSeconds:0.0} s.");
    Console.WriteLine();

    await using var db = new ClinicDbContext(new DbContextOptionsBuilder<ClinicDbContext>().UseNpgsql(cs).Options, AccessScope.System);
    var scenarios = new (string Name, AuditFilter Filter)[]
    {
        ("whole log", new AuditFilter()),
        ("action = view", new AuditFilter(Action: "view")),
        ("one user", new AuditFilter(UserId: await ScalarAsync<Guid>(cs, "SELECT md5('user7')::uuid"))),
        ("last 120 days", new AuditFilter(From: DateTimeOffset.UtcNow.AddDays(-120), To: DateTimeOffset.UtcNow.AddDays(1))),
    };

    Console.WriteLine($"Page size {pageSize}; median of {repeat} runs after warm-up; times in milliseconds.");
    Console.WriteLine($"{"filter",-16} {"rows",10} {"keyset p1",10} {"keyset p" + deepPage,14} {"ratio",7}   {"offset p1",10} {"offset p" + deepPage,14} {"ratio",8}   {"offset/keyset at p" + deepPage,22}");
    var worstKeysetRatio = 0.0;
    foreach (var (name, filter) in scenarios)
    {
        var matching = await db.AuditEntries.Matching(filter).LongCountAsync();
        var page = (int)Math.Min(deepPage, matching / pageSize);
        if (page < 2) { Console.WriteLine($"{name,-16} {matching,10:N0}  (too few rows for a deep page)"); continue; }

        // The cursor a person reaches by pressing "Older" page-1 times: the id of the last row on the page before.
        var cursor = await db.AuditEntries.Matching(filter).OrderByDescending(a => a.Id).Skip((page - 1) * pageSize - 1).Select(a => a.Id).FirstAsync();
        var keysetDeep = await AuditLogQuery.PageAsync(db, filter, cursor, null, pageSize);
        var offsetDeep = await AuditLogQuery.OffsetPageAsync(db, filter, page, pageSize);
        if (!keysetDeep.Rows.Select(r => r.Id).SequenceEqual(offsetDeep.Select(r => r.Id)))
            throw new InvalidOperationException($"{name}: keyset page {page} and OFFSET page {page} differ.");

        var k1 = await MedianAsync(() => AuditLogQuery.PageAsync(db, filter, null, null, pageSize));
        var kN = await MedianAsync(() => AuditLogQuery.PageAsync(db, filter, cursor, null, pageSize));
        var o1 = await MedianAsync(() => AuditLogQuery.OffsetPageAsync(db, filter, 1, pageSize));
        var oN = await MedianAsync(() => AuditLogQuery.OffsetPageAsync(db, filter, page, pageSize));
        worstKeysetRatio = Math.Max(worstKeysetRatio, kN / k1);
        Console.WriteLine($"{name,-16} {matching,10:N0} {k1,10:0.00} {kN,14:0.00} {kN / k1,7:0.0}x  {o1,10:0.00} {oN,14:0.00} {oN / o1,8:0.0}x   {oN / kN,21:0}x" +
                          (page < deepPage ? $"   (deepest page here: {page})" : ""));
    }
    Console.WriteLine();
    Console.WriteLine($"Keyset: page {deepPage:N0} costs at most {worstKeysetRatio:0.0}x page 1 (it also checks for newer rows). OFFSET grows with the page number.");
    var deepCursor = await ScalarAsync<long>(cs, $"SELECT id FROM audit_entries ORDER BY id DESC OFFSET {(deepPage - 1) * pageSize - 1} LIMIT 1");
    Console.WriteLine($"Plan of the deep keyset page (whole log):");
    foreach (var line in await PlanAsync(cs, $"SELECT * FROM audit_entries WHERE id < {deepCursor} ORDER BY id DESC LIMIT {pageSize + 1}")) Console.WriteLine("  " + line);
    Console.WriteLine($"Plan of the same page with OFFSET:");
    foreach (var line in await PlanAsync(cs, $"SELECT * FROM audit_entries ORDER BY id DESC LIMIT {pageSize} OFFSET {(deepPage - 1) * pageSize}")) Console.WriteLine("  " + line);
    return 0;
}
finally
{
    cluster.Dispose();
    try { Directory.Delete(root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
}

async Task<double> MedianAsync<T>(Func<Task<T>> query)
{
    for (var i = 0; i < 3; i++) await query();
    var times = new List<double>();
    for (var i = 0; i < repeat; i++)
    {
        var watch = Stopwatch.StartNew();
        await query();
        times.Add(watch.Elapsed.TotalMilliseconds);
    }
    times.Sort();
    return times[times.Count / 2];
}

int Arg(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var value) && value > 0 ? value : fallback;
}

static async Task ExecuteAsync(string cs, string sql)
{
    await using var connection = new NpgsqlConnection(cs);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
    await command.ExecuteNonQueryAsync();
}

static async Task<T> ScalarAsync<T>(string cs, string sql)
{
    await using var connection = new NpgsqlConnection(cs);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand(sql, connection);
    return (T)(await command.ExecuteScalarAsync())!;
}

static async Task<List<string>> PlanAsync(string cs, string sql)
{
    await using var connection = new NpgsqlConnection(cs);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand("EXPLAIN (ANALYZE, COSTS OFF) " + sql, connection);
    var lines = new List<string>();
    await using var reader = await command.ExecuteReaderAsync();
    while (await reader.ReadAsync()) lines.Add(reader.GetString(0));
    return lines;
}
