using System.Net;
using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.SupportNetwork;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.Testing;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.IntegrationTests.BoundaryPlans;

public sealed class SupportNetworkTests(DemoClinicApp app) : IClassFixture<DemoClinicApp>
{
    [Fact]
    public async Task A_risk_person_marked_as_crisis_contact_is_refused_with_a_clear_message_and_nothing_saved()
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail);
        var session = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var support = $"/clinician/clients/{client.Id}/support";
        var before = await Arrange.FingerprintAsync(app, includeAudit: true, exceptViews: true); // the pages shown are reads, audited

        var response = await session.PostFormAsync($"{support}/new", $"{support}/new", BoundaryArrange.PersonFields("Dana Relay", "Risk", crisis: true));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains(SupportPerson.RiskCrisisMessage, html);
        Assert.Contains("value=\"Dana Relay\"", html); // the form keeps what was typed
        Assert.Equal(before, await Arrange.FingerprintAsync(app, includeAudit: true, exceptViews: true));
        Assert.Equal(0, await BoundaryArrange.CountAsync<SupportPerson>(app, client.Id));
    }

    [Fact]
    public async Task Turning_a_crisis_contact_into_a_risk_contact_is_refused_until_crisis_is_unticked()
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail);
        var person = await BoundaryArrange.PersonAsync(app, client, "Sasha Turncoat", SupportRole.Supportive, crisis: true, shared: true);
        var session = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var edit = $"/clinician/clients/{client.Id}/support/{person.Id}/edit";
        var before = await Arrange.FingerprintAsync(app);

        var refused = await session.PostFormAsync(edit, edit, BoundaryArrange.PersonFields("Sasha Turncoat", "Risk", crisis: true));
        Assert.Contains("never be a crisis contact", await refused.Content.ReadAsStringAsync());
        Assert.Equal(before, await Arrange.FingerprintAsync(app));

        var accepted = await session.PostFormAsync(edit, edit, BoundaryArrange.PersonFields("Sasha Turncoat", "Risk"));
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        await using var scope = app.SystemScope();
        var saved = await app.SystemDb(scope).Set<SupportPerson>().AsNoTracking().SingleAsync(p => p.Id == person.Id);
        Assert.Equal(SupportRole.Risk, saved.Role);
        Assert.False(saved.IsCrisisContact);
        Assert.False(saved.SharedWithClient);
        var audit = await Arrange.AuditAsync(app, client.Id);
        Assert.Contains(audit, a => a is { Action: AuditActions.Update, RecordType: AuditRecords.SupportPerson } && a.RecordId == person.Id.ToString());
        Assert.Contains(audit, a => a is { Action: AuditActions.View, RecordType: AuditRecords.SupportPerson } && a.RecordId == person.Id.ToString());
    }

    [Fact]
    public async Task The_database_refuses_a_risk_crisis_contact_too()
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail);
        var person = await BoundaryArrange.PersonAsync(app, client, "Kim", SupportRole.Risk);
        await using var scope = app.SystemScope();

        var e = await Assert.ThrowsAnyAsync<Exception>(() => app.SystemDb(scope).Database
            .ExecuteSqlInterpolatedAsync($"UPDATE support_people SET is_crisis_contact = true WHERE id = {person.Id}"));

        Assert.Contains("ck_support_people_risk_is_never_crisis", e.Message);
    }

    [Fact]
    public async Task Other_bad_input_is_refused_and_nothing_saved()
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail);
        var session = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var support = $"/clinician/clients/{client.Id}/support";
        var before = await Arrange.FingerprintAsync(app);

        var cases = new (string Message, List<KeyValuePair<string, string>> Fields)[]
        {
            ("Name is required.", BoundaryArrange.PersonFields("", "Supportive")),
            ("Only supportive contacts can be crisis contacts.", BoundaryArrange.PersonFields("Neutral Ned", "MutualNeutral", crisis: true)),
            ("A crisis contact needs a phone number.", BoundaryArrange.PersonFields("No Phone", "Supportive", crisis: true, phone: "")),
            ("A risk contact is never shown to the client", BoundaryArrange.PersonFields("Risky", "Risk", shared: true)),
            ("Choose a type.", BoundaryArrange.PersonFields("Typeless", "Supportive", type: "")),
        };
        foreach (var (message, fields) in cases)
        {
            var response = await session.PostFormAsync($"{support}/new", $"{support}/new", fields);
            Assert.Contains(message, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        }
        Assert.Equal(before, await Arrange.FingerprintAsync(app));
    }

    [Fact]
    public async Task A_person_links_only_to_a_boundary_of_the_same_client()
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail);
        var other = await Arrange.ClientAsync(app, Arrange.MorganEmail);
        var own = await BoundaryArrange.BoundaryAsync(app, client, BoundaryArrange.Plan("Own boundary"));
        var foreign = await BoundaryArrange.BoundaryAsync(app, other, BoundaryArrange.Plan("Other client's boundary"));
        var session = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var support = $"/clinician/clients/{client.Id}/support";
        var before = await Arrange.FingerprintAsync(app);

        var tampered = await session.PostFormAsync($"{support}/new", $"{support}/new", BoundaryArrange.PersonFields("Linked", "Risk", boundaryId: foreign.Id));
        Assert.Equal(HttpStatusCode.NotFound, tampered.StatusCode);
        Assert.Equal(before, await Arrange.FingerprintAsync(app));
        Assert.DoesNotContain("Other client's boundary", await session.GetPageAsync($"{support}/new"));

        var linked = await session.PostFormAsync($"{support}/new", $"{support}/new", BoundaryArrange.PersonFields("Linked Lee", "Risk", boundaryId: own.Id));
        Assert.Equal(HttpStatusCode.Redirect, linked.StatusCode);
        Assert.Contains("Linked Lee", await session.GetPageAsync($"/clinician/clients/{client.Id}/boundaries/{own.Id}"));
        Assert.Contains("Own boundary", await session.GetPageAsync(support));
    }
}
