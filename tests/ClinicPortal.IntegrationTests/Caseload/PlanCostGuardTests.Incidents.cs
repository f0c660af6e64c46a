using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.Testing;
using ClinicPortal.Web.Demo;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ClinicPortal.IntegrationTests.Caseload;

public sealed partial class PlanCostGuardTests
{
    /// <summary>The incident log pages of the demo client who has entries (one private, one with an addendum), in the clinic grown to scale.</summary>
    [Theory]
    [InlineData("clinician", "/incidents")]
    [InlineData("clinician", "/incidents/new")]
    [InlineData("clinician", "/incidents/{entry}")]
    [InlineData("clinician", "/incidents/{entry}/correct")]
    [InlineData("client", "/client/log")]
    [InlineData("client", "/client/log/new")]
    [InlineData("client", "/client/log/{entry}")]
    public async Task The_incident_log_pages_send_at_most_six_statements_all_below_the_JIT_threshold(string who, string page)
    {
        var session = who == "client"
            ? await Arrange.SignedInAsync(app, DemoLogins.JordanEmail, DemoLogins.ClientPassword)
            : await Arrange.SignedInAsync(app, DemoLogins.MorganEmail, DemoLogins.ClinicianPassword);
        var jordan = await JordanIdAsync();
        var path = page.Replace("{entry}", (await DemoEntryWithAddendumAsync(jordan)).ToString());
        var url = who == "client" ? path : $"/clinician/clients/{jordan}{path}";

        var statements = await StatementsOfAsync(session, url);

        await AssertCheapAsync(statements);
        Assert.True(statements.Count <= 6, $"{statements.Count} statements:\n" + string.Join("\n", statements.Select(s => s.Sql[..Math.Min(150, s.Sql.Length)].ReplaceLineEndings(" "))));
    }

    private async Task<Guid> DemoEntryWithAddendumAsync(Guid clientId)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT incident_id FROM incident_addenda WHERE client_id = @client LIMIT 1", connection);
        command.Parameters.AddWithValue("client", clientId);
        return (Guid)(await command.ExecuteScalarAsync())!;
    }
}
