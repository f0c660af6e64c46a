using System.Net;
using ClinicPortal.Core.SupportNetwork;
using ClinicPortal.IntegrationTests.BoundaryPlans;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.Testing;

namespace ClinicPortal.IntegrationTests.Safety;

/// <summary>A risk contact from the support network is never accepted as someone the client turns to in the safety plan.</summary>
public sealed class SafetyPlanRiskContactPageTests(DemoClinicApp app) : IClassFixture<DemoClinicApp>
{
    [Fact]
    public async Task Naming_a_risk_contact_as_a_helper_is_refused_and_nothing_is_saved_while_supportive_people_are_offered()
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Rio Riskfree");
        await BoundaryArrange.PersonAsync(app, client, "Dana", SupportRole.Risk);
        await BoundaryArrange.PersonAsync(app, client, "Lee", SupportRole.Supportive, crisis: true);
        var s = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var path = $"/clinician/clients/{client.Id}/safety/plan";
        var form = await s.GetPageAsync(path);
        Assert.Contains("Supportive in the network: Lee.", form);
        Assert.Contains("Never here (risk contacts): Dana.", form);
        var before = await Arrange.FingerprintAsync(app);

        var refused = await s.PostFormAsync(path, path, [new("PeopleToAskForHelp", "My cousin Lee, or Dana after work."), new("SharedWithClient", "true")]);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(WebUtility.HtmlEncode("\"Dana\" is a risk contact in the support network and cannot be named in \"4. People I can ask for help\""),
            await refused.Content.ReadAsStringAsync());
        Assert.Equal(before, await Arrange.FingerprintAsync(app));

        var saved = await s.PostFormAsync(path, path, [new("PeopleToAskForHelp", "My cousin Lee."), new("IfTheyMakeContact", "If Dana calls for him, hang up.")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }
}
