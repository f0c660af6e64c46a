using ClinicPortal.Core.Common;
using ClinicPortal.Core.Messages;

namespace ClinicPortal.Core.Tests.Messages;

public sealed class SecureMessageTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 15, 0, 0, TimeSpan.Zero);
    private static readonly Guid ClientId = Guid.NewGuid(), UserId = Guid.NewGuid();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n ")]
    public void An_empty_message_is_refused(string? body)
    {
        var e = Assert.Throws<DomainRuleException>(() => SecureMessage.FromTheClient(ClientId, false, UserId, body, Now));
        Assert.Equal("Message is required.", e.Message);
    }

    [Fact]
    public void An_over_long_message_is_refused_and_one_at_the_limit_is_kept_whole()
    {
        var e = Assert.Throws<DomainRuleException>(() => SecureMessage.FromTheClient(ClientId, false, UserId, new string('a', SecureMessage.BodyMax + 1), Now));
        Assert.Equal($"Message must be at most {SecureMessage.BodyMax} characters.", e.Message);
        Assert.Equal(SecureMessage.BodyMax, SecureMessage.FromTheClient(ClientId, false, UserId, new string('a', SecureMessage.BodyMax), Now).Body.Length);
    }

    [Fact]
    public void A_discharged_client_cannot_send()
    {
        var e = Assert.Throws<DomainRuleException>(() => SecureMessage.FromTheClient(ClientId, true, UserId, "Hello", Now));
        Assert.Equal(SecureMessage.ClientDischargedMessage, e.Message);
    }

    [Fact]
    public void A_message_is_trimmed_unread_and_says_who_wrote_it()
    {
        var m = SecureMessage.FromTheClient(ClientId, false, UserId, "  Can we talk on Thursday?  ", Now);
        Assert.Equal(("Can we talk on Thursday?", true, UserId, ClientId, Now), (m.Body, m.FromClient, m.SenderId, m.ClientId, m.SentAt));
        Assert.Null(m.ReadAt);
    }

    [Fact]
    public void Unread_for_each_side_is_what_the_other_side_sent_and_nobody_opened()
    {
        var fromClient = SecureMessage.FromTheClient(ClientId, false, UserId, "a", Now);
        var otherClient = SecureMessage.FromTheClient(Guid.NewGuid(), false, UserId, "b", Now);
        var byClinician = MessageThread.UnreadByClinician(ClientId).Compile();
        var byClient = MessageThread.UnreadByClient(ClientId).Compile();

        Assert.True(byClinician(fromClient));
        Assert.False(byClient(fromClient));
        Assert.False(byClinician(otherClient));
    }

    [Theory]
    [InlineData(0, "the same working day")]
    [InlineData(1, "within 1 working day.")]
    [InlineData(3, "within 3 working days.")]
    public void The_reply_time_reads_naturally(int days, string expected) => Assert.Contains(expected, MessageThread.ReplyTime(days));
}
