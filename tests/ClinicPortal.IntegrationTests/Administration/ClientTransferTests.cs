using System.Net;
using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.Clients;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.Testing;
using ClinicPortal.Web.Demo;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.IntegrationTests.Administration;

public sealed class ClientTransferTests(DemoClinicApp app) : IClassFixture<DemoClinicApp>
{
    private static IEnumerable<KeyValuePair<string, string>> Transfer(Guid to, string reason) => [new("clinicianId", to.ToString()), new("reason", reason)];

    [Fact]
    public async Task A_transfer_with_a_reason_moves_the_whole_record_and_the_new_clinician_sees_earlier_notes_and_why()
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Tess Transfer");
        var signed = await Arrange.NoteAsync(app, client, signed: true, subjective: "Morgan's signed words");
        var draft = await Arrange.NoteAsync(app, client, signed: false, subjective: "Morgan's draft words");
        var riley = await Arrange.UserIdAsync(app, Arrange.RileyEmail);
        var admin = await AdminArrange.AdminAsync(app);

        var response = await admin.PostFormAsync($"/admin/clients/{client.Id}/transfer", $"/admin/clients/{client.Id}/assign",
            Transfer(riley, "Morgan is on leave from June"));

        Assert.Equal("/admin/clients", response.Headers.Location?.OriginalString);
        var audit = await Arrange.AuditAsync(app, client.Id);
        Assert.Contains(audit, a => a.Action == AuditActions.Reassign && a.RecordType == AuditRecords.ClientTransfer);

        var rileySession = await Arrange.SignedInAsync(app, Arrange.RileyEmail);
        var overview = await rileySession.GetPageAsync($"/clinician/clients/{client.Id}");
        Assert.Contains("data-testid=\"care-team-history\"", overview);
        Assert.Contains("Morgan is on leave from June", overview);
        Assert.Contains("Dr. Morgan Example", overview);
        Assert.Contains("Morgan&#x27;s signed words", await rileySession.GetPageAsync($"/clinician/clients/{client.Id}/notes/{signed.Id}"));
        Assert.Equal(HttpStatusCode.OK, (await rileySession.Http.GetAsync($"/clinician/clients/{client.Id}/notes/{draft.Id}")).StatusCode);
        Assert.Contains(client.Id.ToString(), await rileySession.GetPageAsync("/clinician"));

        var morgan = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await morgan.Http.GetAsync($"/clinician/clients/{client.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await morgan.Http.GetAsync($"/clinician/clients/{client.Id}/notes/{signed.Id}")).StatusCode);

        // Administrators see who and when, not the reason.
        var transferPage = await admin.GetPageAsync($"/admin/clients/{client.Id}/transfer");
        Assert.Contains("from Dr. Morgan Example to Riley Sample, LCSW", WebUtility.HtmlDecode(transferPage));
        Assert.DoesNotContain("Morgan is on leave", transferPage);
        Assert.DoesNotContain("Confidential concern", transferPage);
    }

    [Fact]
    public async Task The_demo_clinic_has_one_past_transfer_that_Riley_sees()
    {
        var casey = await Arrange.UserIdAsync(app, DemoLogins.CaseyEmail);
        Guid clientId;
        await using (var scope = app.SystemScope())
            clientId = await app.SystemDb(scope).Clients.Where(c => c.UserId == casey).Select(c => c.Id).SingleAsync();

        var riley = await Arrange.SignedInAsync(app, Arrange.RileyEmail);
        var overview = await riley.GetPageAsync($"/clinician/clients/{clientId}");

        Assert.Contains("data-testid=\"care-team-history\"", overview);
        Assert.Contains("evening appointments", overview);
        Assert.Equal(1, await AdminArrange.CountAsync(app, $"SELECT count(*) FROM client_transfers WHERE client_id = '{clientId}'"));
    }

    [Theory]
    [InlineData("", "Reason for the transfer is required.")]
    [InlineData("   ", "Reason for the transfer is required.")]
    public async Task A_transfer_without_a_reason_is_refused_and_nothing_changes(string reason, string message)
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Nora Noreason");
        var riley = await Arrange.UserIdAsync(app, Arrange.RileyEmail);
        var admin = await AdminArrange.AdminAsync(app);
        var before = await Arrange.FingerprintAsync(app, includeAudit: true);

        var response = await admin.PostFormAsync($"/admin/clients/{client.Id}/transfer", $"/admin/clients/{client.Id}/assign", Transfer(riley, reason));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Equal(before, await Arrange.FingerprintAsync(app, includeAudit: true));
        Assert.Equal(0, await AdminArrange.CountAsync(app, $"SELECT count(*) FROM client_transfers WHERE client_id = '{client.Id}'"));
    }

    [Fact]
    public async Task Bad_transfers_are_refused_with_a_message()
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Bea Badtransfer");
        var morgan = await Arrange.UserIdAsync(app, Arrange.MorganEmail);
        var riley = await Arrange.UserIdAsync(app, Arrange.RileyEmail);
        var admin = await AdminArrange.AdminAsync(app);
        var adminId = await Arrange.UserIdAsync(app, AdminArrange.AdminEmail);
        var before = await Arrange.FingerprintAsync(app, includeAudit: true);
        var path = $"/admin/clients/{client.Id}/assign";

        async Task<string> Post(IEnumerable<KeyValuePair<string, string>> fields) =>
            WebUtility.HtmlDecode(await (await admin.PostFormAsync($"/admin/clients/{client.Id}/transfer", path, fields)).Content.ReadAsStringAsync());

        Assert.Contains("already assigned to this clinician", await Post(Transfer(morgan, "Why not")));
        Assert.Contains("Choose an active clinician.", await Post(Transfer(adminId, "To the administrator")));
        Assert.Contains("Choose an active clinician.", await Post(Transfer(Guid.NewGuid(), "To nobody")));
        Assert.Contains("Choose an active clinician.", await Post([new("reason", "No clinician")]));
        Assert.Contains($"at most {ClientTransfer.ReasonMax} characters", await Post(Transfer(riley, new string('x', ClientTransfer.ReasonMax + 1))));
        Assert.Equal(before, await Arrange.FingerprintAsync(app, includeAudit: true));

        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostFormAsync("/admin/clients", $"/admin/clients/{Guid.NewGuid()}/assign", Transfer(riley, "x"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Http.GetAsync($"/admin/clients/{Guid.NewGuid()}/transfer")).StatusCode);
    }
}
