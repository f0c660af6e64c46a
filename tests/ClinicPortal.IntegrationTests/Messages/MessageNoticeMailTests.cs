using System.Net;
using System.Text.RegularExpressions;
using ClinicPortal.Core.ContactSafety;
using ClinicPortal.Core.Email;
using ClinicPortal.Core.Reminders;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.IntegrationTests.ContactSafety;
using ClinicPortal.IntegrationTests.Reminders;
using ClinicPortal.Testing;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.IntegrationTests.Messages;

/// <summary>
/// The notice a clinician's message sends, over real SMTP on loopback: content free, with the sign-in page as its only
/// link, one per unread batch, and never where the client's contact-safety profile forbids email.
/// </summary>
public sealed partial class MessageNoticeMailTests : IDisposable
{
    private readonly SmtpSink _smtp = new();
    private readonly DateTimeOffset _t0 = new(DateTimeOffset.UtcNow.UtcDateTime.Date.AddDays(1).AddHours(13), TimeSpan.Zero);

    public void Dispose() => _smtp.Dispose();

    private IReadOnlyList<ReceivedMail> MailTo(string address) => _smtp.Messages().Where(m => m.To.Contains(address, StringComparison.OrdinalIgnoreCase)).ToList();

    [Fact]
    public async Task A_clinicians_message_sends_one_content_free_notice_whose_only_link_is_the_sign_in_page()
    {
        // This instance sends nothing (batch size 0), so the first notice still waits when the second message is written.
        var clock = new ManualClock(_t0);
        await using var app = new ReminderApp(_smtp, clock, batchSize: 0);
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Nia Notice", "nia.notice@example.org");
        var clinician = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var thread = $"/clinician/clients/{client.Id}/messages";

        Assert.Equal(HttpStatusCode.Redirect, (await clinician.PostFormAsync("/clinician", thread, [new("body", "Your plan for the weekend is in the folder.")])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await clinician.PostFormAsync("/clinician", thread, [new("body", "And one more thing.")])).StatusCode);
        Assert.Single(await MessagesArrange.NoticesAsync(app, client.Id));

        await using var sender = new ReminderApp(_smtp, clock, connectionString: app.ConnectionString); // a second instance that sends
        _ = sender.Services;
        await MessageArrange.WaitForAsync(app, db => db.Set<OutboxMessage>().AnyAsync(m => m.ClientId == client.Id && m.Kind == OutboxKind.NewMessage && m.Status == OutboxStatus.Sent),
            "the new-message notice sent");
        var mail = Assert.Single(MailTo("nia.notice@example.org")); // two messages, one notice while it waited
        Assert.Single(await MessagesArrange.NoticesAsync(app, client.Id));
        Assert.Equal(MessageWording.DefaultAccountSubject, mail.Subject);
        Assert.StartsWith("You have a new message. Sign in to read it.", mail.Body.Trim());
        Assert.Equal(["https://portal.example.test/account/sign-in"], Links().Matches(mail.Body).Select(m => m.Value).ToArray());
        Assert.Empty(DiscreetMessages.RevealingWordsIn(mail.Subject + "\n" + mail.Body));
        foreach (var word in new[] { "plan", "weekend", "folder", "Nia", "Morgan" })
            Assert.DoesNotContain(word, mail.Subject + mail.Body, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task No_notice_reaches_a_client_whose_email_is_not_safe_or_is_watched_and_the_hold_is_recorded(bool watched)
    {
        await using var app = new ReminderApp(_smtp, new ManualClock(_t0));
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Hal Held", "hal.held@example.org");
        await ContactSafetyArrange.ProfileAsync(app, client.Id, watched ? ContactChannels.Email : ContactChannels.Phone, monitored: watched);
        var clinician = await Arrange.SignedInAsync(app, Arrange.MorganEmail);

        Assert.Equal(HttpStatusCode.Redirect, (await clinician.PostFormAsync("/clinician", $"/clinician/clients/{client.Id}/messages", [new("body", "Checking in.")])).StatusCode);

        await MessageArrange.WaitForAsync(app, db => db.Set<OutboxMessage>().AnyAsync(m => m.ClientId == client.Id && m.Kind == OutboxKind.NewMessage && m.Status == OutboxStatus.Held),
            "the notice held");
        var held = Assert.Single(await MessagesArrange.NoticesAsync(app, client.Id));
        Assert.Equal(watched ? HoldReason.MayBeMonitored : HoldReason.EmailNotSafe, held.HoldReason);
        Assert.Empty(MailTo("hal.held@example.org"));
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Links();
}
