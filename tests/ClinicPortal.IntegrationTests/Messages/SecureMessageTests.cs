using System.Net;
using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Messages;
using ClinicPortal.Core.Reminders;
using ClinicPortal.IntegrationTests.ClientCheckIns;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ClinicPortal.IntegrationTests.Messages;

/// <summary>
/// The secure thread between a client and their clinician through the real pages and database: each side's unread
/// count, the caseload signal, the audit of every read and write, the standing notice, and refusals that save nothing.
/// </summary>
public sealed class SecureMessageTests(DemoClinicApp app) : IClassFixture<DemoClinicApp>
{
    private static string Thread(Guid clientId) => $"/clinician/clients/{clientId}/messages";

    [Fact]
    public async Task A_client_and_their_clinician_write_to_each_other_and_each_side_sees_what_is_unread()
    {
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail, "Mae Messenger");
        var client = await CheckInArrange.SignedInAsync(app, login);
        var clinician = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var clinicianId = await Arrange.UserIdAsync(app, Arrange.MorganEmail);

        var empty = await client.GetPageAsync("/client/messages");
        Assert.Contains(WebUtility.HtmlEncode(MessageThread.NotForEmergencies), empty);
        Assert.Contains(MessageThread.ReplyTime(2), empty);
        Assert.Contains("data-testid=\"notice-crisis-line\"", empty);

        var sent = await client.PostFormAsync("/client", "/client/messages", [new("body", "Could we talk about Thursday?")]);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal(1, await MessagesArrange.UnreadOnCaseloadAsync(app, login.Client.Id));

        // The caseload signal reads the summary; the badge links to the thread.
        var caseload = await clinician.GetPageAsync("/clinician?signal=UnreadMessages");
        Assert.Contains("Mae Messenger", caseload);
        Assert.Contains("1 unread", caseload);

        var thread = await clinician.GetPageAsync(Thread(login.Client.Id));
        Assert.Contains("Could we talk about Thursday?", thread);
        Assert.Equal(0, await MessagesArrange.UnreadOnCaseloadAsync(app, login.Client.Id));
        Assert.DoesNotContain("Mae Messenger", await clinician.GetPageAsync("/clinician?signal=UnreadMessages"));

        var reply = await clinician.PostFormAsync("/clinician", Thread(login.Client.Id), [new("body", "Friday at ten works.")]);
        Assert.Equal(HttpStatusCode.Redirect, reply.StatusCode);
        var notice = Assert.Single(await MessagesArrange.NoticesAsync(app, login.Client.Id));
        Assert.Equal(OutboxKind.NewMessage, notice.Kind);

        var home = await client.GetPageAsync("/client");
        Assert.Contains("1 new", home);
        var mine = await client.GetPageAsync("/client/messages");
        Assert.Contains("Friday at ten works.", mine);
        Assert.Contains("Could we talk about Thursday?", mine);
        Assert.DoesNotContain("data-testid=\"unread-messages\"", await client.GetPageAsync("/client"));

        var stored = await MessagesArrange.ThreadAsync(app, login.Client.Id);
        Assert.Equal([(true, login.UserId), (false, clinicianId)], stored.Select(m => (m.FromClient, m.SenderId)));
        Assert.All(stored, m => Assert.NotNull(m.ReadAt));

