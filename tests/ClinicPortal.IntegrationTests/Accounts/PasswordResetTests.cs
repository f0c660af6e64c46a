using System.Net;
using System.Text.RegularExpressions;
using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.ContactSafety;
using ClinicPortal.Core.Reminders;
using ClinicPortal.IntegrationTests.ClientCheckIns;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.IntegrationTests.ContactSafety;
using ClinicPortal.Testing;
using ClinicPortal.Web.Features.Passwords;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.IntegrationTests.Accounts;

public sealed partial class PasswordResetTests(AccountsApp app) : IClassFixture<AccountsApp>
{
    private static readonly TimeSpan MailWait = TimeSpan.FromSeconds(15);

    private async Task<HttpResponseMessage> ForgotAsync(string email) =>
        await new BrowserSession(app.CreateBrowserLikeClient()).PostFormAsync("/account/forgot-password", "/account/forgot-password", [new("Email", email)]);

    private static List<KeyValuePair<string, string>> NewPassword(string token, string password) =>
        [new("Token", token), new("Password", password), new("ConfirmPassword", password)];

    /// <summary>The page without what differs on every response (anti-forgery tokens).</summary>
    private static async Task<string> ComparableAsync(HttpResponseMessage response) =>
        AntiForgery().Replace(await response.Content.ReadAsStringAsync(), "");

    [Fact]
    public async Task A_forgotten_password_is_reset_by_a_single_use_link_that_ends_every_session()
    {
        var login = await AccountArrange.ClientAsync(app);
        var oldSession = await CheckInArrange.SignedInAsync(app, login);

        var known = await ForgotAsync(login.Email);
        var unknown = await ForgotAsync($"nobody.{Guid.NewGuid():N}@example.org");

        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Contains(WebUtility.HtmlEncode(PasswordResetController.Sent), await known.Content.ReadAsStringAsync());
        Assert.Equal((await ComparableAsync(known)).Replace(login.Email, ""), await ComparableAsync(unknown));
        var link = await AccountArrange.LinkMailedToAsync(app, login.Email, "/account/reset-password", MailWait);
        Assert.NotNull(link);
        var visitor = new BrowserSession(app.CreateBrowserLikeClient());
        Assert.Contains("Choose a new password", await visitor.GetPageAsync(link));

        var reset = await visitor.PostFormAsync(link, "/account/reset-password", NewPassword(AccountArrange.TokenOf(link), AccountArrange.NewPassword));

        Assert.Equal("/account/sign-in", reset.Headers.Location?.OriginalString);
        Assert.False(await AccountArrange.IsSignedInAsync(oldSession));
        Assert.Equal(HttpStatusCode.OK, (await new BrowserSession(app.CreateBrowserLikeClient()).SignInAsync(login.Email, login.Password)).StatusCode);
        Assert.Equal("/client", (await new BrowserSession(app.CreateBrowserLikeClient()).SignInAsync(login.Email, AccountArrange.NewPassword)).Headers.Location?.OriginalString);
        Assert.Contains("no longer valid", await (await visitor.Http.GetAsync(link)).Content.ReadAsStringAsync());
        var again = await visitor.PostFormAsync("/account/sign-in", "/account/reset-password", NewPassword(AccountArrange.TokenOf(link), "Yet-Another-Pass-2026!"));
        Assert.Contains("no longer valid", await again.Content.ReadAsStringAsync());
        var audit = await AccountArrange.AccountAuditAsync(app, login.UserId);
        Assert.Equal([AuditActions.RequestPasswordReset, AuditActions.ResetPassword], audit.Where(a => a.Contains("password")).ToList());
        await using var scope = app.SystemScope();
        Assert.DoesNotContain(await app.SystemDb(scope).OneTimeTokens.Select(t => t.TokenHash).ToListAsync(), h => h.Contains(AccountArrange.TokenOf(link)));
    }

