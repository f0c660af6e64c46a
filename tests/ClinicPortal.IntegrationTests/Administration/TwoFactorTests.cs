using System.Net;
using ClinicPortal.Core.Accounts;
using ClinicPortal.Core.Auditing;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.Testing;
using ClinicPortal.Web.Demo;
using ClinicPortal.Web.Features.TwoFactor;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.IntegrationTests.Administration;

/// <summary>Two-step sign-in with ClinicPortal:RequireStaffTwoFactor on (as in production).</summary>
public sealed class TwoFactorTests(TwoFactorApp app) : IClassFixture<TwoFactorApp>
{
    /// <summary>A clinician with a password and no authenticator, signed in (so far only the set-up page is open to them).</summary>
    private async Task<(string Email, BrowserSession Session)> NewStaffAsync(string email, string role = Roles.Clinician)
    {
        await AdminArrange.CreateStaffAsync(app, email, role);
        return (email, await Arrange.SignedInAsync(app, email, AdminArrange.NewPassword));
    }

    [Fact]
    public async Task Staff_without_an_authenticator_reach_only_the_set_up_page_after_their_password()
    {
        var morgan = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Gail Gated");
        var before = await Arrange.FingerprintAsync(app);

        foreach (var page in new[] { "/clinician", $"/clinician/clients/{client.Id}", "/clinician/calendar", "/" })
        {
            var response = await morgan.Http.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/account/two-factor/setup", response.Headers.Location!.OriginalString);
        }
        var post = await morgan.PostFormAsync("/account/two-factor/setup", $"/clinician/clients/{client.Id}/edit",
            [new("FullName", "INJECTED"), new("TimeZoneId", "UTC"), new("IntakeDate", "2025-01-01")]);
        Assert.Equal("/account/two-factor/setup", post.Headers.Location?.OriginalString);
        Assert.Equal(before, await Arrange.FingerprintAsync(app));

        var setup = await morgan.GetPageAsync("/account/two-factor/setup");
        Assert.Contains("data-testid=\"enrol-required\"", setup);
        Assert.DoesNotContain("Not now", setup);

        var (_, admin) = await NewStaffAsync("gus.gated@example.org", Roles.Admin);
        Assert.Equal("/account/two-factor/setup", (await admin.Http.GetAsync("/admin/staff")).Headers.Location?.OriginalString);
        Assert.Equal("/account/two-factor/setup", (await admin.PostFormAsync("/account/two-factor/setup", "/admin/staff/invite",
            [new("Email", "x@example.org"), new("DisplayName", "X"), new("Role", Roles.Clinician)])).Headers.Location?.OriginalString);
        Assert.Equal(0, await AdminArrange.CountAsync(app, "SELECT count(*) FROM users WHERE email = 'x@example.org'"));
    }

    [Fact]
    public async Task Set_up_shows_a_QR_code_and_key_refuses_a_wrong_code_and_accepts_the_apps_code()
    {
        var (email, session) = await NewStaffAsync("quinn.qr@example.org");
        var page = await session.GetPageAsync("/account/two-factor/setup");
        var key = AdminArrange.KeyOf(page);

        var src = System.Text.RegularExpressions.Regex.Match(WebUtility.HtmlDecode(page), "data:image/png;base64,([A-Za-z0-9+/=]+)").Groups[1].Value;
        var png = Convert.FromBase64String(src);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, png[..4]);

