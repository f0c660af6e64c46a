using System.Text.RegularExpressions;
using ClinicPortal.EndToEndTests.Support;
using ClinicPortal.Testing;
using ClinicPortal.Web.Demo;
using ClinicPortal.Web.Features.Account;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClinicPortal.EndToEndTests.Administration;

/// <summary>
/// An administrator invites a clinician; the clinician accepts on their own device, sets up two-step sign-in
/// with an authenticator code computed here (RFC 6238, Testing/Totp.cs), signs out and signs in again with a code.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed partial class StaffOnboardingTests(PortalFixture portal) : PortalTest(portal)
{
    private const string Name = "Dr. Toni Onboard";
    private const string Password = "Onboard-Pass-2026!";

    [Fact]
    public async Task An_invited_clinician_sets_a_password_and_an_authenticator_then_signs_in_with_a_code()
    {
        var email = $"toni.{Guid.NewGuid():N}"[..18] + "@example.org";

        // 1. The administrator invites.
        await SignInAsync(DemoLogins.AdminEmail, DemoLogins.AdminPassword);
        await Expect(Page).ToHaveURLAsync(Url(RoleHomes.Admin));
        await Page.GetByTestId("nav").GetByRole(AriaRole.Link, new() { Name = "Staff", Exact = true }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(Url("/admin/staff"));
        await Page.GetByTestId("invite-staff").ClickAsync();
        await Page.GetByLabel("Name", new() { Exact = true }).FillAsync(Name);
        await Page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await Page.GetByLabel(new Regex("^Clinician")).CheckAsync();
        await Page.GetByTestId("send-invitation").ClickAsync();

        await Expect(Page).ToHaveURLAsync(Url("/admin/staff"));
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Invitation sent to {email}");
        var row = Page.Locator($"[data-testid=staff-row][data-email='{email}']");
        await Expect(row.GetByTestId("state")).ToContainTextAsync("Invited");
        await Expect(row.GetByTestId("last-sign-in")).ToHaveTextAsync("Never");
        await ScreenshotAsync("staff-invited");
        AssertNoBrowserProblems();

        var mail = await PortalMail.WaitForMessageToAsync(Portal.Server.MailDirectory, email);
        Assert.DoesNotContain(Name, mail.Text);
        var link = new Uri(StaffLink().Match(mail.Body).Value);
        Assert.Equal(Portal.BaseAddress.GetLeftPart(UriPartial.Authority), link.GetLeftPart(UriPartial.Authority));

        // 2. The clinician, on their own device, chooses a password ...
        var clinician = await NewPageInFreshContextAsync();
        await clinician.GotoAsync(link.ToString());
        await Expect(clinician.GetByRole(AriaRole.Heading, new() { Name = $"Welcome to ClinicPortal, {Name}" })).ToBeVisibleAsync();
        await clinician.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await clinician.GetByLabel("Type it again").FillAsync(Password);
        await clinician.GetByTestId("set-password").ClickAsync();

        // ... and sets up the authenticator: the QR code shows, and the key typed into "the app" gives the code.
        await Expect(clinician).ToHaveURLAsync(Url("/account/two-factor/setup"));
        var qr = clinician.GetByTestId("qr-code");
        await Expect(qr).ToBeVisibleAsync();
        Assert.True(await qr.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 100"), "The QR code image did not load");
        var shown = await qr.EvaluateAsync<double>("img => img.getBoundingClientRect().width");
        Assert.True(shown is >= 150 and <= 220, $"The QR code is shown {shown}px wide (site.css: 180px)");
        var key = (await clinician.GetByTestId("authenticator-key").TextContentAsync())!.Trim();
        await PortalPages.ScreenshotAsync(clinician, "two-factor-setup");
        await clinician.GetByLabel("Your current password").FillAsync(Password);
        await clinician.GetByLabel("Code", new() { Exact = true }).FillAsync(Totp.Now(key));
        await clinician.GetByTestId("verify").ClickAsync();

        await Expect(clinician.GetByTestId("two-factor-on")).ToBeVisibleAsync();
        await Expect(clinician.GetByTestId("recovery-codes").Locator("li")).ToHaveCountAsync(10);
        await clinician.GetByTestId("continue").ClickAsync();
        await Expect(clinician).ToHaveURLAsync(Url(RoleHomes.Clinician));
        await Expect(clinician.GetByTestId("user-name")).ToHaveTextAsync(Name);
        await Expect(clinician.GetByTestId("user-role")).ToHaveTextAsync("Clinician");

        // 3. Signs out, and back in: password, then a fresh code from the authenticator.
        await clinician.GetByTestId("sign-out").ClickAsync();
        await Expect(clinician).ToHaveURLAsync(Url(PortalPages.SignInPath));
        await PortalPages.SignInAsync(clinician, email, Password);
        await Expect(clinician).ToHaveURLAsync(Url("/account/sign-in/code"));
        await Expect(clinician.GetByTestId("user-name")).ToHaveCountAsync(0);
        await clinician.GetByLabel("Code", new() { Exact = true }).FillAsync("000000" == Totp.Now(key) ? "111111" : "000000");
        await clinician.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();
        await Expect(clinician.GetByTestId("errors")).ToContainTextAsync("That code is not right");
        await clinician.GetByLabel("Code", new() { Exact = true }).FillAsync(Totp.Now(key));
        await clinician.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();

        await Expect(clinician).ToHaveURLAsync(Url(RoleHomes.Clinician));
        await Expect(clinician.GetByTestId("home-title")).ToHaveTextAsync("Caseload");
        await Expect(clinician.GetByTestId("user-name")).ToHaveTextAsync(Name);
        await PortalPages.ScreenshotAsync(clinician, "clinician-signed-in-with-code");
        AssertNoBrowserProblems();

        // The administrator sees the account working, with two-step sign-in on and a last sign-in time.
        await Page.ReloadAsync();
        await Expect(row.GetByTestId("state")).ToContainTextAsync("Active");
        await Expect(row.GetByTestId("two-factor")).ToHaveTextAsync("On");
        await Expect(row.GetByTestId("last-sign-in")).Not.ToHaveTextAsync("Never");
        AssertNoBrowserProblems();
    }

    [Fact]
    public async Task The_administration_pages_render_cleanly_and_the_idle_warning_waits_hidden()
    {
        await SignInAsync(DemoLogins.AdminEmail, DemoLogins.AdminPassword);
        var nav = await Page.GetByTestId("nav").Locator("a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        foreach (var href in new[] { "/admin/staff", "/admin/settings", "/admin/audit", "/admin/clients" }) Assert.Contains(href, nav);

        await Page.GotoAsync("/admin/settings");
        await Expect(Page.GetByLabel("Time zone")).ToHaveValueAsync(new Regex("/|UTC"));
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Crisis resources" })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Stage models" })).ToBeVisibleAsync();
        await Page.GetByTestId("lead-times").FillAsync("15d");
        await Page.GetByTestId("save-settings").ClickAsync();
        await Expect(Page.GetByTestId("errors")).ToContainTextAsync("at most 14 days");
        await ScreenshotAsync("admin-settings-refused");

        await Page.GotoAsync("/admin/audit");
        await Expect(Page.GetByTestId("audit-row").First).ToBeVisibleAsync();
        await Page.GetByLabel("Action").SelectOptionAsync("sign-in");
        await Page.GetByTestId("apply-filters").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("action=sign-in"));
        await Expect(Page.GetByTestId("audit-row").First).ToContainTextAsync("sign-in");
        await ScreenshotAsync("admin-audit-log");

        await Page.GotoAsync("/admin/clients");
        await Page.GetByTestId("transfer").First.ClickAsync();
        await Page.GetByTestId("confirm-transfer").ClickAsync();
        await Expect(Page.GetByTestId("errors")).ToContainTextAsync("Reason for the transfer is required.");
        await ScreenshotAsync("admin-transfer-refused");

        // Every signed-in page carries the idle warning, hidden until shortly before the sign-out.
        await Expect(Page.GetByTestId("idle-warning")).ToBeHiddenAsync();
        Assert.InRange(int.Parse((await Page.GetByTestId("idle-warning").GetAttributeAsync("data-session-seconds"))!), 1100, 1200);
        AssertNoBrowserProblems();
    }

    [GeneratedRegex(@"https?://[^\s/]+/account/staff-invitation\?token=[A-Za-z0-9_\-]+")]
    private static partial Regex StaffLink();
}
