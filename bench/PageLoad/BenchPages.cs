using ClinicPortal.Web.Demo;
using System.Globalization;
using System.Text;
using ClinicPortal.Testing;
using Npgsql;

namespace ClinicPortal.PageLoad;

public sealed record BenchPage(string Name, string Url, string Cookie);

public static class BenchPages
{
    /// <summary>The pages under test, each with the cookie of the user who would open it.</summary>
    public static async Task<IReadOnlyList<BenchPage>> BuildAsync(Portal portal, string connectionString)
    {
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT id FROM clients WHERE email = @e", db);
        cmd.Parameters.AddWithValue("e", ScaleClinic.ClientEmail(1));
        var client = (Guid)(await cmd.ExecuteScalarAsync())!;

        var small = await portal.SignInAsync(ScaleClinic.ClinicianEmail(1), DemoLogins.ClinicianPassword);
        var large = await portal.SignInAsync(ScaleClinic.ClinicianEmail(2), DemoLogins.ClinicianPassword);
        var self = await portal.SignInAsync(ScaleClinic.ClientEmail(1), DemoLogins.ClientPassword);
        var record = $"{portal.Url}/clinician/clients/{client}";
        return
        [
            new("caseload-50", $"{portal.Url}/clinician", small),
            new("caseload-500", $"{portal.Url}/clinician", large),
            new("caseload-500-signal", $"{portal.Url}/clinician?signal=RisingUrge&sort=LastCheckIn", large),
            new("overview", record, small),
            new("check-ins", $"{record}/check-ins", small),
            new("progress", $"{record}/progress", small),
            new("safety", $"{record}/safety", small),
            new("notes", $"{record}/notes", small),
            new("sessions", $"{record}/sessions", small),
            new("client-home", $"{portal.Url}/client", self),
        ];
    }
}

/// <summary>SQL statements per page view, read from pg_stat_statements around a few sequential requests.</summary>
public sealed class StatementCounter(string connectionString)
{
    private const int Views = 20;
    // Background jobs poll the same database; their statements are not the page's.
    private const string NotThePage = "query !~* '(pg_stat_statements|hangfire|outbox_messages|check_in_prompt)'";

    public async Task<double> PerViewAsync(BenchPage page)
    {
        await ExecAsync("SELECT pg_stat_statements_reset()");
        using var http = new HttpClient();
        for (var i = 0; i < Views; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, page.Url);
            request.Headers.Add("Cookie", page.Cookie);
            using var response = await http.SendAsync(request);
            if ((int)response.StatusCode != 200) throw new InvalidOperationException($"{page.Name} answered {(int)response.StatusCode}");
        }
        return Convert.ToDouble(await ScalarAsync($"SELECT coalesce(sum(calls), 0) FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND {NotThePage}"), CultureInfo.InvariantCulture) / Views;
    }

    /// <summary>What the audit row that every clinical page view writes costs the database, on the client overview.</summary>
    public async Task<string> AuditCostAsync(BenchPage page)
    {
        await PerViewAsync(page);
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        await using var cmd = new NpgsqlCommand($"""
            SELECT coalesce(sum(total_exec_time) FILTER (WHERE query ILIKE 'INSERT INTO audit_entries%'), 0), sum(total_exec_time)
            FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND {NotThePage}
            """, db);
        await using var reader = await cmd.ExecuteReaderAsync();
        await reader.ReadAsync();
        var (audit, total) = (reader.GetDouble(0), reader.GetDouble(1));
        return string.Create(CultureInfo.InvariantCulture,
            $"Audit row per view ({page.Name}): {audit / Views:0.000} ms of {total / Views:0.000} ms database execution per view ({100 * audit / total:0.0} %)");
    }

    private async Task ExecAsync(string sql) => await ScalarAsync(sql);

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, db);
        return await cmd.ExecuteScalarAsync();
    }
}

public sealed class BenchReport
{
    private readonly List<(string Page, int Connections, LoadResult Page_, LoadResult Baseline, double? Statements)> _rows = [];

    public void Add(string page, int connections, LoadResult result, LoadResult baseline, double? statements) =>
        _rows.Add((page, connections, result, baseline, statements));

    public string Last() => Line(_rows[^1]);

    public string Table()
    {
        var sb = new StringBuilder();
        sb.AppendLine("| page | conns | req/s | p50 ms | p99 ms | errors | baseline req/s | baseline p99 ms | req/s vs baseline | p99 vs baseline | SQL per view |");
        sb.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var r in _rows) sb.AppendLine(Line(r));
        return sb.ToString();
    }

    private static string Line((string Page, int Connections, LoadResult P, LoadResult B, double? Statements) r) =>
        string.Create(CultureInfo.InvariantCulture,
            $"| {r.Page} | {r.Connections} | {r.P.RequestsPerSecond:0.0} | {r.P.P50Ms:0.0} | {r.P.P99Ms:0.0} | {r.P.Errors} | {r.B.RequestsPerSecond:0} | {r.B.P99Ms:0.0} | 1/{r.B.RequestsPerSecond / Math.Max(r.P.RequestsPerSecond, 0.001):0.0} | {r.P.P99Ms / r.B.P99Ms:0.0}x | {(r.Statements is { } s ? s.ToString("0.#", CultureInfo.InvariantCulture) : "")} |");
}