        // Every read and write is audited, by ids and verbs only.
        var audit = (await Arrange.AuditAsync(app, login.Client.Id)).Where(a => a.RecordType == AuditRecords.SecureMessage).ToList();
        Assert.Contains((AuditActions.Create, AuditRecords.SecureMessage, stored[0].Id.ToString(), (Guid?)login.UserId), audit);
        Assert.Contains((AuditActions.Create, AuditRecords.SecureMessage, stored[1].Id.ToString(), (Guid?)clinicianId), audit);
        Assert.Contains(audit, a => a is { Action: AuditActions.View, RecordId: null } && a.UserId == clinicianId);
        Assert.Equal(2, audit.Count(a => a.Action == AuditActions.View && a.UserId == login.UserId));
    }

    [Theory]
    [InlineData("", "Message is required.")]
    [InlineData("   ", "Message is required.")]
    [InlineData(null, "Message must be at most 4000 characters.")]
    public async Task An_empty_or_over_long_message_is_refused_on_the_page_and_nothing_is_saved(string? body, string expected)
    {
        var text = body ?? new string('x', SecureMessage.BodyMax + 1);
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail, "Rae Refused");
        var client = await CheckInArrange.SignedInAsync(app, login);
        var clinician = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var before = await Arrange.FingerprintAsync(app);

        foreach (var (session, tokenPage, path) in new[] { (client, "/client", "/client/messages"), (clinician, "/clinician", Thread(login.Client.Id)) })
        {
            var response = await session.PostFormAsync(tokenPage, path, [new("body", text)]);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(expected, await response.Content.ReadAsStringAsync());
        }

        Assert.Equal(before, await Arrange.FingerprintAsync(app));
        Assert.Empty(await MessagesArrange.NoticesAsync(app, login.Client.Id));
    }

    [Fact]
    public async Task A_discharged_client_reads_the_thread_but_neither_side_can_add_to_it()
    {
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail, "Dee Discharged");
        await MessagesArrange.MessageAsync(app, login.Client.Id, fromClient: false, DateTimeOffset.UtcNow.AddDays(-1), "Take care of yourself.");
        await CheckInArrange.SqlAsync(app, $"UPDATE clients SET status = {(int)ClientStatus.Discharged} WHERE id = {login.Client.Id}");
        var client = await CheckInArrange.SignedInAsync(app, login);
        var clinician = await Arrange.SignedInAsync(app, Arrange.MorganEmail);

        var page = await client.GetPageAsync("/client/messages");
        Assert.Contains("Take care of yourself.", page);
        Assert.Contains(WebUtility.HtmlEncode(SecureMessage.ClientDischargedMessage), page);
        Assert.DoesNotContain("data-testid=\"message-form\"", page);
        Assert.DoesNotContain("data-testid=\"message-form\"", await clinician.GetPageAsync(Thread(login.Client.Id)));
        var before = await Arrange.FingerprintAsync(app);

        var fromClient = await client.PostFormAsync("/client", "/client/messages", [new("body", "One more thing")]);
        var fromClinician = await clinician.PostFormAsync("/clinician", Thread(login.Client.Id), [new("body", "One more thing")]);

        Assert.Contains(WebUtility.HtmlEncode(SecureMessage.ClientDischargedMessage), await fromClient.Content.ReadAsStringAsync());
        Assert.Contains(WebUtility.HtmlEncode(Client.ReadOnlyMessage), await fromClinician.Content.ReadAsStringAsync());
        Assert.Equal(before, await Arrange.FingerprintAsync(app));
        Assert.Single(await MessagesArrange.ThreadAsync(app, login.Client.Id));
    }

    [Fact]
    public async Task A_client_only_ever_sees_their_own_thread_and_another_clinician_gets_not_found()
    {
        var mine = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail, "Ona Own");
        var theirs = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail, "Tao Theirs");
        await MessagesArrange.MessageAsync(app, theirs.Client.Id, fromClient: false, DateTimeOffset.UtcNow, "Words for Tao only");
        var client = await CheckInArrange.SignedInAsync(app, mine);
        var riley = await Arrange.SignedInAsync(app, Arrange.RileyEmail);

        Assert.DoesNotContain("Words for Tao only", await client.GetPageAsync("/client/messages"));
        var other = await riley.Http.GetAsync(Thread(theirs.Client.Id));
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.DoesNotContain("Words for Tao only", await other.Content.ReadAsStringAsync());
        Assert.Null(Assert.Single(await MessagesArrange.ThreadAsync(app, theirs.Client.Id)).ReadAt); // nobody else's read marks it read
    }

    [Fact]
    public async Task The_database_refuses_to_change_or_remove_a_sent_message()
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail);
        var message = await MessagesArrange.MessageAsync(app, client.Id, fromClient: false, DateTimeOffset.UtcNow, "As sent");

        var edit = await Assert.ThrowsAsync<PostgresException>(() => CheckInArrange.SqlAsync(app, $"UPDATE secure_messages SET body = 'Rewritten' WHERE id = {message.Id}"));
        var delete = await Assert.ThrowsAsync<PostgresException>(() => CheckInArrange.SqlAsync(app, $"DELETE FROM secure_messages WHERE id = {message.Id}"));
        await MessagesArrange.MarkReadAsync(app, message.Id, DateTimeOffset.UtcNow); // reading is the one change allowed

        Assert.Contains("cannot be changed", edit.MessageText);
        Assert.Contains("stay in the record", delete.MessageText);
        Assert.Equal("As sent", Assert.Single(await MessagesArrange.ThreadAsync(app, client.Id)).Body);
    }
}
