using ClinicPortal.Core.Email;
using ClinicPortal.Core.Reminders;

namespace ClinicPortal.Core.Tests.Reminders;

public sealed class DeliveryFailureTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Base = TimeSpan.FromMinutes(1);

    [Fact]
    public void A_transient_failure_is_retried_after_the_backoff()
    {
        var decision = ReminderPlan.AfterFailure(DeliveryFailure.Transient, attempts: 3, maxAttempts: 6, Base, Now, "SMTP 421: busy");
        Assert.Equal(new RetryDecision(OutboxStatus.Pending, Now.AddMinutes(4), "SMTP 421: busy"), decision);
    }

    [Fact]
    public void A_transient_failure_on_the_last_attempt_fails_the_message_saying_so()
    {
        var decision = ReminderPlan.AfterFailure(DeliveryFailure.Transient, attempts: 6, maxAttempts: 6, Base, Now, "timed out");
        Assert.Equal(new RetryDecision(OutboxStatus.Failed, null, "Gave up after 6 attempts. timed out"), decision);
    }

    [Fact]
    public void A_permanent_failure_fails_the_message_at_the_first_attempt()
    {
        var decision = ReminderPlan.AfterFailure(DeliveryFailure.Permanent, attempts: 1, maxAttempts: 6, Base, Now, "SMTP 550: no such mailbox");
        Assert.Equal(new RetryDecision(OutboxStatus.Failed, null, "SMTP 550: no such mailbox"), decision);
    }

    [Theory]
    [InlineData("SMTP 550: 5.1.1 <jane.doe@example.org>: Recipient address rejected", "SMTP 550: 5.1.1 <j***@example.org>: Recipient address rejected")]
    [InlineData("to jane@example.org, cc bob@example.net", "to j***@example.org, cc b***@example.net")]
    [InlineData("The SMTP server 127.0.0.1:25 cannot be reached (ConnectionRefused).", "The SMTP server 127.0.0.1:25 cannot be reached (ConnectionRefused).")]
    public void Addresses_in_a_reason_are_masked(string reason, string shown)
    {
        Assert.Equal(shown, ReminderPlan.MaskEmailsIn(reason));
        Assert.Equal(shown, new MailDeliveryException(DeliveryFailure.Permanent, reason).Message);
    }
}
