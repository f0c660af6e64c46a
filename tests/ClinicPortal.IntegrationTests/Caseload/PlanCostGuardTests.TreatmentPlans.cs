using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.Testing;
using ClinicPortal.Web.Demo;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.IntegrationTests.Caseload;

public sealed partial class PlanCostGuardTests
{
    /// <summary>
    /// The plan and task pages of a demo client who has a signed plan (with a boundary goal and a check-in goal) and tasks,
    /// in the clinic grown to scale: the pages the scale client (who has none) does not exercise fully.
    /// </summary>
    [Theory]
    [InlineData("clinician", "/treatment-plan")]
    [InlineData("clinician", "/treatment-plan/edit")]
    [InlineData("clinician", "/tasks")]
    [InlineData("client", "/client")]
    [InlineData("client", "/client/plan")]
    [InlineData("client", "/client/tasks")]
    public async Task The_plan_and_task_pages_of_a_client_with_a_plan_send_at_most_six_statements_all_below_the_JIT_threshold(string who, string page)
    {
        var session = who == "client"
            ? await Arrange.SignedInAsync(app, DemoLogins.JordanEmail, DemoLogins.ClientPassword)
            : await Arrange.SignedInAsync(app, DemoLogins.MorganEmail, DemoLogins.ClinicianPassword);
        var url = who == "client" ? page : $"/clinician/clients/{await JordanIdAsync()}{page}";

        var statements = await StatementsOfAsync(session, url);

        await AssertCheapAsync(statements);
        Assert.True(statements.Count <= 6, $"{statements.Count} statements:\n" + string.Join("\n", statements.Select(s => s.Sql[..Math.Min(150, s.Sql.Length)].ReplaceLineEndings(" "))));
    }

    private async Task<Guid> JordanIdAsync()
    {
        await using var scope = app.SystemScope();
        return await app.SystemDb(scope).Clients.Where(c => c.Email == DemoLogins.JordanEmail).Select(c => c.Id).SingleAsync();
    }
}
