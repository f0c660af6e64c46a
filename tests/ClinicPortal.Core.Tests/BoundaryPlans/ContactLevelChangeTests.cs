using ClinicPortal.Core.BoundaryPlans;

namespace ClinicPortal.Core.Tests.BoundaryPlans;

public sealed class ContactLevelChangeTests
{
    [Theory]
    [InlineData(null, ContactLevel.NoContact, ContactDirection.Started)]
    [InlineData(ContactLevel.NoContact, ContactLevel.Reconnecting, ContactDirection.TowardContact)]
    [InlineData(ContactLevel.Reconnecting, ContactLevel.ContactResumed, ContactDirection.TowardContact)]
    [InlineData(ContactLevel.Reconnecting, ContactLevel.NoContact, ContactDirection.AwayFromContact)]
    [InlineData(ContactLevel.ContactResumed, ContactLevel.LowContact, ContactDirection.AwayFromContact)]
    [InlineData(ContactLevel.LowContact, ContactLevel.StructuredContact, ContactDirection.Sideways)]
    public void Each_move_has_a_direction(ContactLevel? from, ContactLevel to, ContactDirection direction)
    {
        var change = new ContactLevelChange(from, to);

        Assert.Equal(direction, change.Direction);
        Assert.True(change.IsEvent);
    }

    [Fact]
    public void Staying_at_the_same_level_is_not_an_event()
    {
        Assert.False(new ContactLevelChange(ContactLevel.LowContact, ContactLevel.LowContact).IsEvent);
    }

    [Theory]
    [InlineData(null, ContactLevel.NoContact, "Boundary recorded at no contact")]
    [InlineData(ContactLevel.Reconnecting, ContactLevel.NoContact, "Returned to no contact (was reconnecting)")]
    [InlineData(ContactLevel.NoContact, ContactLevel.Reconnecting, "Toward contact: no contact → reconnecting")]
    [InlineData(ContactLevel.ContactResumed, ContactLevel.LowContact, "Stepped back: contact resumed → low contact")]
    [InlineData(ContactLevel.StructuredContact, ContactLevel.LowContact, "Changed: structured contact → low contact")]
    public void Each_move_is_described_in_words(ContactLevel? from, ContactLevel to, string words)
    {
        Assert.Equal(words, new ContactLevelChange(from, to).Describe());
    }

    [Fact]
    public void Every_level_has_an_openness()
    {
        foreach (var level in Enum.GetValues<ContactLevel>())
            Assert.InRange(ContactLevelChange.Openness(level), 0, 3);
        Assert.True(ContactLevelChange.Openness(ContactLevel.NoContact) < ContactLevelChange.Openness(ContactLevel.Reconnecting));
    }
}
