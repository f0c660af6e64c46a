using System.Net;
using ClinicPortal.Core.Accounts;
using ClinicPortal.Core.Auditing;
using ClinicPortal.IntegrationTests.Administration;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.IntegrationTests.Reminders;
using ClinicPortal.Testing;
using ClinicPortal.Web.Features.Invitations;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.IntegrationTests.Accounts;

/// <summary>
/// An invitation is mailed at once over real SMTP: when the mail cannot go, the page says so and nothing is kept (no link,
/// no account, no audit row, and a re-issued sign-in keeps its password), rather than an error page.
/// </summary>
public sealed class InvitationMailFailureTests : IDisposable
{
    private readonly SmtpSink _smtp = new();

    public void Dispose() => _smtp.Dispose();

    /// <summary>The links issued for the client or account, and the invitation and re-issue rows audited about it.</summary>
    private static async Task<(int Tokens, int Audit)> TracesAsync(ClinicAppFactory app, Guid subjectId, string recordId)
    {
        await using var scope = app.SystemScope();
        var db = app.SystemDb(scope);
        return (await db.OneTimeTokens.CountAsync(t => t.SubjectId == subjectId),
            await db.AuditEntries.CountAsync(a => (a.ClientId == subjectId || a.RecordId == recordId)
                && (a.Action == AuditActions.Invite || a.Action == AuditActions.ReissueSignIn)));
    }

    [Fact]
    public async Task A_client_invitation_the_server_refuses_says_so_and_keeps_no_link()
    {
        await using var app = new ReminderApp(_smtp, new ManualClock(DateTimeOffset.UtcNow));
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Rae Refused", $"{SmtpSink.RefusedPrefix}.{Guid.NewGuid():N}@example.org");
        var clinician = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var overview = $"/clinician/clients/{client.Id}";

        var response = await clinician.PostFormAsync(overview, $"{overview}/invite", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal((0, 0), await TracesAsync(app, client.Id, client.Id.ToString()));
        var page = WebUtility.HtmlDecode(await clinician.GetPageAsync(overview));
        Assert.Contains("The invitation email could not be sent (the mail server refused it", page);
        Assert.Contains(ClientInvitations.MailFailedInstead, page);
        Assert.Contains("Not invited yet.", page);
    }

    [Fact]
    public async Task A_re_issue_while_the_mail_server_is_down_says_so_and_the_sign_in_is_unchanged()
    {
        await using var app = new ReminderApp(_smtp, new ManualClock(DateTimeOffset.UtcNow));
        var login = await AccountArrange.ClientAsync(app);
        var before = await AccountArrange.UserAsync(app, login.UserId);
        var clinician = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var overview = $"/clinician/clients/{login.Client.Id}";
        var audit = await TracesAsync(app, login.Client.Id, login.UserId.ToString());
        _smtp.Stop();

        var response = await clinician.PostFormAsync(overview, $"{overview}/sign-in/reissue", [new("method", nameof(ReissueMethod.Email))]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(audit, await TracesAsync(app, login.Client.Id, login.UserId.ToString()));
        var after = await AccountArrange.UserAsync(app, login.UserId);
        Assert.Equal((before.PasswordHash, before.SecurityStamp), (after.PasswordHash, after.SecurityStamp));
        Assert.Contains("The invitation email could not be sent (the mail server did not answer), so nothing was changed.",
            WebUtility.HtmlDecode(await clinician.GetPageAsync(overview)));
        Assert.Equal("/client", (await new BrowserSession(app.CreateBrowserLikeClient()).SignInAsync(login.Email, login.Password)).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_staff_invitation_the_server_refuses_creates_no_account_and_keeps_the_form()
    {
        await using var app = new ReminderApp(_smtp, new ManualClock(DateTimeOffset.UtcNow));
        var admin = await AdminArrange.AdminAsync(app);
        var email = $"{SmtpSink.RefusedPrefix}.{Guid.NewGuid():N}@example.org";

        var response = await admin.PostFormAsync("/admin/staff/invite", "/admin/staff/invite",
            [new("Email", email), new("DisplayName", "Sam Bounced"), new("Role", Roles.Clinician)]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains($"The invitation email could not be sent (the mail server refused it: check the email address), so nothing was changed. {StaffInvitations.MailFailedInstead}", html);
        Assert.Contains("value=\"Sam Bounced\"", html);
        await using var scope = app.SystemScope();
        Assert.False(await app.SystemDb(scope).Users.AnyAsync(u => u.Email == email));
    }
}
