using ClinicPortal.Web.Demo;
using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.Json;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ClinicPortal.IntegrationTests.Caseload;

/// <summary>Keeps each statement the app sends, with its parameters, so a test can ask PostgreSQL for its plan.</summary>
public sealed class StatementRecorder : DbCommandInterceptor
{
    private readonly ConcurrentQueue<(string Sql, NpgsqlParameter[] Parameters)> _statements = new();

    public IReadOnlyList<(string Sql, NpgsqlParameter[] Parameters)> Statements => _statements.ToList();

    public void Clear() => _statements.Clear();

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken ct = default)
    {
        _statements.Enqueue((command.CommandText, command.Parameters.Cast<NpgsqlParameter>().Select(p => p.Clone()).ToArray()));
        return base.ReaderExecutingAsync(command, eventData, result, ct);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
    {
        _statements.Enqueue((command.CommandText, []));
        return base.NonQueryExecutingAsync(command, eventData, result, ct);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken ct = default)
    {
        _statements.Enqueue((command.CommandText, command.Parameters.Cast<NpgsqlParameter>().Select(p => p.Clone()).ToArray()));
        return base.ScalarExecutingAsync(command, eventData, result, ct);
    }
}

/// <summary>The demo clinic grown to the scale clinic (2,000 clients, 200,000 check-ins), statements recorded.</summary>
public sealed class ScaleClinicApp() : ClinicAppFactory(demo: true), IAsyncLifetime
{
    public StatementRecorder Recorder { get; } = new();

    public async Task InitializeAsync()
    {
        _ = Services; // start the app: migrations and the demo clinic
        await using var db = new NpgsqlConnection(ConnectionString);
        await db.OpenAsync();
        await ScaleClinic.SeedAsync(db);
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    protected override void ConfigureTestServices(IServiceCollection services) =>
        services.ConfigureDbContext<ClinicDbContext>(o => o.AddInterceptors(Recorder));
}

/// <summary>
/// A regression guard for the pages that used to JIT-compile on every view: at clinic scale, with PostgreSQL's
/// default planner costs, every statement behind the caseload and the client overview must plan below the default
/// jit_above_cost (100,000), so an external server with JIT on never compiles them.
/// </summary>
public sealed partial class PlanCostGuardTests(ScaleClinicApp app) : IClassFixture<ScaleClinicApp>
{
    private const double JitAboveCost = 100_000;

