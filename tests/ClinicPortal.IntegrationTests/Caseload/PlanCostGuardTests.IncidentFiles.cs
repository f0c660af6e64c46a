using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.IntegrationTests.Incidents;
using ClinicPortal.Web.Demo;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.IntegrationTests.Caseload;

public sealed partial class PlanCostGuardTests
{
    /// <summary>The attachment and export pages of a demo client with a log entry holding a picture, in the clinic grown to scale.</summary>
    [Theory]
    [InlineData("clinician", "/incidents/{entry}/files")]
    [InlineData("clinician", "/incidents/export")]
    [InlineData("client", "/client/log/{entry}/files")]
    [InlineData("client", "/client/log/copy")]
    public async Task The_attachment_and_export_pages_send_at_most_six_statements_all_below_the_JIT_threshold(string who, string page)
    {
        var jordan = await JordanIdAsync();
        var userId = await Arrange.UserIdAsync(app, DemoLogins.JordanEmail);
        var entry = await IncidentArrange.WriteAsync(app, jordan, userId);
        await AttachmentArrange.AddAsync(app, entry, userId, AttachmentFiles.Png());
        var session = who == "client"
            ? await Arrange.SignedInAsync(app, DemoLogins.JordanEmail, DemoLogins.ClientPassword)
            : await Arrange.SignedInAsync(app, DemoLogins.MorganEmail, DemoLogins.ClinicianPassword);
        var path = page.Replace("{entry}", entry.Id.ToString());
        var url = who == "client" ? path : $"/clinician/clients/{jordan}{path}";

        var statements = await StatementsOfAsync(session, url);

        await AssertCheapAsync(statements);
        Assert.True(statements.Count <= 6, $"{statements.Count} statements:\n" + string.Join("\n", statements.Select(s => s.Sql[..Math.Min(150, s.Sql.Length)].ReplaceLineEndings(" "))));
    }
}
