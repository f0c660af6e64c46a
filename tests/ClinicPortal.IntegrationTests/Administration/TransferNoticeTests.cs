using System.Net;
using System.Text.RegularExpressions;
using ClinicPortal.Core.Accounts;
using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.Email;
using ClinicPortal.Core.Reminders;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.IntegrationTests.ContactSafety;
using ClinicPortal.IntegrationTests.Reminders;
using ClinicPortal.Testing;
using ClinicPortal.Web.Demo;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.IntegrationTests.Administration;

/// <summary>
/// An administrator's reach, over real SMTP on loopback: a transfer tells the clinician the client left (content free), and a
/// transfer to an account invited within seven days tells every other active administrator, with an audit row.
/// </summary>
public sealed partial class TransferNoticeTests : IDisposable
{
    private readonly SmtpSink _smtp = new();

    public void Dispose() => _smtp.Dispose();

    [Fact]
    public async Task A_transfer_tells_the_previous_clinician_and_one_to_a_freshly_invited_account_tells_the_other_administrators()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var app = new ReminderApp(_smtp, clock);
        var secondAdmin = "second.admin@example.org";
        await AdminArrange.CreateStaffAsync(app, secondAdmin, Roles.Admin);
        var admin = await AdminArrange.AdminAsync(app);

        // An ordinary transfer: Morgan hears that a client left, and nothing more.
        var first = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Quill Quietname", "quill@example.org");
        await TransferAsync(admin, first.Id, await Arrange.UserIdAsync(app, Arrange.RileyEmail), "Moving to evening hours");
        var notice = Assert.Single(await MailAsync(app, first.Id, OutboxKind.TransferNotice, 1), m => m.To.Contains(DemoLogins.MorganEmail));
        Assert.Equal(MessageWording.DefaultAccountSubject, notice.Subject);
        Assert.StartsWith("A client has been transferred from your caseload. Sign in to see it.", notice.Body.Trim());
        Assert.Equal(["https://portal.example.test/account/sign-in"], Links().Matches(notice.Body).Select(m => m.Value).ToArray());
        foreach (var word in new[] { "Quill", "Quietname", "evening", "Riley", first.Id.ToString() })
            Assert.DoesNotContain(word, notice.Subject + notice.Body, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(DiscreetMessages.RevealingWordsIn(notice.Subject + "\n" + notice.Body));
        Assert.DoesNotContain(await Arrange.AuditAsync(app, first.Id), a => a.Action == AuditActions.NotifyAdministrators);

        // The administrator invites a mailbox as a clinician, and transfers a client to it the same week.
        var own = "admins.own.mailbox@example.org";
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/admin/staff/invite", "/admin/staff/invite",
            [new("Email", own), new("DisplayName", "Ada Again"), new("Role", Roles.Clinician)])).StatusCode);
        var (_, accepted) = await AdminArrange.AcceptAsync(app, InvitationLink(own));
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        clock.Advance(TimeSpan.FromDays(6));
        admin = await AdminArrange.AdminAsync(app);
        var second = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Wren Watched", "wren@example.org");
        var ownId = await Arrange.UserIdAsync(app, own);
        await TransferAsync(admin, second.Id, ownId, "Covering while Morgan is away");

        var reach = await MailAsync(app, second.Id, OutboxKind.ReachNotice, 1);
        var toSecond = Assert.Single(reach);
        Assert.Contains(secondAdmin, toSecond.To);
        Assert.StartsWith("A client was transferred to an account invited in the last 7 days. Sign in to see the audit log.", toSecond.Body.Trim());
        foreach (var word in new[] { "Wren", "Ada", "Covering", own })
            Assert.DoesNotContain(word, toSecond.Subject + toSecond.Body, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(DiscreetMessages.RevealingWordsIn(toSecond.Subject + "\n" + toSecond.Body));
        // Every other active administrator, and not the one who did it (who may get other mail meanwhile, such as escalated alerts).
        Assert.Equal([await Arrange.UserIdAsync(app, secondAdmin)], (await RowsAsync(app, second.Id, OutboxKind.ReachNotice)).Select(r => r.RecipientUserId));
        var flagged = Assert.Single(await Arrange.AuditAsync(app, second.Id), a => a.Action == AuditActions.NotifyAdministrators);
        Assert.Equal(AuditRecords.ClientTransfer, flagged.RecordType);
        Assert.Equal(await Arrange.UserIdAsync(app, DemoLogins.AdminEmail), flagged.UserId);

        // Past the seven days, a transfer to the same account is an ordinary one again.
        clock.Advance(TimeSpan.FromDays(2));
        admin = await AdminArrange.AdminAsync(app);
        var third = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Yara Later", "yara@example.org");
        await TransferAsync(admin, third.Id, ownId, "Settled in now");
        await MailAsync(app, third.Id, OutboxKind.TransferNotice, 1);
        Assert.Empty(await RowsAsync(app, third.Id, OutboxKind.ReachNotice));
        Assert.DoesNotContain(await Arrange.AuditAsync(app, third.Id), a => a.Action == AuditActions.NotifyAdministrators);
    }

    private static async Task TransferAsync(BrowserSession admin, Guid clientId, Guid to, string reason)
    {
        var response = await admin.PostFormAsync($"/admin/clients/{clientId}/transfer", $"/admin/clients/{clientId}/assign",
            [new("clinicianId", to.ToString()), new("reason", reason)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>Waits until the client's notices of this kind are sent (there are <paramref name="count"/>), then returns the mail they became.</summary>
    private async Task<IReadOnlyList<ReceivedMail>> MailAsync(ClinicAppFactory app, Guid clientId, OutboxKind kind, int count)
    {
        await MessageArrange.WaitForAsync(app, async db => await db.Set<OutboxMessage>().CountAsync(m => m.ClientId == clientId && m.Kind == kind && m.Status == OutboxStatus.Sent) == count,
            $"{count} {kind} sent");
        var rows = await RowsAsync(app, clientId, kind);
        Assert.Equal(count, rows.Count);
        var ids = rows.Select(r => DiscreetMessages.OpaqueId(r.Key)).ToHashSet();
        var mail = await _smtp.WaitForAsync(_smtp.Count(), TimeSpan.FromSeconds(5));
        return mail.Where(m => ids.Any(id => m.MessageId.Contains(id))).ToList();
    }

    private static async Task<List<OutboxMessage>> RowsAsync(ClinicAppFactory app, Guid clientId, OutboxKind kind)
    {
        await using var scope = app.SystemScope();
        return await app.SystemDb(scope).Set<OutboxMessage>().Where(m => m.ClientId == clientId && m.Kind == kind).ToListAsync();
    }

    private string InvitationLink(string email)
    {
        var mail = _smtp.Messages().Last(m => m.To.Contains(email));
        var match = StaffLink().Match(mail.Body);
        Assert.True(match.Success, "No staff invitation link in the message");
        return new Uri(match.Value).PathAndQuery;
    }

    [GeneratedRegex(@"https?://[^\s/]+/account/staff-invitation\?token=[A-Za-z0-9_\-]+")]
    private static partial Regex StaffLink();

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Links();
}