    [Theory]
    [InlineData(1, "/clinician")]
    [InlineData(2, "/clinician")]
    [InlineData(2, "/clinician?signal=RisingUrge&sort=LastCheckIn")]
    [InlineData(2, "/clinician?sort=Stage&page=5")]
    public async Task Every_caseload_statement_plans_below_the_JIT_threshold(int clinician, string url)
    {
        var session = await Arrange.SignedInAsync(app, ScaleClinic.ClinicianEmail(clinician), DemoLogins.ClinicianPassword);
        var statements = await StatementsOfAsync(session, url);
        await AssertCheapAsync(statements);
        Assert.Contains(statements, s => s.Sql.Contains("client_summaries"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("/check-ins")]
    [InlineData("/progress")]
    [InlineData("/safety")]
    [InlineData("/notes")]
    [InlineData("/sessions")]
    [InlineData("/messages")]
    [InlineData("/requests")]
    [InlineData("/treatment-plan")]
    [InlineData("/treatment-plan/edit")]
    [InlineData("/tasks")]
    [InlineData("/measures")]
    [InlineData("/hard-dates")]
    [InlineData("/safety/orders")]
    [InlineData("/safety/orders/new")]
    public async Task Every_client_page_sends_at_most_six_statements_all_below_the_JIT_threshold(string section)
    {
        var session = await Arrange.SignedInAsync(app, ScaleClinic.ClinicianEmail(1), DemoLogins.ClinicianPassword);
        var statements = await StatementsOfAsync(session, $"/clinician/clients/{await ClientIdAsync()}{section}");
        await AssertCheapAsync(statements);
        Assert.True(statements.Count <= 6, $"{statements.Count} statements:\n" + string.Join("\n", statements.Select(s => s.Sql[..Math.Min(150, s.Sql.Length)].ReplaceLineEndings(" "))));
    }

    [Theory]
    [InlineData("/client")]
    [InlineData("/client/messages")]
    [InlineData("/client/appointments")]
    [InlineData("/client/plan")]
    [InlineData("/client/tasks")]
    [InlineData("/client/measures")]
    [InlineData("/client/hard-dates")]
    [InlineData("/client/check-ins/new")]
    public async Task The_clients_own_pages_send_at_most_six_statements_all_below_the_JIT_threshold(string page)
    {
        var session = await Arrange.SignedInAsync(app, ScaleClinic.ClientEmail(1), DemoLogins.ClientPassword);
        var statements = await StatementsOfAsync(session, page);
        await AssertCheapAsync(statements);
        Assert.True(statements.Count <= 6, $"{statements.Count} statements:\n" + string.Join("\n", statements.Select(s => s.Sql[..Math.Min(150, s.Sql.Length)].ReplaceLineEndings(" "))));
    }

    [Fact]
    public async Task A_boundary_page_with_its_trial_plans_and_reflections_sends_at_most_six_statements_all_below_the_JIT_threshold()
    {
        var session = await Arrange.SignedInAsync(app, ScaleClinic.ClinicianEmail(1), DemoLogins.ClinicianPassword);
        var clientId = await ClientIdAsync();
        Guid boundaryId;
        await using (var scope = app.SystemScope())
            boundaryId = await app.SystemDb(scope).Set<Core.BoundaryPlans.Boundary>().Where(b => b.ClientId == clientId).Select(b => b.Id).FirstAsync();
        var statements = await StatementsOfAsync(session, $"/clinician/clients/{clientId}/boundaries/{boundaryId}");
        await AssertCheapAsync(statements);
        Assert.Contains(statements, s => s.Sql.Contains("trial_contact_plans"));
        Assert.True(statements.Count <= 6, $"{statements.Count} statements:\n" + string.Join("\n", statements.Select(s => s.Sql[..Math.Min(150, s.Sql.Length)].ReplaceLineEndings(" "))));
    }

    private async Task<Guid> ClientIdAsync()
    {
        await using var scope = app.SystemScope();
        return await app.SystemDb(scope).Clients.Where(c => c.Email == ScaleClinic.ClientEmail(1)).Select(c => c.Id).SingleAsync();
    }

    private async Task<IReadOnlyList<(string Sql, NpgsqlParameter[] Parameters)>> StatementsOfAsync(BrowserSession session, string url)
    {
        await session.GetPageAsync(url); // first view: caches warm, nothing left over from signing in
        app.Recorder.Clear();
        await session.GetPageAsync(url);
        // A reference-data cache reloads every 30 seconds per instance, whichever view it falls on: not a cost of this page.
        return app.Recorder.Statements.Where(s => !s.Sql.Contains(InstanceCacheTag.Value)).ToList();
    }

    private async Task AssertCheapAsync(IReadOnlyList<(string Sql, NpgsqlParameter[] Parameters)> statements)
    {
        await using var db = new NpgsqlConnection(app.ConnectionString);
        await db.OpenAsync();
        // The planner's own defaults, whatever the test cluster was started with.
        await using (var reset = new NpgsqlCommand("SET random_page_cost = 4; SET effective_cache_size = '4GB'; SET work_mem = '4MB'", db))
            await reset.ExecuteNonQueryAsync();
        foreach (var (sql, parameters) in statements.Where(s => s.Sql.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)))
        {
            await using var explain = new NpgsqlCommand("EXPLAIN (FORMAT JSON) " + sql, db);
            foreach (var p in parameters) explain.Parameters.Add(p.Clone());
            var plan = JsonDocument.Parse((string)(await explain.ExecuteScalarAsync())!);
            var cost = plan.RootElement[0].GetProperty("Plan").GetProperty("Total Cost").GetDouble();
            Assert.True(cost < JitAboveCost, $"Estimated cost {cost:0} (JIT above {JitAboveCost:0}) for: {sql.ReplaceLineEndings(" ")}");
        }
    }
}