    [Fact]
    public async Task Tampered_and_expired_links_and_weak_passwords_change_nothing()
    {
        var login = await AccountArrange.ClientAsync(app);
        await ForgotAsync(login.Email);
        var link = (await AccountArrange.LinkMailedToAsync(app, login.Email, "/account/reset-password", MailWait))!;
        var token = AccountArrange.TokenOf(link);
        var visitor = new BrowserSession(app.CreateBrowserLikeClient());
        var before = await Arrange.FingerprintAsync(app);
        var hash = (await AccountArrange.UserAsync(app, login.UserId)).PasswordHash;

        var tampered = await visitor.PostFormAsync("/account/sign-in", "/account/reset-password", NewPassword(token[..^2] + "xx", AccountArrange.NewPassword));
        var weak = await visitor.PostFormAsync(link, "/account/reset-password", NewPassword(token, "weakpassword"));

        Assert.Contains("no longer valid", await tampered.Content.ReadAsStringAsync());
        Assert.Contains("must have at least one", await weak.Content.ReadAsStringAsync());
        Assert.Equal(hash, (await AccountArrange.UserAsync(app, login.UserId)).PasswordHash);
        Assert.Equal(before, await Arrange.FingerprintAsync(app));

        await using (var scope = app.SystemScope())
            await app.SystemDb(scope).Database.ExecuteSqlInterpolatedAsync(
                $"UPDATE one_time_tokens SET expires_at = now() - interval '1 second' WHERE subject_id = {login.UserId} AND purpose = 'password-reset'");
        var expired = await visitor.PostFormAsync("/account/sign-in", "/account/reset-password", NewPassword(token, AccountArrange.NewPassword));
        Assert.Contains("no longer valid", await expired.Content.ReadAsStringAsync());
        Assert.Equal(hash, (await AccountArrange.UserAsync(app, login.UserId)).PasswordHash);
    }

    [Fact]
    public async Task No_reset_mail_goes_to_an_inbox_that_is_not_safe_and_the_page_says_the_same()
    {
        var login = await AccountArrange.ClientAsync(app);
        await ContactSafetyArrange.ProfileAsync(app, login.Client.Id, ContactChannels.Phone, monitored: true);
        var safe = await AccountArrange.ClientAsync(app, "Sol Safe");

        var held = await ForgotAsync(login.Email);
        var sent = await ForgotAsync(safe.Email);

        Assert.Equal((await ComparableAsync(sent)).Replace(safe.Email, ""), (await ComparableAsync(held)).Replace(login.Email, ""));
        Assert.NotNull(await AccountArrange.LinkMailedToAsync(app, safe.Email, "/account/reset-password", MailWait));
        // Sent after the page like the safe one: wait for the hold to be recorded, then check no mail went.
        await MessageArrange.WaitForAsync(app, db => db.Set<OutboxMessage>().AnyAsync(m => m.ClientId == login.Client.Id && m.Kind == OutboxKind.PasswordReset && m.Status == OutboxStatus.Held), "the held reset", 15);
        Assert.Equal(0, AccountArrange.MailCount(app, login.Email));
        Assert.Contains(PasswordResetController.NoMail.Split('?')[0], WebUtility.HtmlDecode(await held.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task A_discharged_client_gets_no_reset_mail()
    {
        var login = await AccountArrange.ClientAsync(app);
        var clinician = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        await clinician.PostFormAsync($"/clinician/clients/{login.Client.Id}", $"/clinician/clients/{login.Client.Id}/status", [new("status", "Discharged")]);
        var control = await AccountArrange.ClientAsync(app, "Cal Control");

        await ForgotAsync(login.Email);
        await ForgotAsync(control.Email);

        Assert.NotNull(await AccountArrange.LinkMailedToAsync(app, control.Email, "/account/reset-password", MailWait));
        Assert.Equal(0, AccountArrange.MailCount(app, login.Email));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]+\"")]
    private static partial Regex AntiForgery();
}
