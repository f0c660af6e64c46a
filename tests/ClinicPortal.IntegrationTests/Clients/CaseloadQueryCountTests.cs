using System.Data.Common;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicPortal.IntegrationTests.Clients;

/// <summary>Counts every SQL command the app sends.</summary>
public sealed class CommandCounter : DbCommandInterceptor
{
    private int _count;
    public int Count => Volatile.Read(ref _count);
    public void Reset() => Interlocked.Exchange(ref _count, 0);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken ct = default)
    {
        Interlocked.Increment(ref _count);
        return base.ReaderExecutingAsync(command, eventData, result, ct);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
    {
        Interlocked.Increment(ref _count);
        return base.NonQueryExecutingAsync(command, eventData, result, ct);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken ct = default)
    {
        Interlocked.Increment(ref _count);
        return base.ScalarExecutingAsync(command, eventData, result, ct);
    }
}

public sealed class CountingApp() : ClinicAppFactory(demo: true)
{
    public CommandCounter Counter { get; } = new();

    protected override void ConfigureTestServices(IServiceCollection services) =>
        services.ConfigureDbContext<ClinicDbContext>(o => o.AddInterceptors(Counter));
}

public sealed class CaseloadQueryCountTests(CountingApp app) : IClassFixture<CountingApp>
{
    [Fact]
    public async Task The_caseload_page_sends_the_same_number_of_commands_for_3_or_40_clients()
    {
        var session = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        await session.GetPageAsync("/clinician"); // warm-up: first-request work is not the page's

        var small = await CountCaseload(session);
        for (var i = 0; i < 37; i++)
        {
            var client = await Arrange.ClientAsync(app, Arrange.MorganEmail, $"Load Client {i:00}");
            await Arrange.NoteAsync(app, client, signed: i % 2 == 0);
        }
        var large = await CountCaseload(session);

        Assert.InRange(small.Commands, 1, 6);
        Assert.Equal(small.Commands, large.Commands);
        Assert.True(large.Rows >= small.Rows + 37, $"expected the 37 new clients on the page, saw {large.Rows} rows");
    }

    private async Task<(int Commands, int Rows)> CountCaseload(BrowserSession session)
    {
        app.Counter.Reset();
        var html = await session.GetPageAsync("/clinician");
        return (app.Counter.Count, html.Split("data-testid=\"caseload-client\"").Length - 1);
    }
}
