using ClinicPortal.EndToEndTests.Support;
using ClinicPortal.Web.Demo;
using ClinicPortal.Core.Accounts;
using ClinicPortal.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace ClinicPortal.EndToEndTests.Accessibility;

/// <summary>
/// axe-core on every page of the app (<see cref="PageCrawl"/>, read from the app's own routes), as nobody and as each demo
/// role, in one browser context per visitor: any serious or critical problem fails, named with its page and rule.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class EveryPageAxeTests(PortalFixture portal, ITestOutputHelper output) : PortalTest(portal)
{
    public static TheoryData<Visitor> Visitors => new(Enum.GetValues<Visitor>());

    [Fact]
    public void The_crawl_gives_every_page_to_the_visitors_who_may_open_it()
    {
        var routes = PageCrawl.Routes(Portal.Server.Services).ToDictionary(r => PageCrawl.Shape(r.Template), r => r.Visitors);

        Assert.All(PageCrawl.NotPages.Keys, notPage => Assert.True(routes.ContainsKey(notPage), $"PageCrawl.NotPages names {notPage}, which is no GET route"));
        Assert.Equal([Visitor.Administrator], routes["admin/audit"]);
        Assert.Equal([Visitor.Clinician], routes["clinician/clients/{}/notes/{}"]);
        Assert.Equal([Visitor.Client, Visitor.DiscreetClient], routes["client/check-ins/{}"]);
        Assert.Equal([Visitor.Administrator, Visitor.Clinician, Visitor.Client, Visitor.DiscreetClient], routes["account/security"]);
        Assert.Equal([Visitor.SignedOut], routes["account/sign-in"]);
        Assert.Equal([Visitor.SignedOut, Visitor.Client, Visitor.DiscreetClient], routes["client/unsafe"]);
        Assert.True(routes.Count >= 60, $"Only {routes.Count} GET routes found");
    }

    [Theory]
    [MemberData(nameof(Visitors))]
    public async Task Every_page_is_free_of_serious_accessibility_problems(Visitor visitor)
    {
        var pages = await PageCrawl.PagesAsync(Portal.Server, visitor);
        Assert.True(pages.Count >= 5, $"Only {pages.Count} pages to crawl as {visitor}");
        // axe-core is injected as a script, which the app's CSP would refuse. Clients and visitors are mostly on phones.
        var page = await NewPageInFreshContextAsync(o =>
        {
            if (visitor is Visitor.Client or Visitor.DiscreetClient or Visitor.SignedOut) Phone(o);
            o.BypassCSP = true;
        });
        if (visitor == Visitor.DiscreetClient) await TurnOnDiscreetModeAsync(DemoLogins.CaseyEmail);
        if (PageCrawl.SignInOf(visitor) is var (email, password))
        {
            await PortalPages.SignInAsync(page, email, password);
            Assert.DoesNotContain(PortalPages.SignInPath, page.Url);
            Assert.Equal(visitor == Visitor.DiscreetClient ? 1 : 0, await page.Locator("body.discreet").CountAsync());
        }

        var twoStepEmail = visitor == Visitor.SignedOut ? await TwoStepClinicianAsync() : null;

        var problems = new List<string>();
        foreach (var crawl in pages)
        {
            // The second step of a two-step sign-in shows only after the password: give it one.
            if (crawl.Template is "account/sign-in/code" or "account/sign-in/recovery") await PortalPages.SignInAsync(page, twoStepEmail!, TwoStepPassword);
            var response = await page.GotoAsync(crawl.Path);
            var landed = new Uri(page.Url).AbsolutePath;
            if (landed != crawl.Path)
                problems.Add($"{crawl.Path}: landed on {landed} instead");
            else if (response?.Status != crawl.Status)
                problems.Add($"{crawl.Path}: HTTP {response?.Status} (expected {crawl.Status})");
            output.WriteLine($"{visitor} {crawl.Path} -> {landed}");
            // In discreet mode the crisis numbers are folded behind "Help": open it so they are checked too.
            if (await page.GetByTestId("help-toggle").CountAsync() > 0) await page.GetByTestId("help-toggle").ClickAsync();
            problems.AddRange((await Axe.SeriousViolationsAsync(page)).Select(v => $"{crawl.Path} ({landed}): {v}"));
        }

        Assert.True(problems.Count == 0,
            $"axe-core found {problems.Count} serious or critical problems on {pages.Count} pages as {visitor}:\n" + string.Join("\n", problems));
    }

    private const string TwoStepPassword = "Two-Step-Crawl-2026!";

    /// <summary>A clinician with an authenticator turned on, so signing in asks for a code.</summary>
    private async Task<string> TwoStepClinicianAsync()
    {
        var email = NewClient.UniqueEmail();
        await using var scope = Portal.Server.SystemScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Two Step", CreatedAt = DateTimeOffset.UtcNow };
        Assert.True((await users.CreateAsync(user, TwoStepPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Clinician)).Succeeded);
        Assert.True((await users.ResetAuthenticatorKeyAsync(user)).Succeeded);
        Assert.True((await users.SetTwoFactorEnabledAsync(user, true)).Succeeded);
        return email;
    }

    /// <summary>Discreet mode is a claim made at sign-in, so it is set on the account before signing in.</summary>
    private async Task TurnOnDiscreetModeAsync(string email)
    {
        await using var scope = Portal.Server.SystemScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No demo account {email}");
        user.DiscreetMode = true;
        Assert.True((await users.UpdateAsync(user)).Succeeded);
    }
}
