using System.Text.RegularExpressions;
using ClinicPortal.EndToEndTests.Support;
using ClinicPortal.Web.Demo;
using ClinicPortal.Web.Features.Account;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClinicPortal.EndToEndTests.Foundation;

[Collection(PortalCollection.Name)]
public sealed class SignInFlowTests(PortalFixture portal) : PortalTest(portal)
{
    private const string AuthCookie = "clinicportal.auth";
    private static readonly string[] AllHomes = [RoleHomes.Admin, RoleHomes.Clinician, RoleHomes.Client];

    [Theory]
    [InlineData(DemoLogins.AdminEmail, DemoLogins.AdminPassword, RoleHomes.Admin, "Administration", "Ada Administrator", "Admin")]
    [InlineData(DemoLogins.MorganEmail, DemoLogins.ClinicianPassword, RoleHomes.Clinician, "Caseload", "Dr. Morgan Example", "Clinician")]
    [InlineData(DemoLogins.JordanEmail, DemoLogins.ClientPassword, RoleHomes.Client, "My space", "Jordy", "Client")]
    public async Task Each_role_signs_in_to_its_own_home_and_signs_out(string email, string password, string home, string title, string name, string role)
    {
        await Page.GotoAsync("/");
        await Expect(Page).ToHaveURLAsync(Url(PortalPages.SignInPath));
        await Expect(Page.GetByTestId("user-name")).ToHaveCountAsync(0);
        await Expect(Page.GetByTestId("errors")).ToBeHiddenAsync();
        await ScreenshotAsync("sign-in-page");

        await SignInAsync(email, password);

        await Expect(Page).ToHaveURLAsync(Url(home));
        await Expect(Page).ToHaveTitleAsync($"{title} · ClinicPortal");
        await Expect(Page.GetByTestId("home-title")).ToHaveTextAsync(title);
        await Expect(Page.GetByTestId("user-name")).ToHaveTextAsync(name);
        await Expect(Page.GetByTestId("user-role")).ToHaveTextAsync(role);
        Assert.Contains(await Context.CookiesAsync(), c => c.Name == AuthCookie && c.HttpOnly);

        var links = await Page.GetByTestId("nav").Locator("a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.Contains(home, links);
        Assert.All(links, href => Assert.True(IsUnder(href, home), $"{role} navigation links to {href}"));
        foreach (var other in AllHomes.Where(h => h != home))
            Assert.DoesNotContain(links, href => IsUnder(href, other));

        await ScreenshotAsync($"sign-in-{role.ToLowerInvariant()}-home");
        AssertNoBrowserProblems();

        await Page.GetByTestId("sign-out").ClickAsync();

        await Expect(Page).ToHaveURLAsync(Url(PortalPages.SignInPath));
        await Expect(Page.GetByLabel("Email")).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("user-name")).ToHaveCountAsync(0);
        Assert.DoesNotContain(await Context.CookiesAsync(), c => c.Name == AuthCookie);
        await Page.GotoAsync("/");
        await Expect(Page).ToHaveURLAsync(Url(PortalPages.SignInPath));
        await Page.GotoAsync(home);
        await Expect(Page).ToHaveURLAsync(new Regex($"{Regex.Escape(PortalPages.SignInPath)}\\?ReturnUrl={Regex.Escape(Uri.EscapeDataString(home))}$"));
        AssertNoBrowserProblems();
    }

    [Fact]
    public async Task A_wrong_password_shows_the_error_on_the_sign_in_page()
    {
        const string email = DemoLogins.RileyEmail;
        await Page.GotoAsync("/");

        await SignInAsync(email, "Not-the-password-1!");

        await Expect(Page).ToHaveURLAsync(Url(PortalPages.SignInPath));
        await Expect(Page.GetByTestId("errors")).ToContainTextAsync(AccountController.WrongCredentials);
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync(AccountController.WrongCredentials);
        await Expect(Page.GetByLabel("Email")).ToHaveValueAsync(email);
        await Expect(Page.GetByLabel("Password")).ToHaveValueAsync(""); // never echoed back into the page
        await Expect(Page.GetByTestId("user-name")).ToHaveCountAsync(0);
        await ScreenshotAsync("sign-in-wrong-password");

        await Page.GotoAsync(RoleHomes.Clinician);
        await Expect(Page).ToHaveURLAsync(new Regex($"{Regex.Escape(PortalPages.SignInPath)}\\?ReturnUrl="));
        AssertNoBrowserProblems();
    }

    private static bool IsUnder(string href, string home) => href == home || href.StartsWith(home + "/", StringComparison.Ordinal);
}
