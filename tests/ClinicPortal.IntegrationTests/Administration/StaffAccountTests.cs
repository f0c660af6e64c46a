using System.Net;
using ClinicPortal.Core.Accounts;
using ClinicPortal.Core.Auditing;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.Testing;
using ClinicPortal.Web.Demo;
using ClinicPortal.Web.Features.Account;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.IntegrationTests.Administration;

public sealed class StaffAccountTests(DemoClinicApp app) : IClassFixture<DemoClinicApp>
{
    private const string Tables =
        "SELECT (SELECT count(*) FROM users) * 1000000 + (SELECT count(*) FROM user_roles) * 1000 + (SELECT count(*) FROM one_time_tokens)";

    [Fact]
    public async Task An_invited_clinician_sets_a_password_once_is_sent_to_two_factor_set_up_and_can_sign_in()
    {
        var admin = await AdminArrange.AdminAsync(app);
        var link = await AdminArrange.InviteAsync(app, admin, "sam.newhire@example.org", "Dr. Sam Newhire");

        var staff = await admin.GetPageAsync("/admin/staff");
        Assert.Contains("sam.newhire@example.org", staff);
        Assert.Contains("Invited", staff);
        var mail = ReceivedMail.InFolder(app.MailDirectory, "*.eml").Single(m => m.To == "sam.newhire@example.org").Text;
        Assert.DoesNotContain("Sam Newhire", mail); // mail names nobody
        Assert.Contains("72 hours", mail);

        // A pending account cannot sign in.
        Assert.Equal(HttpStatusCode.OK, (await new BrowserSession(app.CreateBrowserLikeClient()).SignInAsync("sam.newhire@example.org", AdminArrange.NewPassword)).StatusCode);

        var welcome = await new BrowserSession(app.CreateBrowserLikeClient()).GetPageAsync(link);
        Assert.Contains("Dr. Sam Newhire", welcome);
        var (session, accepted) = await AdminArrange.AcceptAsync(app, link);
        Assert.Equal("/account/two-factor/setup", accepted.Headers.Location?.OriginalString);
        Assert.Contains("Caseload", await session.GetPageAsync("/clinician")); // two-step sign-in is not required in this app

        var user = await AdminArrange.UserAsync(app, "sam.newhire@example.org");
        Assert.True(user.EmailConfirmed);
        Assert.NotNull(user.LastSignInAt);
        await using (var scope = app.SystemScope())
        {
            var audit = await app.SystemDb(scope).AuditEntries.Where(a => a.RecordId == user.Id.ToString()).Select(a => a.Action).ToListAsync();
            Assert.Contains(AuditActions.Invite, audit);
            Assert.Contains(AuditActions.AcceptInvitation, audit);
        }

        // Single use, and the password works.
        Assert.Contains("no longer valid", await (await new BrowserSession(app.CreateBrowserLikeClient()).Http.GetAsync(link)).Content.ReadAsStringAsync());
        Assert.Equal("/clinician", (await new BrowserSession(app.CreateBrowserLikeClient()).SignInAsync("sam.newhire@example.org", AdminArrange.NewPassword))
            .Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData(DemoLogins.MorganEmail)]      // a clinician
    [InlineData("MORGAN.EXAMPLE@demo.clinicportal.test")]      // in other letters
    [InlineData(DemoLogins.JordanEmail)]   // a client's sign-in
    public async Task Inviting_an_existing_email_is_refused_and_nothing_is_saved(string email)
    {
        var admin = await AdminArrange.AdminAsync(app);
        var before = await AdminArrange.CountAsync(app, Tables);
        var mails = Directory.Exists(app.MailDirectory) ? Directory.GetFiles(app.MailDirectory).Length : 0;

        var response = await admin.PostFormAsync("/admin/staff/invite", "/admin/staff/invite",
            [new("Email", email), new("DisplayName", "Someone New"), new("Role", Roles.Clinician)]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains(StaffRules.ExistingEmailMessage, html);
        Assert.Contains("value=\"Someone New\"", html);
        Assert.Equal(before, await AdminArrange.CountAsync(app, Tables));
        Assert.Equal(mails, Directory.Exists(app.MailDirectory) ? Directory.GetFiles(app.MailDirectory).Length : 0);
    }

    [Theory]
    [InlineData("not-an-email", "Name", Roles.Clinician, "Email is not a valid address.")]
    [InlineData("ok@example.org", "", Roles.Clinician, "Name is required.")]
    [InlineData("ok@example.org", "Name", Roles.Client, "Choose whether the person is a clinician or an administrator.")]
    public async Task Bad_invitations_are_refused_with_a_message(string email, string name, string role, string message)
    {
        var admin = await AdminArrange.AdminAsync(app);
        var before = await AdminArrange.CountAsync(app, Tables);

        var response = await admin.PostFormAsync("/admin/staff/invite", "/admin/staff/invite", [new("Email", email), new("DisplayName", name), new("Role", role)]);

        Assert.Contains(message, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Equal(before, await AdminArrange.CountAsync(app, Tables));
    }

    [Fact]
    public async Task An_expired_or_replaced_invitation_link_does_not_work()
    {
        var admin = await AdminArrange.AdminAsync(app);
        var first = await AdminArrange.InviteAsync(app, admin, "late.larry@example.org", "Larry Late");
        var user = await AdminArrange.UserAsync(app, "late.larry@example.org");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/admin/staff", $"/admin/staff/{user.Id}/resend-invitation", [])).StatusCode);
        var second = AdminArrange.LinkFor(app, "late.larry@example.org");
        Assert.NotEqual(first, second);

        var replaced = await AdminArrange.AcceptAsync(app, first);
        Assert.Contains("no longer valid", await replaced.Response.Content.ReadAsStringAsync());

        await AdminArrange.ExecuteAsync(app, $"UPDATE one_time_tokens SET expires_at = now() - interval '1 minute' WHERE subject_id = '{user.Id}' AND used_at IS NULL AND revoked_at IS NULL");
        var expired = await AdminArrange.AcceptAsync(app, second);
        Assert.Contains("no longer valid", await expired.Response.Content.ReadAsStringAsync());
        Assert.False((await AdminArrange.UserAsync(app, "late.larry@example.org")).EmailConfirmed);
    }

    [Fact]
    public async Task A_weak_password_is_refused_on_the_invitation_page_and_the_link_still_works()
    {
        var admin = await AdminArrange.AdminAsync(app);
        var link = await AdminArrange.InviteAsync(app, admin, "weak.wendy@example.org", "Wendy Weak");

        var (_, refused) = await AdminArrange.AcceptAsync(app, link, "short");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("at least 12 characters", await refused.Content.ReadAsStringAsync());
        Assert.False((await AdminArrange.UserAsync(app, "weak.wendy@example.org")).EmailConfirmed);
        Assert.Equal("/account/two-factor/setup", (await AdminArrange.AcceptAsync(app, link)).Response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_last_active_administrator_cannot_be_deactivated_even_by_themself()
    {
        var admin = await AdminArrange.AdminAsync(app);
        var adminId = await Arrange.UserIdAsync(app, AdminArrange.AdminEmail);
        var before = await Arrange.FingerprintAsync(app, includeAudit: true);
        var stamp = (await AdminArrange.UserAsync(app, AdminArrange.AdminEmail)).SecurityStamp;

        var response = await admin.PostFormAsync("/admin/staff", $"/admin/staff/{adminId}/deactivate", []);

        Assert.Equal("/admin/staff", response.Headers.Location?.OriginalString);
        Assert.Contains(StaffRules.LastAdminSelfMessage, WebUtility.HtmlDecode(await admin.GetPageAsync("/admin/staff")));
        var user = await AdminArrange.UserAsync(app, AdminArrange.AdminEmail);
        Assert.True(user.IsActive);
        Assert.Equal(stamp, user.SecurityStamp);
        Assert.Equal(before, await Arrange.FingerprintAsync(app, includeAudit: true));
    }

    [Fact]
    public async Task An_invited_administrator_counts_as_another_active_one_only_once_they_accept()
    {
        // Its own clinic: this test leaves the demo administrator deactivated.
        await using var clinic = new DemoClinicApp();
        var ada = await AdminArrange.AdminAsync(clinic);
        var adaId = await Arrange.UserIdAsync(clinic, AdminArrange.AdminEmail);
        var link = await AdminArrange.InviteAsync(clinic, ada, "pat.pending@example.org", "Pat Pending", Roles.Admin);

        await ada.PostFormAsync("/admin/staff", $"/admin/staff/{adaId}/deactivate", []);
        Assert.True((await AdminArrange.UserAsync(clinic, AdminArrange.AdminEmail)).IsActive);

        var (pat, _) = await AdminArrange.AcceptAsync(clinic, link);
        Assert.Contains("data-testid=\"home-title\">Administration<", await pat.GetPageAsync("/admin")); // an invited administrator
        var patId = await Arrange.UserIdAsync(clinic, "pat.pending@example.org");
        var response = await pat.PostFormAsync("/admin/staff", $"/admin/staff/{adaId}/deactivate", []);
        Assert.Equal("/admin/staff", response.Headers.Location?.OriginalString);
        Assert.False((await AdminArrange.UserAsync(clinic, AdminArrange.AdminEmail)).IsActive);

        // Now Pat is the last one.
        await pat.PostFormAsync("/admin/staff", $"/admin/staff/{patId}/deactivate", []);
        Assert.True((await AdminArrange.UserAsync(clinic, "pat.pending@example.org")).IsActive);
        Assert.Contains(StaffRules.LastAdminSelfMessage, WebUtility.HtmlDecode(await pat.GetPageAsync("/admin/staff")));
    }

    [Fact]
    public async Task A_clinician_with_clients_in_care_cannot_be_deactivated_until_they_are_reassigned()
    {
        var admin = await AdminArrange.AdminAsync(app);
        var rileyId = await Arrange.UserIdAsync(app, Arrange.RileyEmail);

        await admin.PostFormAsync("/admin/staff", $"/admin/staff/{rileyId}/deactivate", []);

        Assert.Contains("Reassign them", WebUtility.HtmlDecode(await admin.GetPageAsync("/admin/staff")));
        Assert.True((await AdminArrange.UserAsync(app, Arrange.RileyEmail)).IsActive);
    }

    [Fact]
    public async Task A_deactivated_clinician_cannot_sign_in_and_a_reactivated_one_can()
    {
        var admin = await AdminArrange.AdminAsync(app);
        var link = await AdminArrange.InviteAsync(app, admin, "dee.activated@example.org", "Dee Activated");
        await AdminArrange.AcceptAsync(app, link);
        var id = await Arrange.UserIdAsync(app, "dee.activated@example.org");

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/admin/staff", $"/admin/staff/{id}/deactivate", [])).StatusCode);
        var page = await admin.GetPageAsync("/admin/staff");
        Assert.Contains("Deactivated", page);

        var refused = await new BrowserSession(app.CreateBrowserLikeClient()).SignInAsync("dee.activated@example.org", AdminArrange.NewPassword);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(AccountController.WrongCredentials, WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/admin/staff", $"/admin/staff/{id}/reactivate", [])).StatusCode);
        var back = await new BrowserSession(app.CreateBrowserLikeClient()).SignInAsync("dee.activated@example.org", AdminArrange.NewPassword);
        Assert.Equal("/clinician", back.Headers.Location?.OriginalString);
        await using var scope = app.SystemScope();
        var actions = await app.SystemDb(scope).AuditEntries.Where(a => a.RecordId == id.ToString()).Select(a => a.Action).ToListAsync();
        Assert.Contains(AuditActions.Deactivate, actions);
        Assert.Contains(AuditActions.Reactivate, actions);
    }

    [Fact]
    public async Task The_staff_list_shows_last_sign_in_and_two_factor_state_but_no_client_names()
    {
        await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var admin = await AdminArrange.AdminAsync(app);

        var page = await admin.GetPageAsync("/admin/staff");

        var morgan = page[page.IndexOf($"data-email=\"{DemoLogins.MorganEmail}\"", StringComparison.Ordinal)..];
        morgan = morgan[..morgan.IndexOf("</tr>", StringComparison.Ordinal)];
        var lastSignIn = morgan[morgan.IndexOf("data-testid=\"last-sign-in\"", StringComparison.Ordinal)..];
        Assert.DoesNotContain(">Never<", lastSignIn[..lastSignIn.IndexOf("</td>", StringComparison.Ordinal)]);
        Assert.Contains("data-testid=\"two-factor\">Off<", morgan);
        Assert.DoesNotContain("Jordan", page); // demo clients' names
        Assert.DoesNotContain("jordan.testperson", page); // clients' sign-ins are not staff
    }

    [Fact]
    public async Task Unknown_ids_and_clients_sign_ins_are_not_found()
    {
        var admin = await AdminArrange.AdminAsync(app);
        var clientUser = await Arrange.UserIdAsync(app, DemoLogins.JordanEmail);

        foreach (var id in new[] { Guid.NewGuid(), clientUser })
            foreach (var action in new[] { "deactivate", "reactivate", "reset-two-factor", "resend-invitation" })
                Assert.Equal(HttpStatusCode.NotFound, (await admin.PostFormAsync("/admin/staff", $"/admin/staff/{id}/{action}", [])).StatusCode);
        Assert.True((await AdminArrange.UserAsync(app, DemoLogins.JordanEmail)).IsActive);
    }
}
