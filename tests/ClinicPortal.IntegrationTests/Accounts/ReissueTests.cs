using System.Net;
using System.Text.RegularExpressions;
using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.ContactSafety;
using ClinicPortal.IntegrationTests.ClientCheckIns;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.IntegrationTests.ContactSafety;
using ClinicPortal.Testing;
using ClinicPortal.Web.Features.Invitations;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.IntegrationTests.Accounts;

public sealed partial class ReissueTests(AccountsApp app) : IClassFixture<AccountsApp>
{
    private static string Overview(Guid clientId) => $"/clinician/clients/{clientId}";

    private static async Task<string> CodeFromAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var match = CodePattern().Match(await response.Content.ReadAsStringAsync());
        Assert.True(match.Success, "no code on the page");
        return match.Groups[1].Value;
    }

    private Task<HttpResponseMessage> UseCodeAsync(string email, string code, string password = AccountArrange.NewPassword) =>
        new BrowserSession(app.CreateBrowserLikeClient()).PostFormAsync("/account/invitation/code", "/account/invitation/code",
            [new("Email", email), new("Code", code), new("Password", password), new("ConfirmPassword", password)]);

    [Fact]
    public async Task A_clinician_re_issues_a_sign_in_with_an_in_person_code_which_shuts_out_whoever_knew_the_password()
    {
        var login = await AccountArrange.ClientAsync(app);
        var intruder = await CheckInArrange.SignedInAsync(app, login);
        // Whoever knew the password also turned on two-step sign-in, to lock the client out.
        await using (var scope = app.SystemScope())
            await app.SystemDb(scope).Database.ExecuteSqlInterpolatedAsync($"UPDATE users SET two_factor_enabled = true WHERE id = {login.UserId}");
        var clinician = await Arrange.SignedInAsync(app, Arrange.MorganEmail);

        var code = await CodeFromAsync(await clinician.PostFormAsync(Overview(login.Client.Id), $"{Overview(login.Client.Id)}/sign-in/reissue", [new("method", "InPersonCode")]));

        Assert.False(await AccountArrange.IsSignedInAsync(intruder));
        var user = await AccountArrange.UserAsync(app, login.UserId);
        Assert.Null(user.PasswordHash);
        Assert.False(user.TwoFactorEnabled);
        Assert.Equal(HttpStatusCode.OK, (await new BrowserSession(app.CreateBrowserLikeClient()).SignInAsync(login.Email, login.Password)).StatusCode);
        Assert.Contains("re-issued", await clinician.GetPageAsync(Overview(login.Client.Id)));

        var used = await UseCodeAsync(login.Email.ToUpperInvariant(), code.Replace("-", " ").ToLowerInvariant());

        Assert.Equal("/client", used.Headers.Location?.OriginalString);
        Assert.Equal("/client", (await new BrowserSession(app.CreateBrowserLikeClient()).SignInAsync(login.Email, AccountArrange.NewPassword)).Headers.Location?.OriginalString);
        Assert.Contains(WebUtility.HtmlEncode(ClientInvitations.CodeRefused), await (await UseCodeAsync(login.Email, code, "Another-Pass-2026!")).Content.ReadAsStringAsync());
        Assert.Contains(AuditActions.ReissueSignIn, await AccountArrange.AccountAuditAsync(app, login.UserId));
        Assert.Contains(await Arrange.AuditAsync(app, login.Client.Id), a => a.Action == AuditActions.AcceptInvitation);
    }

    [Fact]
    public async Task A_re_issue_by_email_sends_a_new_link_that_gives_the_sign_in_back()
    {
        var login = await AccountArrange.ClientAsync(app);
        var clinician = await Arrange.SignedInAsync(app, Arrange.MorganEmail);

        var done = await clinician.PostFormAsync(Overview(login.Client.Id), $"{Overview(login.Client.Id)}/sign-in/reissue", [new("method", "Email")]);

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var link = (await AccountArrange.LinkMailedToAsync(app, login.Email, "/account/invitation", TimeSpan.FromSeconds(10)))!;
        var accepted = await new BrowserSession(app.CreateBrowserLikeClient()).PostFormAsync(link, "/account/invitation",
            [new("Token", AccountArrange.TokenOf(link)), new("DateOfBirth", Arrange.BornOn), new("Password", AccountArrange.NewPassword), new("ConfirmPassword", AccountArrange.NewPassword)]);
        Assert.Equal("/client", accepted.Headers.Location?.OriginalString);
        Assert.Equal("/client", (await new BrowserSession(app.CreateBrowserLikeClient()).SignInAsync(login.Email, AccountArrange.NewPassword)).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_re_issue_by_email_to_an_inbox_that_is_not_safe_is_refused_and_changes_nothing()
    {
        var login = await AccountArrange.ClientAsync(app);
        await ContactSafetyArrange.ProfileAsync(app, login.Client.Id, ContactChannels.Phone);
        var session = await CheckInArrange.SignedInAsync(app, login);
        var clinician = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var before = await AccountArrange.UserAsync(app, login.UserId);

        await clinician.PostFormAsync(Overview(login.Client.Id), $"{Overview(login.Client.Id)}/sign-in/reissue", [new("method", "Email")]);

        Assert.Contains("the invitation was not sent", WebUtility.HtmlDecode(await clinician.GetPageAsync(Overview(login.Client.Id))));
        var after = await AccountArrange.UserAsync(app, login.UserId);
        Assert.Equal((before.PasswordHash, before.SecurityStamp), (after.PasswordHash, after.SecurityStamp));
        Assert.True(await AccountArrange.IsSignedInAsync(session));
    }

    [Fact]
    public async Task Another_clinicians_client_cannot_be_re_issued()
    {
        var login = await AccountArrange.ClientAsync(app);
        var riley = await Arrange.SignedInAsync(app, Arrange.RileyEmail);
        var token = await riley.TokenFromAsync("/account/security");
        var before = await Arrange.FingerprintAsync(app, includeAudit: true);

        var response = await riley.Http.PostAsync($"{Overview(login.Client.Id)}/sign-in/reissue",
            new FormUrlEncodedContent([new("method", "InPersonCode"), new("__RequestVerificationToken", token)]));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(before, await Arrange.FingerprintAsync(app, includeAudit: true));
        Assert.NotNull((await AccountArrange.UserAsync(app, login.UserId)).PasswordHash);
    }

    [Fact]
    public async Task A_wrong_or_malformed_code_or_another_address_is_refused_with_one_message()
    {
        var login = await AccountArrange.ClientAsync(app);
        var other = await AccountArrange.ClientAsync(app, "Oli Other");
        var clinician = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var code = await CodeFromAsync(await clinician.PostFormAsync(Overview(login.Client.Id), $"{Overview(login.Client.Id)}/sign-in/reissue", [new("method", "InPersonCode")]));
        var wrong = code[..^1] + (code[^1] == 'A' ? 'B' : 'A');

        foreach (var (email, typed) in new[] { (login.Email, wrong), (login.Email, "not-a-code"), (other.Email, code), ($"nobody.{Guid.NewGuid():N}@example.org", code) })
            Assert.Contains(WebUtility.HtmlEncode(ClientInvitations.CodeRefused), await (await UseCodeAsync(email, typed)).Content.ReadAsStringAsync());

        var weak = await UseCodeAsync(login.Email, code, "weak");
        Assert.Contains("at least 12 characters", await weak.Content.ReadAsStringAsync());
        Assert.Null((await AccountArrange.UserAsync(app, login.UserId)).PasswordHash);
        Assert.Equal("/client", (await UseCodeAsync(login.Email, code)).Headers.Location?.OriginalString); // still valid after the wrong tries
    }

    [Fact]
    public async Task Discharge_ends_the_clients_sign_in_and_re_admission_allows_a_re_issue()
    {
        var login = await AccountArrange.ClientAsync(app);
        var phone = await CheckInArrange.SignedInAsync(app, login);
        var clinician = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var overview = Overview(login.Client.Id);

        await clinician.PostFormAsync(overview, $"{overview}/status", [new("status", "Discharged")]);

        Assert.False(await AccountArrange.IsSignedInAsync(phone));
        Assert.Equal(HttpStatusCode.OK, (await new BrowserSession(app.CreateBrowserLikeClient()).SignInAsync(login.Email, login.Password)).StatusCode);
        Assert.Contains("ended at discharge", await clinician.GetPageAsync(overview));
        Assert.Contains(AuditActions.EndAccess, await AccountArrange.AccountAuditAsync(app, login.UserId));
        var whileDischarged = await clinician.PostFormAsync(overview, $"{overview}/sign-in/reissue", [new("method", "InPersonCode")]);
        Assert.Equal(HttpStatusCode.Redirect, whileDischarged.StatusCode);

        await clinician.PostFormAsync(overview, $"{overview}/status", [new("status", "Active")]);
        Assert.Equal(HttpStatusCode.OK, (await new BrowserSession(app.CreateBrowserLikeClient()).SignInAsync(login.Email, login.Password)).StatusCode);
        var code = await CodeFromAsync(await clinician.PostFormAsync(overview, $"{overview}/sign-in/reissue", [new("method", "InPersonCode")]));
        Assert.Equal("/client", (await UseCodeAsync(login.Email, code)).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_code_not_used_before_discharge_does_not_reopen_the_account_after_re_admission()
    {
        var login = await AccountArrange.ClientAsync(app);
        var clinician = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var overview = Overview(login.Client.Id);
        var code = await CodeFromAsync(await clinician.PostFormAsync(overview, $"{overview}/sign-in/reissue", [new("method", "InPersonCode")]));

        await clinician.PostFormAsync(overview, $"{overview}/status", [new("status", "Discharged")]);
        await clinician.PostFormAsync(overview, $"{overview}/status", [new("status", "Active")]);

        Assert.Contains(WebUtility.HtmlEncode(ClientInvitations.CodeRefused), await (await UseCodeAsync(login.Email, code)).Content.ReadAsStringAsync());
        Assert.False((await AccountArrange.UserAsync(app, login.UserId)).IsActive);
    }

    [Fact]
    public async Task The_sign_in_address_follows_the_clients_email_and_a_taken_address_is_refused()
    {
        var login = await AccountArrange.ClientAsync(app);
        var taken = await AccountArrange.ClientAsync(app, "Tay Taken");
        var clinician = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var edit = $"{Overview(login.Client.Id)}/edit";
        List<KeyValuePair<string, string>> Form(string? email) =>
            [new("FullName", "Ari Account"), new("Email", email ?? ""), new("TimeZoneId", "America/Chicago"), new("IntakeDate", Arrange.ClinicDay(-30))];
        var before = await Arrange.FingerprintAsync(app, includeAudit: true, exceptViews: true); // the pages shown are reads, audited

        var clash = await clinician.PostFormAsync(edit, edit, Form(taken.Email.ToUpperInvariant()));
        var removed = await clinician.PostFormAsync(edit, edit, Form(null));

        Assert.Contains(WebUtility.HtmlEncode(ClientSignIns.EmailInUse), await clash.Content.ReadAsStringAsync());
        Assert.Contains(WebUtility.HtmlEncode(ClientSignIns.EmailRequired), await removed.Content.ReadAsStringAsync());
        Assert.Equal(before, await Arrange.FingerprintAsync(app, includeAudit: true, exceptViews: true));

        var moved = $"moved.{Guid.NewGuid():N}@example.org";
        Assert.Equal(HttpStatusCode.Redirect, (await clinician.PostFormAsync(edit, edit, Form(moved))).StatusCode);

        Assert.Equal("/client", (await new BrowserSession(app.CreateBrowserLikeClient()).SignInAsync(moved, login.Password)).Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await new BrowserSession(app.CreateBrowserLikeClient()).SignInAsync(login.Email, login.Password)).StatusCode);
        Assert.Contains(AuditActions.ChangeSignInEmail, await AccountArrange.AccountAuditAsync(app, login.UserId));
    }

    [GeneratedRegex("data-testid=\"sign-in-code\">([A-Z0-9]{5}-[A-Z0-9]{5})<")]
    private static partial Regex CodePattern();
}
