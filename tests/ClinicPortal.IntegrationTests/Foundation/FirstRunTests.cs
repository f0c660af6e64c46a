using System.Net;
using System.Text.RegularExpressions;
using ClinicPortal.Testing;
using ClinicPortal.Web.Demo;

namespace ClinicPortal.IntegrationTests.Foundation;

public sealed class FirstRunTests
{
    [Fact]
    public async Task Bootstrap_administrator_comes_from_configuration()
    {
        await using var app = new ClinicAppFactory(demo: false, new Dictionary<string, string?>
        {
            ["ClinicPortal:BootstrapAdmin:Email"] = "first.admin@clinic.test",
            ["ClinicPortal:BootstrapAdmin:Password"] = "Bootstrap-Pass-2026!",
        });
        var session = new BrowserSession(app.CreateBrowserLikeClient());

        var response = await session.SignInAsync("first.admin@clinic.test", "Bootstrap-Pass-2026!");

        Assert.Equal("/admin", response.Headers.Location?.OriginalString);
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains("/account/setup"));
    }

    [Fact]
    public async Task Without_configuration_a_one_time_setup_link_creates_the_first_administrator()
    {
        await using var app = new ClinicAppFactory(demo: false);
        var session = new BrowserSession(app.CreateBrowserLikeClient());
        await session.Http.GetAsync("/account/sign-in"); // starts the host
        var line = app.Logs.Lines.Single(l => l.Contains("/account/setup?token="));
        var link = new Uri(Regex.Match(line, @"https?://\S+").Value).PathAndQuery;
        var token = Regex.Match(link, "token=([^&]+)").Groups[1].Value;

        var created = await session.PostFormAsync(link, "/account/setup", [
            new("Token", token), new("DisplayName", "Pat Setup"), new("Email", "pat@clinic.test"),
            new("Password", "Setup-Pass-2026!x"), new("ConfirmPassword", "Setup-Pass-2026!x")]);
        Assert.Equal("/admin", created.Headers.Location?.OriginalString);

        // Single use: the same link is dead now.
        var again = await new BrowserSession(app.CreateBrowserLikeClient()).Http.GetAsync(link);
        Assert.Contains("no longer valid", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Demo_accounts_do_not_exist_without_demo_mode()
    {
        await using var app = new ClinicAppFactory(demo: false);
        var session = new BrowserSession(app.CreateBrowserLikeClient());

        var response = await session.SignInAsync(DemoLogins.AdminEmail, DemoLogins.AdminPassword);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // the form again, with the error
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains(DemoLogins.AdminPassword));
    }
}
