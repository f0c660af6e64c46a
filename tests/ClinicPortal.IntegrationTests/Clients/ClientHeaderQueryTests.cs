using ClinicPortal.Web.Areas.Clinician;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.IntegrationTests.Clients;

/// <summary>Every page about a client starts by loading it and its header: that must stay one statement.</summary>
public sealed class ClientHeaderQueryTests(CountingApp app) : IClassFixture<CountingApp>
{
    [Fact]
    public async Task A_client_and_its_header_load_in_one_statement_and_the_client_is_tracked_for_changes()
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Hedda Header");
        await using var scope = app.SystemScope();
        var db = app.SystemDb(scope);
        await db.Clients.AnyAsync(); // the connection and the model are ready: only the load is counted

        app.Counter.Reset();
        var loaded = await ClientRecordController.LoadAsync(db, client.Id, CancellationToken.None);
        var commands = app.Counter.Count;

        Assert.Equal(1, commands);
        Assert.NotNull(loaded);
        Assert.Equal("Dr. Morgan Example", loaded.ClinicianName);
        Assert.Equal(EntityState.Unchanged, db.Entry(loaded.Client).State);
        Assert.Null(await ClientRecordController.LoadAsync(db, Guid.NewGuid(), CancellationToken.None));
    }
}
