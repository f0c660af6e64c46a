using System.Net;
using ClinicPortal.Core.SupportNetwork;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.Testing;

namespace ClinicPortal.IntegrationTests.BoundaryPlans;

/// <summary>The matrix walks every route with stand-in ids; this walks them with real boundary and person ids.</summary>
public sealed class BoundaryAccessTests(DemoClinicApp app) : IClassFixture<DemoClinicApp>
{
    private static IEnumerable<(string Method, string Path)> Routes(Guid client, Guid boundary, Guid person) =>
    [
        ("GET", $"/clinician/clients/{client}/boundaries/{boundary}"),
        ("GET", $"/clinician/clients/{client}/boundaries/{boundary}/edit"),
        ("POST", $"/clinician/clients/{client}/boundaries/{boundary}/edit"),
        ("GET", $"/clinician/clients/{client}/boundaries/{boundary}/history"),
        ("GET", $"/clinician/clients/{client}/boundaries/{boundary}/compare?from=1&to=1"),
        ("GET", $"/clinician/clients/{client}/support/{person}/edit"),
        ("POST", $"/clinician/clients/{client}/support/{person}/edit"),
    ];

    [Fact]
    public async Task Another_clinicians_boundary_and_person_ids_are_not_found_under_any_client()
    {
        var theirs = await Arrange.ClientAsync(app, Arrange.RileyEmail, "Riley's Client");
        var boundary = await BoundaryArrange.BoundaryAsync(app, theirs, BoundaryArrange.Plan("Riley's client's ex"));
        var person = await BoundaryArrange.PersonAsync(app, theirs, "Riley's client's friend", SupportRole.Supportive);
        var mine = await Arrange.ClientAsync(app, Arrange.MorganEmail);
        var session = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var token = await session.TokenFromAsync("/clinician");
        var before = await Arrange.FingerprintAsync(app, includeAudit: true);

        foreach (var clientId in new[] { theirs.Id, mine.Id })
            foreach (var (method, path) in Routes(clientId, boundary.Id, person.Id))
            {
                var form = BoundaryArrange.Fields(BoundaryArrange.Plan("INJECTED")).Concat(BoundaryArrange.PersonFields("INJECTED", "Supportive"))
                    .Where(f => f.Key != "Relationship" || f.Value != "friend")
                    .Append(new("__RequestVerificationToken", token));
                var response = method == "GET" ? await session.Http.GetAsync(path) : await session.Http.PostAsync(path, new FormUrlEncodedContent(form));
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {path} gave {response.StatusCode}");
                Assert.DoesNotContain("Riley's client", await response.Content.ReadAsStringAsync());
            }

        Assert.Equal(before, await Arrange.FingerprintAsync(app, includeAudit: true));
    }
}
