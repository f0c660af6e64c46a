using System.Net;
using ClinicPortal.Core.Auditing;
using ClinicPortal.IntegrationTests.ClientCheckIns;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.Testing;
using ClinicPortal.Web.Demo;
using ClinicPortal.Web.Features.AccountSecurity;

namespace ClinicPortal.IntegrationTests.Accounts;

public sealed class PasswordChangeTests(AccountsApp app) : IClassFixture<AccountsApp>
{
    private static List<KeyValuePair<string, string>> Form(string current, string next, string? confirm = null) =>
        [new("CurrentPassword", current), new("Password", next), new("ConfirmPassword", confirm ?? next)];

    [Fact]
    public async Task Changing_a_password_needs_the_current_one_ends_every_other_session_and_keeps_this_one()
    {
        var login = await AccountArrange.ClientAsync(app);
        var phone = await CheckInArrange.SignedInAsync(app, login);
        var laptop = await CheckInArrange.SignedInAsync(app, login);
        var before = await AccountArrange.UserAsync(app, login.UserId);

        var wrong = await phone.PostFormAsync("/account/password", "/account/password", Form("Not-my-password-1!", AccountArrange.NewPassword));
        var weak = await phone.PostFormAsync("/account/password", "/account/password", Form(login.Password, "short"));
        var mismatch = await phone.PostFormAsync("/account/password", "/account/password", Form(login.Password, AccountArrange.NewPassword, "Other-Pass-2026!!"));

        Assert.Contains(WebUtility.HtmlEncode(AccountSecurityController.WrongCurrentPassword), await wrong.Content.ReadAsStringAsync());
        Assert.Contains("at least 12 characters", await weak.Content.ReadAsStringAsync());
        Assert.Contains("do not match", await mismatch.Content.ReadAsStringAsync());
        var unchanged = await AccountArrange.UserAsync(app, login.UserId);
        Assert.Equal((before.PasswordHash, before.SecurityStamp), (unchanged.PasswordHash, unchanged.SecurityStamp));
        Assert.True(await AccountArrange.IsSignedInAsync(laptop));

        var changed = await phone.PostFormAsync("/account/password", "/account/password", Form(login.Password, AccountArrange.NewPassword));

        Assert.Equal("/account/security", changed.Headers.Location?.OriginalString);
        Assert.True(await AccountArrange.IsSignedInAsync(phone));
        Assert.False(await AccountArrange.IsSignedInAsync(laptop));
        Assert.Equal(HttpStatusCode.OK, (await new BrowserSession(app.CreateBrowserLikeClient()).SignInAsync(login.Email, login.Password)).StatusCode);
        Assert.Equal("/client", (await new BrowserSession(app.CreateBrowserLikeClient()).SignInAsync(login.Email, AccountArrange.NewPassword)).Headers.Location?.OriginalString);
        Assert.Contains(AuditActions.ChangePassword, await AccountArrange.AccountAuditAsync(app, login.UserId));
    }

    [Fact]
    public async Task Staff_change_their_password_the_same_way()
    {
        var riley = await Arrange.SignedInAsync(app, Arrange.RileyEmail);
        var other = await Arrange.SignedInAsync(app, Arrange.RileyEmail);

        var changed = await riley.PostFormAsync("/account/password", "/account/password", Form(DemoLogins.ClinicianPassword, AccountArrange.NewPassword));

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.True(await AccountArrange.IsSignedInAsync(riley, "/clinician"));
        Assert.False(await AccountArrange.IsSignedInAsync(other, "/clinician"));
        Assert.Equal("/clinician", (await new BrowserSession(app.CreateBrowserLikeClient()).SignInAsync(Arrange.RileyEmail, AccountArrange.NewPassword)).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Recent_sign_ins_show_browser_device_and_a_masked_address_and_only_ones_own()
    {
        var login = await AccountArrange.ClientAsync(app);
        var phone = new BrowserSession(app.CreateBrowserLikeClient());
        phone.Http.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1");
        Assert.Equal(HttpStatusCode.Redirect, (await phone.SignInAsync(login.Email, login.Password)).StatusCode);
        var other = await AccountArrange.ClientAsync(app, "Bo Other");
        var otherBrowser = new BrowserSession(app.CreateBrowserLikeClient());
        otherBrowser.Http.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0");
        await otherBrowser.SignInAsync(other.Email, other.Password);

        var page = await phone.GetPageAsync("/account/security");

        Assert.Single(System.Text.RegularExpressions.Regex.Matches(page, "data-testid=\"sign-in-row\""));
        Assert.Contains("<td>Safari</td>", page);
        Assert.Contains("<td>Phone</td>", page);
        Assert.DoesNotContain("Firefox", page);
        Assert.DoesNotContain("iPhone OS", page); // never the raw user agent
        Assert.Contains("action=\"/account/sign-out-everywhere\"", page);
        Assert.Contains("Was this you?", page);
    }

    [Fact]
    public async Task Signing_out_everywhere_works_for_staff_and_is_audited()
    {
        var admin = await Arrange.SignedInAsync(app, DemoLogins.AdminEmail);
        var otherDesk = await Arrange.SignedInAsync(app, DemoLogins.AdminEmail);

        var done = await admin.PostFormAsync("/account/security", "/account/sign-out-everywhere", []);

        Assert.Equal("/account/sign-in", done.Headers.Location?.OriginalString);
        Assert.False(await AccountArrange.IsSignedInAsync(admin, "/admin"));
        Assert.False(await AccountArrange.IsSignedInAsync(otherDesk, "/admin"));
        var adminId = await Arrange.UserIdAsync(app, DemoLogins.AdminEmail);
        Assert.Contains(AuditActions.SignOutEverywhere, await AccountArrange.AccountAuditAsync(app, adminId));
    }
}
