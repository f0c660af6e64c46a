using System.Net;
using ClinicPortal.Core.BoundaryPlans;
using ClinicPortal.IntegrationTests.BoundaryPlans;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.Testing;
using Npgsql;

namespace ClinicPortal.IntegrationTests.Reconnecting;

public sealed class ConditionStatusTests(DemoClinicApp app) : IClassFixture<DemoClinicApp>
{
    [Fact]
    public async Task A_condition_marked_met_without_evidence_is_refused_on_the_page_and_with_it_the_status_is_kept()
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail);
        var plan = BoundaryArrange.Plan();
        var boundary = await BoundaryArrange.BoundaryAsync(app, client, plan);
        var session = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var edit = $"/clinician/clients/{client.Id}/boundaries/{boundary.Id}/edit";
        var before = await Arrange.FingerprintAsync(app);

        var met = plan with { Conditions = [plan.Conditions[0] with { Status = ConditionStatus.Met, StatusDate = BoundaryArrange.Today }, plan.Conditions[1]] };
        var refused = await session.PostFormAsync(edit, edit, BoundaryArrange.Fields(met));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(ConditionItem.MetNeedsEvidence, WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        var unreadable = await session.PostFormAsync(edit, edit,
            BoundaryArrange.Fields(plan).Select(f => f.Key == "Conditions[0].Status" ? new KeyValuePair<string, string>(f.Key, "Nearly") : f).ToList());
        Assert.Equal(HttpStatusCode.OK, unreadable.StatusCode);
        Assert.Contains("Each condition needs a status", WebUtility.HtmlDecode(await unreadable.Content.ReadAsStringAsync()));
        Assert.Equal(before, await Arrange.FingerprintAsync(app));

        // With the evidence (and no date given), it is saved as revision 2, dated today.
        var withEvidence = plan with { Conditions = [plan.Conditions[0] with { Status = ConditionStatus.Met, Evidence = "A letter with no excuses." }, plan.Conditions[1]] };
        Assert.Equal(HttpStatusCode.Redirect, (await session.PostFormAsync(edit, edit, BoundaryArrange.Fields(withEvidence))).StatusCode);
        var revisions = await BoundaryArrange.RevisionsAsync(app, boundary.Id);
        Assert.Equal("Conditions for reconsidering contact: progress updated on 1.", revisions[^1].Summary);
        var kept = revisions[^1].ReadSnapshot().Conditions[0];
        Assert.Equal((ConditionStatus.Met, "A letter with no excuses."), (kept.Status, kept.Evidence));
        Assert.NotNull(kept.StatusDate);
    }

    [Fact]
    public async Task The_migration_turns_free_text_conditions_into_items_not_yet_met_in_their_order()
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail);
        var boundary = await BoundaryArrange.BoundaryAsync(app, client);
        await using var db = new NpgsqlConnection(app.ConnectionString);
        await db.OpenAsync();
        await Exec(db, """UPDATE boundaries SET conditions = '[{"Text":"First","SharedWithClient":true},{"Text":"Second","SharedWithClient":false}]' WHERE id = @id""",
            boundary.Id);

        await Exec(db, await File.ReadAllTextAsync(MigrationPath("0100_condition_status.sql")), null);

        await using var read = new NpgsqlCommand("SELECT conditions::text FROM boundaries WHERE id = @id", db);
        read.Parameters.AddWithValue("id", boundary.Id);
        var items = BoundaryJson.Read<List<ConditionItem>>((string)(await read.ExecuteScalarAsync())!);
        Assert.Equal([new ConditionItem("First", true), new ConditionItem("Second", false)], items);
        Assert.Contains("\"Status\": \"NotYet\"", (string)(await read.ExecuteScalarAsync())!);
    }

    private static async Task Exec(NpgsqlConnection db, string sql, Guid? id)
    {
        await using var command = new NpgsqlCommand(sql, db);
        if (id is { } value) command.Parameters.AddWithValue("id", value);
        await command.ExecuteNonQueryAsync();
    }

    private static string MigrationPath(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ClinicPortal.sln"))) dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("No ClinicPortal.sln above the test's folder."), "db", "migrations", name);
    }
}
