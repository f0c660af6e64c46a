using System.Net;
using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.Clients;
using ClinicPortal.Testing;
using ClinicPortal.Web.Demo;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.IntegrationTests.Clients;

public sealed class ClientRecordTests(DemoClinicApp app) : IClassFixture<DemoClinicApp>
{
    private static IEnumerable<KeyValuePair<string, string>> Form(string name = "Harper Newcomer", string intake = "", string email = "harper@example.org",
        string tz = "America/Denver") =>
    [
        new("FullName", name), new("PreferredName", "Harp"), new("Pronouns", "she/her"), new("DateOfBirth", "1990-05-01"),
        new("Email", email), new("Phone", "+1 555 0101"), new("TimeZoneId", tz),
        new("IntakeDate", intake == "" ? DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd") : intake), new("PresentingConcern", "Leaving a controlling partner."),
    ];

    [Fact]
    public async Task A_clinician_creates_a_client_assigned_to_them_and_the_creation_is_audited()
    {
        var session = await Arrange.SignedInAsync(app, Arrange.MorganEmail);

        var response = await session.PostFormAsync("/clinician/clients/new", "/clinician/clients/new", Form());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = Guid.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
        await using var scope = app.SystemScope();
        var client = await app.SystemDb(scope).Clients.SingleAsync(c => c.Id == id);
        Assert.Equal(await Arrange.UserIdAsync(app, Arrange.MorganEmail), client.PrimaryClinicianId);
        Assert.Equal("Harper Newcomer", client.FullName);
        Assert.Equal(ClientStatus.Active, client.Status);
        Assert.Contains((AuditActions.Create, AuditRecords.Client, id.ToString(), client.PrimaryClinicianId), await Arrange.AuditAsync(app, id));

        var overview = await session.GetPageAsync(response.Headers.Location.OriginalString);
        Assert.Contains("Harp (Harper Newcomer)", overview);
        Assert.Contains(await Arrange.AuditAsync(app, id), a => a.Action == AuditActions.View);
    }

    [Theory]
    [InlineData("", "", "a@example.org", "America/Denver", "Name is required")]
    [InlineData("X", "2999-01-01", "a@example.org", "America/Denver", "Intake date cannot be in the future")]
    [InlineData("X", "", "not-an-email", "America/Denver", "Email is not a valid address")]
    [InlineData("X", "", "a@example.org", "Nowhere/Special", "Time zone is not a known time zone")]
    [InlineData("X", "not-a-date", "a@example.org", "America/Denver", "IntakeDate")]
    public async Task Bad_input_shows_a_message_and_saves_nothing(string name, string intake, string email, string tz, string message)
    {
        var session = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var before = await Arrange.FingerprintAsync(app);

        var response = await session.PostFormAsync("/clinician/clients/new", "/clinician/clients/new", Form(name, intake, email, tz));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await Arrange.FingerprintAsync(app));
    }

    [Fact]
    public async Task An_overlong_name_is_refused()
    {
        var session = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var before = await Arrange.FingerprintAsync(app);

        var response = await session.PostFormAsync("/clinician/clients/new", "/clinician/clients/new", Form(new string('n', 500)));

        Assert.Contains("at most 120 characters", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await Arrange.FingerprintAsync(app));
    }

    [Fact]
    public async Task A_discharged_client_is_read_only_until_readmitted()
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Dana Discharge");
        var session = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var overview = $"/clinician/clients/{client.Id}";

        await session.PostFormAsync(overview, $"{overview}/status", [new("status", "Discharged")]);
        var before = await Arrange.FingerprintAsync(app);
        var edit = await session.PostFormAsync($"{overview}/edit", $"{overview}/edit", Form("Dana Changed"));
        var note = await session.PostFormAsync(overview, $"{overview}/notes/new", [new("Format", "FreeText"), new("ServiceDate", DateTime.UtcNow.ToString("yyyy-MM-dd")), new("Body", "x")]);

        Assert.Contains("read-only", await edit.Content.ReadAsStringAsync());
        Assert.Contains("read-only", await note.Content.ReadAsStringAsync());
        Assert.Equal(before, await Arrange.FingerprintAsync(app));

        await session.PostFormAsync(overview, $"{overview}/status", [new("status", "Active")]);
        var saved = await session.PostFormAsync($"{overview}/edit", $"{overview}/edit", Form("Dana Changed"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }

    [Fact]
    public async Task The_caseload_lists_only_the_clinicians_own_clients()
    {
        var mine = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Mina Mine");
        var theirs = await Arrange.ClientAsync(app, Arrange.RileyEmail, "Theo Theirs");
        var session = await Arrange.SignedInAsync(app, Arrange.MorganEmail);

        var page = await session.GetPageAsync("/clinician");

        Assert.Contains("Mina Mine", page);
        Assert.Contains($"/clinician/clients/{mine.Id}", page);
        Assert.DoesNotContain("Theo Theirs", page);
        Assert.DoesNotContain(theirs.Id.ToString(), page);
    }

    [Fact]
    public async Task An_administrator_reassigns_a_client_and_the_new_clinician_sees_the_history()
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Rae Reassigned");
        var note = await Arrange.NoteAsync(app, client, signed: true);
        var admin = await Arrange.SignedInAsync(app, DemoLogins.AdminEmail);
        var riley = await Arrange.UserIdAsync(app, Arrange.RileyEmail);

        var page = await admin.GetPageAsync("/admin/clients");
        Assert.Contains("Rae Reassigned", page);
        Assert.DoesNotContain("Confidential concern text", await admin.GetPageAsync($"/admin/clients/{client.Id}/transfer"));
        Assert.DoesNotContain("Confidential concern text", page);
        var response = await admin.PostFormAsync("/admin/clients", $"/admin/clients/{client.Id}/assign", [new("clinicianId", riley.ToString()), new("reason", "Morgan's caseload is full")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(await Arrange.AuditAsync(app, client.Id), a => a.Action == AuditActions.Reassign);
        var rileySession = await Arrange.SignedInAsync(app, Arrange.RileyEmail);
        Assert.Equal(HttpStatusCode.OK, (await rileySession.Http.GetAsync($"/clinician/clients/{client.Id}/notes/{note.Id}")).StatusCode);
        var morgan = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await morgan.Http.GetAsync($"/clinician/clients/{client.Id}")).StatusCode);
    }
}
