using System.Net;
using ClinicPortal.Core.Auditing;
using ClinicPortal.IntegrationTests.Administration;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.Testing;
using ClinicPortal.Web.Demo;

namespace ClinicPortal.IntegrationTests.Accounts;

public sealed class StaffReissueTests(AccountsApp app) : IClassFixture<AccountsApp>
{
    [Fact]
    public async Task An_administrator_re_issues_a_staff_sign_in_which_ends_their_sessions_and_mails_a_new_invitation()
    {
        var email = $"sam.staff.{Guid.NewGuid():N}@example.org";
        var id = await AdminArrange.CreateStaffAsync(app, email);
        var desk = await Arrange.SignedInAsync(app, email, AdminArrange.NewPassword);
        var admin = await AdminArrange.AdminAsync(app);

        var done = await admin.PostFormAsync("/admin/staff", $"/admin/staff/{id}/reissue", []);

        Assert.Equal("/admin/staff", done.Headers.Location?.OriginalString);
        Assert.False(await AccountArrange.IsSignedInAsync(desk, "/clinician"));
        Assert.Equal(HttpStatusCode.OK, (await new BrowserSession(app.CreateBrowserLikeClient()).SignInAsync(email, AdminArrange.NewPassword)).StatusCode);
        Assert.Contains(AuditActions.ReissueSignIn, await AccountArrange.AccountAuditAsync(app, id));
        var (session, accepted) = await AdminArrange.AcceptAsync(app, AdminArrange.LinkFor(app, email), AccountArrange.NewPassword);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.True(await AccountArrange.IsSignedInAsync(session, "/clinician"));
    }

    [Fact]
    public async Task An_administrator_cannot_re_issue_their_own_sign_in_or_a_clients()
    {
        var admin = await AdminArrange.AdminAsync(app);
        var adminId = await Arrange.UserIdAsync(app, DemoLogins.AdminEmail);
        var client = await AccountArrange.ClientAsync(app);
        var before = await AccountArrange.UserAsync(app, adminId);

        await admin.PostFormAsync("/admin/staff", $"/admin/staff/{adminId}/reissue", []);
        Assert.Contains("use Sign-in security", await admin.GetPageAsync("/admin/staff"));
        var forClient = await admin.PostFormAsync("/admin/staff", $"/admin/staff/{client.UserId}/reissue", []);

        Assert.Equal(before.SecurityStamp, (await AccountArrange.UserAsync(app, adminId)).SecurityStamp);
        Assert.Equal(HttpStatusCode.NotFound, forClient.StatusCode);
        Assert.NotNull((await AccountArrange.UserAsync(app, client.UserId)).PasswordHash);
    }
}