        var wrong = await session.PostFormAsync("/account/two-factor/setup", "/account/two-factor/setup", [new("Code", Totp.Wrong(key)), new("CurrentPassword", AdminArrange.NewPassword)]);
        Assert.Contains(TwoFactorController.WrongCode, WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync()));
        Assert.False((await AdminArrange.UserAsync(app, email)).TwoFactorEnabled);
        Assert.Equal(key, AdminArrange.KeyOf(await wrong.Content.ReadAsStringAsync())); // the same key until it is confirmed

        var noPassword = await session.PostFormAsync("/account/two-factor/setup", "/account/two-factor/setup", [new("Code", Totp.Now(key))]);
        Assert.Contains(TwoFactorController.PasswordNeeded, WebUtility.HtmlDecode(await noPassword.Content.ReadAsStringAsync()));
        Assert.False((await AdminArrange.UserAsync(app, email)).TwoFactorEnabled);

        var right = await session.PostFormAsync("/account/two-factor/setup", "/account/two-factor/setup", [new("Code", Totp.Now(key)), new("CurrentPassword", AdminArrange.NewPassword)]);
        var codes = AdminArrange.RecoveryCodesOf(await right.Content.ReadAsStringAsync());
        Assert.Equal(TwoFactorController.RecoveryCodeCount, codes.Count);
        var user = await AdminArrange.UserAsync(app, email);
        Assert.True(user.TwoFactorEnabled);
        Assert.Contains("Caseload", await session.GetPageAsync("/clinician")); // the gate opens in the same session
        await using var scope = app.SystemScope();
        Assert.True(await app.SystemDb(scope).AuditEntries.AnyAsync(a => a.Action == AuditActions.EnableTwoFactor && a.RecordId == user.Id.ToString()));
    }

    [Fact]
    public async Task Signing_in_again_asks_for_a_code_after_the_password()
    {
        var (email, session) = await NewStaffAsync("cody.code@example.org");
        var key = await AdminArrange.EnrolAsync(session);

        var fresh = new BrowserSession(app.CreateBrowserLikeClient());
        var password = await fresh.SignInAsync(email, AdminArrange.NewPassword);
        Assert.Equal("/account/sign-in/code", password.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await fresh.Http.GetAsync("/clinician")).StatusCode); // not signed in yet
        Assert.StartsWith("/account/sign-in", (await fresh.Http.GetAsync("/clinician")).Headers.Location!.PathAndQuery);

        var code = await fresh.PostFormAsync("/account/sign-in/code", "/account/sign-in/code", [new("Code", Totp.Now(key))]);

        Assert.Equal("/clinician", code.Headers.Location?.OriginalString);
        Assert.Contains("Caseload", await fresh.GetPageAsync("/clinician"));
    }

    [Fact]
    public async Task Wrong_codes_count_toward_lockout_so_the_fifth_locks_the_account_even_for_the_right_code()
    {
        var (email, session) = await NewStaffAsync("lou.lockout@example.org");
        var key = await AdminArrange.EnrolAsync(session);
        var attacker = new BrowserSession(app.CreateBrowserLikeClient());
        Assert.Equal("/account/sign-in/code", (await attacker.SignInAsync(email, AdminArrange.NewPassword)).Headers.Location?.OriginalString);

        for (var i = 1; i <= 4; i++)
        {
            var wrong = await attacker.PostFormAsync("/account/sign-in/code", "/account/sign-in/code", [new("Code", Totp.Wrong(key))]);
            Assert.Contains(TwoFactorController.WrongCode, WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync()));
            Assert.Equal(i, (await AdminArrange.UserAsync(app, email)).AccessFailedCount);
        }
        var fifth = await attacker.PostFormAsync("/account/sign-in/code", "/account/sign-in/code", [new("Code", "")]);
        Assert.Contains("locked", await fifth.Content.ReadAsStringAsync());

        var right = await attacker.PostFormAsync("/account/sign-in/code", "/account/sign-in/code", [new("Code", Totp.Now(key))]);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("locked", await right.Content.ReadAsStringAsync());
        Assert.NotNull((await AdminArrange.UserAsync(app, email)).LockoutEnd);
        Assert.Equal(HttpStatusCode.Redirect, (await attacker.Http.GetAsync("/clinician")).StatusCode);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once_and_wrong_ones_count_toward_lockout()
    {
        var (email, session) = await NewStaffAsync("rita.recovery@example.org");
        var page = await session.GetPageAsync("/account/two-factor/setup");
        var key = AdminArrange.KeyOf(page);
        var enabled = await session.PostFormAsync("/account/two-factor/setup", "/account/two-factor/setup", [new("Code", Totp.Now(key)), new("CurrentPassword", AdminArrange.NewPassword)]);
        var recovery = AdminArrange.RecoveryCodesOf(await enabled.Content.ReadAsStringAsync())[0];

        var first = new BrowserSession(app.CreateBrowserLikeClient());
        await first.SignInAsync(email, AdminArrange.NewPassword);
        var wrong = await first.PostFormAsync("/account/sign-in/recovery", "/account/sign-in/recovery", [new("Code", "NOT-A-CODE")]);
        Assert.Contains(TwoFactorController.WrongRecoveryCode, WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync()));
        Assert.Equal(1, (await AdminArrange.UserAsync(app, email)).AccessFailedCount);
        var used = await first.PostFormAsync("/account/sign-in/recovery", "/account/sign-in/recovery", [new("Code", recovery)]);
        Assert.Equal("/clinician", used.Headers.Location?.OriginalString);
        Assert.Equal(0, (await AdminArrange.UserAsync(app, email)).AccessFailedCount);

        var second = new BrowserSession(app.CreateBrowserLikeClient());
        await second.SignInAsync(email, AdminArrange.NewPassword);
        var again = await second.PostFormAsync("/account/sign-in/recovery", "/account/sign-in/recovery", [new("Code", recovery)]);
        Assert.Contains(TwoFactorController.WrongRecoveryCode, WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Remember_this_device_skips_the_code_for_30_days_on_that_device_only()
    {
        var (email, session) = await NewStaffAsync("remy.remember@example.org");
        var key = await AdminArrange.EnrolAsync(session);
        var device = new BrowserSession(app.CreateBrowserLikeClient());

        var signedIn = await AdminArrange.SignInWithCodeAsync(device, email, AdminArrange.NewPassword, key, remember: true);
        Assert.Equal("/clinician", signedIn.Headers.Location?.OriginalString);
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("clinicportal.device="));
        var expires = DateTimeOffset.Parse(System.Text.RegularExpressions.Regex.Match(cookie, "expires=([^;]+)").Groups[1].Value);
        Assert.InRange(expires, DateTimeOffset.UtcNow.AddDays(29.9), DateTimeOffset.UtcNow.AddDays(30.1));
        Assert.Contains("httponly", cookie);
        Assert.Contains("samesite=strict", cookie);

        await device.PostFormAsync("/clinician", "/account/sign-out", []);
        Assert.Equal("/clinician", (await device.SignInAsync(email, AdminArrange.NewPassword)).Headers.Location?.OriginalString);

        var other = new BrowserSession(app.CreateBrowserLikeClient());
        Assert.Equal("/account/sign-in/code", (await other.SignInAsync(email, AdminArrange.NewPassword)).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Staff_cannot_turn_two_step_sign_in_off_but_an_administrator_can_reset_it()
    {
        var (email, session) = await NewStaffAsync("reese.reset@example.org");
        var key = await AdminArrange.EnrolAsync(session);

        var disable = await session.PostFormAsync("/account/two-factor", "/account/two-factor/disable", [new("CurrentPassword", AdminArrange.NewPassword)]);
        Assert.Equal(HttpStatusCode.Redirect, disable.StatusCode);
        Assert.Contains(TwoFactorController.RequiredForStaff, WebUtility.HtmlDecode(await session.GetPageAsync("/account/two-factor")));
        Assert.True((await AdminArrange.UserAsync(app, email)).TwoFactorEnabled);

        // The administrator needs an authenticator too before reaching the staff page.
        var (_, admin) = await NewStaffAsync("ray.resetter@example.org", Roles.Admin);
        await AdminArrange.EnrolAsync(admin);
        var id = await Arrange.UserIdAsync(app, email);
        Assert.Contains("data-testid=\"two-factor\">On<", await admin.GetPageAsync("/admin/staff"));

        var reset = await admin.PostFormAsync("/admin/staff", $"/admin/staff/{id}/reset-two-factor", []);

        Assert.Equal("/admin/staff", reset.Headers.Location?.OriginalString);
        var user = await AdminArrange.UserAsync(app, email);
        Assert.False(user.TwoFactorEnabled);
        await using (var scope = app.SystemScope())
        {
            var db = app.SystemDb(scope);
            Assert.False(await db.UserTokens.AnyAsync(t => t.UserId == id && t.Name == "RecoveryCodes"));
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.ResetTwoFactor && a.RecordId == id.ToString()));
        }
        // The old key no longer works: the next sign-in goes straight to set-up with a new key.
        var next = new BrowserSession(app.CreateBrowserLikeClient());
        Assert.Equal("/clinician", (await next.SignInAsync(email, AdminArrange.NewPassword)).Headers.Location?.OriginalString);
        Assert.Equal("/account/two-factor/setup", (await next.Http.GetAsync("/clinician")).Headers.Location?.OriginalString);
        Assert.NotEqual(key, AdminArrange.KeyOf(await next.GetPageAsync("/account/two-factor/setup")));
    }

    [Fact]
    public async Task Clients_may_use_two_step_sign_in_but_do_not_have_to()
    {
        var client = await Arrange.SignedInAsync(app, DemoLogins.AveryEmail);
        Assert.Contains("My space", await client.GetPageAsync("/client")); // no enrolment required

        var setup = await client.GetPageAsync("/account/two-factor/setup");
        Assert.Contains("Not now", setup);
        var key = AdminArrange.KeyOf(setup);
        await client.PostFormAsync("/account/two-factor/setup", "/account/two-factor/setup", [new("Code", Totp.Now(key)), new("CurrentPassword", DemoLogins.ClientPassword)]);
        var fresh = new BrowserSession(app.CreateBrowserLikeClient());
        Assert.Equal("/client", (await AdminArrange.SignInWithCodeAsync(fresh, DemoLogins.AveryEmail, DemoLogins.ClientPassword, key))
            .Headers.Location?.OriginalString);

        var refused = await fresh.PostFormAsync("/account/two-factor", "/account/two-factor/disable", [new("CurrentPassword", "Not-my-password-1!")]);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.True((await AdminArrange.UserAsync(app, DemoLogins.AveryEmail)).TwoFactorEnabled);
        Assert.Contains(TwoFactorController.PasswordNeeded, WebUtility.HtmlDecode(await fresh.GetPageAsync("/account/two-factor")));
        var codesRefused = await fresh.PostFormAsync("/account/two-factor", "/account/two-factor/recovery-codes", []);
        Assert.Equal(HttpStatusCode.Redirect, codesRefused.StatusCode);

        var off = await fresh.PostFormAsync("/account/two-factor", "/account/two-factor/disable", [new("CurrentPassword", DemoLogins.ClientPassword)]);
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        Assert.False((await AdminArrange.UserAsync(app, DemoLogins.AveryEmail)).TwoFactorEnabled);
        Assert.Equal("/client", (await new BrowserSession(app.CreateBrowserLikeClient()).SignInAsync(DemoLogins.AveryEmail, DemoLogins.ClientPassword))
            .Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_code_page_without_a_password_first_sends_back_to_sign_in()
    {
        var visitor = new BrowserSession(app.CreateBrowserLikeClient());

        Assert.Equal("/account/sign-in", (await visitor.Http.GetAsync("/account/sign-in/code")).Headers.Location?.OriginalString);
        var post = await visitor.PostFormAsync("/account/sign-in", "/account/sign-in/code", [new("Code", "123456")]);
        Assert.Equal("/account/sign-in", post.Headers.Location?.OriginalString);
        Assert.Contains(TwoFactorController.SignInAgain, WebUtility.HtmlDecode(await visitor.GetPageAsync("/account/sign-in")));
    }
}
