using System.Net;
using System.Text.RegularExpressions;
using ClinicPortal.Core.Auditing;
using ClinicPortal.Testing;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.IntegrationTests.Clients;

public sealed partial class InvitationTests(DemoClinicApp app) : IClassFixture<DemoClinicApp>
{
    private const string NewPassword = "My-Own-Pass-2026!";

    private async Task<string> InviteAsync(BrowserSession clinician, Guid clientId, string email)
    {
        var overview = $"/clinician/clients/{clientId}";
        var response = await clinician.PostFormAsync(overview, $"{overview}/invite", []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        // The newest message to this address holds the link.
        var mail = ReceivedMail.InFolder(app.MailDirectory, "*.eml").Last(m => m.To == email).Text;
        Assert.DoesNotContain("Confidential concern", mail);
        return new Uri(LinkPattern().Match(mail).Value).PathAndQuery;
    }

    [Fact]
    public async Task An_invited_client_sets_a_password_once_and_lands_on_their_home()
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Ivy Invitee", "ivy.invitee@example.org");
        var clinician = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var link = await InviteAsync(clinician, client.Id, "ivy.invitee@example.org");
        var token = TokenPattern().Match(link).Groups[1].Value;
        var visitor = new BrowserSession(app.CreateBrowserLikeClient());

        var accepted = await visitor.PostFormAsync(link, "/account/invitation",
            [new("Token", token), new("DateOfBirth", Arrange.BornOn), new("Password", NewPassword), new("ConfirmPassword", NewPassword)]);

        Assert.Equal("/client", accepted.Headers.Location?.OriginalString);
        Assert.Contains("My space", await visitor.GetPageAsync("/client"));
        await using (var scope = app.SystemScope())
            Assert.NotNull((await app.SystemDb(scope).Clients.SingleAsync(c => c.Id == client.Id)).UserId);
        Assert.Contains(await Arrange.AuditAsync(app, client.Id), a => a.Action == AuditActions.Invite);
        Assert.Contains(await Arrange.AuditAsync(app, client.Id), a => a.Action == AuditActions.AcceptInvitation);

        // Single use.
        var again = await new BrowserSession(app.CreateBrowserLikeClient()).Http.GetAsync(link);
        Assert.Contains("no longer valid", await again.Content.ReadAsStringAsync());
        // And the client can sign in with the new password.
        var signIn = await new BrowserSession(app.CreateBrowserLikeClient()).SignInAsync("ivy.invitee@example.org", NewPassword);
        Assert.Equal("/client", signIn.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Re_inviting_invalidates_the_previous_link()
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Rex Reinvite", "rex.reinvite@example.org");
        var clinician = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var first = await InviteAsync(clinician, client.Id, "rex.reinvite@example.org");
        var second = await InviteAsync(clinician, client.Id, "rex.reinvite@example.org");
        Assert.NotEqual(first, second);

        var visitor = new BrowserSession(app.CreateBrowserLikeClient());
        Assert.Contains("no longer valid", await (await visitor.Http.GetAsync(first)).Content.ReadAsStringAsync());
        Assert.Contains("Choose a password", await visitor.GetPageAsync(second));
    }

    [Fact]
    public async Task An_expired_link_is_refused_and_nothing_is_created()
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Eve Expired", "eve.expired@example.org");
        var clinician = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var link = await InviteAsync(clinician, client.Id, "eve.expired@example.org");
        await using (var scope = app.SystemScope())
            await app.SystemDb(scope).Database.ExecuteSqlInterpolatedAsync(
                $"UPDATE one_time_tokens SET expires_at = now() - interval '1 minute' WHERE subject_id = {client.Id}");
        var token = TokenPattern().Match(link).Groups[1].Value;
        var visitor = new BrowserSession(app.CreateBrowserLikeClient());
        var before = await Arrange.FingerprintAsync(app);

        var response = await visitor.PostFormAsync("/account/sign-in", "/account/invitation",
            [new("Token", token), new("Password", NewPassword), new("ConfirmPassword", NewPassword)]);

        Assert.Contains("no longer valid", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await Arrange.FingerprintAsync(app));
    }

    [Fact]
    public async Task A_weak_or_mismatched_password_is_refused_with_a_message()
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Wes Weak", "wes.weak@example.org");
        var clinician = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var link = await InviteAsync(clinician, client.Id, "wes.weak@example.org");
        var token = TokenPattern().Match(link).Groups[1].Value;
        var visitor = new BrowserSession(app.CreateBrowserLikeClient());

        var weak = await visitor.PostFormAsync(link, "/account/invitation",
            [new("Token", token), new("DateOfBirth", Arrange.BornOn), new("Password", "short"), new("ConfirmPassword", "short")]);
        var mismatch = await visitor.PostFormAsync(link, "/account/invitation",
            [new("Token", token), new("DateOfBirth", Arrange.BornOn), new("Password", NewPassword), new("ConfirmPassword", "Other-Pass-2026!")]);

        Assert.Contains("at least 12 characters", await weak.Content.ReadAsStringAsync());
        Assert.Contains("do not match", await mismatch.Content.ReadAsStringAsync());
        await using var scope = app.SystemScope();
        Assert.Null((await app.SystemDb(scope).Clients.SingleAsync(c => c.Id == client.Id)).UserId);
        Assert.Contains("Choose a password", await visitor.GetPageAsync(link)); // still usable
    }

    [Fact]
    public async Task A_client_without_an_email_cannot_be_invited()
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Nia Nomail");
        var clinician = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var before = await Arrange.FingerprintAsync(app);

        await clinician.PostFormAsync($"/clinician/clients/{client.Id}", $"/clinician/clients/{client.Id}/invite", []);

        Assert.Contains("Add the client&#x27;s email address", await clinician.GetPageAsync($"/clinician/clients/{client.Id}"));
        Assert.Equal(before, await Arrange.FingerprintAsync(app));
    }

    [GeneratedRegex(@"https?://\S+/account/invitation\?token=[A-Za-z0-9_\-]+")]
    private static partial Regex LinkPattern();

    [GeneratedRegex("token=([A-Za-z0-9_\\-]+)")]
    private static partial Regex TokenPattern();
}
