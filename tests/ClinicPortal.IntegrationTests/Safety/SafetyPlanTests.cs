using System.Net;
using ClinicPortal.Core.Auditing;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.Testing;
using ClinicPortal.Web.Demo;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.IntegrationTests.Safety;

public sealed class SafetyPlanTests(DemoClinicApp app) : IClassFixture<DemoClinicApp>
{
    private const string Avery = DemoLogins.AveryEmail;
    private const string Quinn = DemoLogins.QuinnEmail;

    private async Task<Guid> ClientIdAsync(string email)
    {
        var userId = await Arrange.UserIdAsync(app, email);
        await using var scope = app.SystemScope();
        return await app.SystemDb(scope).Clients.Where(c => c.UserId == userId).Select(c => c.Id).SingleAsync();
    }

    private static List<KeyValuePair<string, string>> Plan(bool shared) =>
    [
        new("WarningSigns", "Checking their profile after midnight."),
        new("OnMyOwn", "Walk the dog round the park."),
        new("PeopleToAskForHelp", "My neighbour Jo."),
        new("IfTheyMakeContact", "Do not reply; screenshot; tell Jo."),
        .. shared ? [new KeyValuePair<string, string>("SharedWithClient", "true")] : Array.Empty<KeyValuePair<string, string>>(),
    ];

    [Fact]
    public async Task A_plan_the_clinician_shares_opens_in_one_tap_from_the_clients_home_and_only_for_that_client()
    {
        var averyId = await ClientIdAsync(Avery);
        var clinician = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var planPath = $"/clinician/clients/{averyId}/safety/plan";
        var client = await Arrange.SignedInAsync(app, Avery);

        // Saved but not shared: the client sees neither the link nor the content.
        Assert.Equal(HttpStatusCode.Redirect, (await clinician.PostFormAsync(planPath, planPath, Plan(shared: false))).StatusCode);
        Assert.DoesNotContain("data-testid=\"open-safety-plan\"", await client.GetPageAsync("/client"));
        var hidden = await client.GetPageAsync("/client/safety-plan");
        Assert.Contains("data-testid=\"no-plan\"", hidden);
        Assert.DoesNotContain("Walk the dog", hidden);

        // Shared: one tap from home (the link sits in the crisis strip on every client page), printable.
        Assert.Equal(HttpStatusCode.Redirect, (await clinician.PostFormAsync(planPath, planPath, Plan(shared: true))).StatusCode);
        var home = await client.GetPageAsync("/client");
        Assert.Contains("href=\"/client/safety-plan\"", home);
        var plan = await client.GetPageAsync("/client/safety-plan");
        Assert.Contains("Walk the dog round the park.", plan);
        Assert.Contains("If they contact me or show up", plan);
        Assert.Contains("data-print", plan);
        Assert.Contains("/js/safety.js", plan);
        Assert.DoesNotContain("<script>", plan);

        var averyUser = await Arrange.UserIdAsync(app, Avery);
        var audit = (await Arrange.AuditAsync(app, averyId)).Where(a => a.RecordType == AuditRecords.SafetyPlan).ToList();
        Assert.Contains(audit, a => a.Action == AuditActions.Create);
        Assert.Contains(audit, a => a.Action == AuditActions.Update);
        Assert.Contains(audit, a => a.Action == AuditActions.View && a.UserId == averyUser);

        // Another client never sees it.
        var other = await Arrange.SignedInAsync(app, Quinn);
        var theirs = await other.GetPageAsync("/client/safety-plan");
        Assert.Contains("data-testid=\"no-plan\"", theirs);
        Assert.DoesNotContain("Walk the dog", theirs);
    }

    [Fact]
    public async Task An_empty_plan_is_refused_and_nothing_is_saved()
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail);
        var session = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var planPath = $"/clinician/clients/{client.Id}/safety/plan";
        var before = await Arrange.FingerprintAsync(app);

        var empty = await session.PostFormAsync(planPath, planPath, [new("WarningSigns", "   "), new("SharedWithClient", "true")]);
        var huge = await session.PostFormAsync(planPath, planPath, [new("OnMyOwn", new string('x', 4001))]);

        Assert.Contains("Fill in at least one step", await empty.Content.ReadAsStringAsync());
        Assert.Contains("Things I can do on my own must be at most 4000 characters.", await huge.Content.ReadAsStringAsync());
        Assert.Equal(before, await Arrange.FingerprintAsync(app));
    }

    [Fact]
    public async Task The_demo_clinic_has_shared_plans_for_jordan_and_sky()
    {
        var jordan = await Arrange.SignedInAsync(app, DemoLogins.JordanEmail);
        var sky = await Arrange.SignedInAsync(app, DemoLogins.SkyEmail);
        Assert.Contains("Door chain on", await jordan.GetPageAsync("/client/safety-plan"));
        Assert.Contains("Medication kept by my sister", await sky.GetPageAsync("/client/safety-plan"));
    }
}
