using ClinicPortal.Core.Email;
using ClinicPortal.Infrastructure.Email;
using ClinicPortal.Testing;
using Microsoft.Extensions.Options;

namespace ClinicPortal.IntegrationTests.Email;

/// <summary>The MailKit sender against the real SMTP sink, and the pickup folder, without the app around them.</summary>
public sealed class MailSenderTests : IDisposable
{
    private readonly SmtpSink _smtp = new();

    public void Dispose() => _smtp.Dispose();

    private SmtpEmailSender Sender(Action<MailOptions>? change = null)
    {
        var o = new MailOptions { SmtpHost = "127.0.0.1", SmtpPort = _smtp.Port, ConnectTimeoutSeconds = 5, CommandTimeoutSeconds = 5 };
        change?.Invoke(o);
        return new SmtpEmailSender(Options.Create(o));
    }

    [Fact]
    public async Task A_batch_sends_several_messages_with_stable_message_ids()
    {
        await using (var batch = Sender().StartBatch())
            for (var i = 0; i < 3; i++)
                await batch.SendAsync(new EmailMessage($"batch{i}@example.org", "Appointment reminder", $"Line {i} = plain text", $"session:abc:{i}"));

        var mail = _smtp.Messages();
        Assert.Equal(["batch0@example.org", "batch1@example.org", "batch2@example.org"], mail.Select(m => m.To).Order());
        Assert.Contains(mail, m => m.MessageId == "session.abc.1@clinicportal.local" && m.Body.Trim() == "Line 1 = plain text");
    }

    [Fact]
    public async Task A_refused_recipient_is_permanent_with_a_masked_reason_and_the_batch_goes_on()
    {
        await using var batch = Sender().StartBatch();
        var refused = await Assert.ThrowsAsync<MailDeliveryException>(() =>
            batch.SendAsync(new EmailMessage($"{SmtpSink.RefusedPrefix}.someone@example.org", "Appointment reminder", "Hello")));
        await batch.SendAsync(new EmailMessage("after@example.org", "Appointment reminder", "Hello"));

        Assert.Equal(DeliveryFailure.Permanent, refused.Failure);
        Assert.StartsWith("SMTP 550", refused.Message);
        Assert.Contains("r***@example.org", refused.Message);
        Assert.DoesNotContain("someone", refused.Message);
        Assert.Equal("after@example.org", Assert.Single(_smtp.Messages()).To);
    }

    [Fact]
    public async Task A_server_that_is_down_is_transient()
    {
        _smtp.Stop();
        var down = await Assert.ThrowsAsync<MailDeliveryException>(() =>
            Sender().SendAsync(new EmailMessage("someone@example.org", "Appointment reminder", "Hello")));
        Assert.True(down.IsTransient);
        Assert.Contains($"127.0.0.1:{_smtp.Port}", down.Message);
    }

    [Fact]
    public async Task Starttls_required_from_a_server_without_it_is_refused_before_anything_is_sent()
    {
        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() =>
            Sender(o => o.Tls = SmtpTls.StartTls).SendAsync(new EmailMessage("someone@example.org", "Appointment reminder", "Hello")));
        Assert.True(failure.IsTransient);
        Assert.Contains("STARTTLS", failure.Message);
        Assert.Equal(0, _smtp.Count());
    }

    [Fact]
    public async Task Without_a_server_messages_go_to_a_pickup_folder_only_the_app_user_can_read()
    {
        var folder = Path.Combine(TestCluster.CreateScratchDirectory(), "mail");
        await Sender(o => (o.SmtpHost, o.PickupDirectory) = (null, folder))
            .SendAsync(new EmailMessage("pickup@example.org", "Appointment reminder", "Hello", "prompt:1:2"));

        var message = Assert.Single(ReceivedMail.InFolder(folder, "*.eml"));
        Assert.Equal(("pickup@example.org", "prompt.1.2@clinicportal.local"), (message.To, message.MessageId));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(message.File));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
        Assert.Empty(Directory.GetFiles(folder, "*.tmp"));
    }

    [Theory]
    [InlineData("EnableSsl", "ClinicPortal:Mail:EnableSsl is no longer read")]
    [InlineData("PasswordInClear", "the password would cross the network in clear text")]
    [InlineData("From", "From is not a valid address")]
    public void Settings_that_cannot_work_are_refused_with_the_reason(string what, string reason)
    {
        var o = new MailOptions { SmtpHost = "mail.example.org" };
        if (what == "EnableSsl") o.EnableSsl = true;
        if (what == "PasswordInClear") (o.UserName, o.Password) = ("portal", "secret");
        if (what == "From") o.From = "not an address";

        var result = new MailOptionsValidation().Validate(null, o);

        Assert.True(result.Failed);
        Assert.Contains(reason, result.FailureMessage);
        Assert.True(new MailOptionsValidation().Validate(null, new MailOptions { SmtpHost = "mail.example.org", Tls = SmtpTls.StartTls, UserName = "portal" }).Succeeded);
    }
}
