using System.Net;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.Testing;

namespace ClinicPortal.IntegrationTests.Foundation;

/// <summary>One setting, ClinicPortal:PublicBaseUrl, for every link in mail.</summary>
public sealed class PublicBaseUrlTests
{
    [Fact]
    public async Task Invitation_and_alert_links_use_the_configured_address_whatever_host_the_request_named()
    {
        await using var app = new ClinicAppFactory(demo: true, new Dictionary<string, string?> { ["ClinicPortal:PublicBaseUrl"] = "https://portal.example.test/" });
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Lin Links", "lin.links@example.org");
        var clinician = await Arrange.SignedInAsync(app, Arrange.MorganEmail);

        var overview = $"/clinician/clients/{client.Id}";
        Assert.Equal(HttpStatusCode.Redirect, (await clinician.PostFormAsync(overview, $"{overview}/invite", [])).StatusCode);

        var invitation = ReceivedMail.InFolder(app.MailDirectory, "*.eml").Last(m => m.To == "lin.links@example.org");
        Assert.Contains("https://portal.example.test/account/invitation?token=", invitation.Body);
        Assert.DoesNotContain("http://localhost", invitation.Body);
    }

    [Theory]
    [InlineData("ClinicPortal:Outbox:PublicBaseUrl", "https://portal.example.test", "is no longer read: set ClinicPortal:PublicBaseUrl")]
    [InlineData("ClinicPortal:PublicBaseUrl", "portal.example.test", "must be an absolute http(s) address")]
    public async Task A_former_or_malformed_setting_stops_the_start_up_with_the_reason(string key, string value, string reason)
    {
        await using var app = new ClinicAppFactory(demo: false, new Dictionary<string, string?> { [key] = value });
        var failure = Record.Exception(() => app.Services);
        Assert.NotNull(failure);
        Assert.Contains(reason, failure.ToString());
    }
}
