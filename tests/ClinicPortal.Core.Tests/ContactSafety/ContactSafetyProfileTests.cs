using ClinicPortal.Core.Common;
using ClinicPortal.Core.ContactSafety;

namespace ClinicPortal.Core.Tests.ContactSafety;

public sealed class ContactSafetyProfileTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 15, 0, 0, TimeSpan.Zero);
    private static readonly Guid Clinician = Guid.NewGuid(), ClientUser = Guid.NewGuid();

    private static ContactSafetyProfile Profile(ContactChannels channels = ContactChannels.Email | ContactChannels.Phone, bool monitored = false,
        SafeTimes? times = null, params string?[] never) =>
        ContactSafetyProfile.Create(Guid.NewGuid(), new ContactSafetyDetails(channels, monitored, times, never, "Use the work number."), Clinician, Now);

    [Fact]
    public void The_clinician_records_channels_times_people_and_a_note_trimmed_and_without_repeats()
    {
        var profile = Profile(times: SafeTimes.Create(SafeTimes.Weekdays, new TimeOnly(9, 0, 30), new TimeOnly(17, 0)),
            never: ["  Dana (sister) ", "dana (SISTER)", "", null, "Sam"]);

        Assert.Equal(ContactChannels.Email | ContactChannels.Phone, profile.SafeChannels);
        Assert.Equal(["Dana (sister)", "Sam"], profile.NeverContact);
        Assert.Equal(new TimeOnly(9, 0), profile.SafeFrom);
        Assert.Equal("Weekdays, 09:00–17:00", profile.SafeTimes!.Describe());
        Assert.Equal("Use the work number.", profile.Note);
        Assert.Equal(Clinician, profile.UpdatedById);
    }

    [Theory]
    [InlineData(8)]
    [InlineData(-1)]
    [InlineData(1 | 16)]
    public void Unknown_channels_are_refused(int channels)
    {
        var refused = Assert.Throws<DomainRuleException>(() => Profile((ContactChannels)channels));
        Assert.Equal("Choose safe ways of contact from the list.", refused.Message);
    }

    [Fact]
    public void Too_many_people_a_too_long_name_or_note_are_refused()
    {
        Assert.Contains("at most 10", Assert.Throws<DomainRuleException>(() => Profile(never: Enumerable.Range(0, 11).Select(i => $"P{i}").ToArray())).Message);
        Assert.Contains("at most 120", Assert.Throws<DomainRuleException>(() => Profile(never: new string('x', 121))).Message);
        Assert.Throws<DomainRuleException>(() => ContactSafetyProfile.Create(Guid.NewGuid(),
            new ContactSafetyDetails(ContactChannels.Email, false, null, [], new string('n', ContactSafetyProfile.NoteMax + 1)), Clinician, Now));
    }

    [Theory]
    [InlineData(0, 9, 17, "Choose at least one day")]
    [InlineData(128, 9, 17, "Choose at least one day")]
    [InlineData(SafeTimes.AllDays, 9, 9, "different times")]
    public void Safe_times_need_a_day_and_two_different_times(int days, int from, int until, string message) =>
        Assert.Contains(message, Assert.Throws<DomainRuleException>(() => SafeTimes.Create(days, new TimeOnly(from, 0), new TimeOnly(until, 0))).Message);

    [Fact]
    public void Safe_times_need_both_ends() =>
        Assert.Throws<DomainRuleException>(() => SafeTimes.Create(SafeTimes.AllDays, new TimeOnly(9, 0), null));

    [Fact]
    public void The_client_can_turn_a_channel_off_and_say_their_phone_may_be_watched()
    {
        var profile = Profile();

        Assert.True(profile.TightenByClient(ContactChannels.Phone, mayBeMonitored: false, ClientUser, Now.AddHours(1)));
        Assert.True(profile.TightenByClient(ContactChannels.Phone, mayBeMonitored: true, ClientUser, Now.AddHours(2)));
        Assert.False(profile.TightenByClient(ContactChannels.Phone, mayBeMonitored: true, ClientUser, Now.AddHours(3))); // nothing new

        Assert.Equal(ContactChannels.Phone, profile.SafeChannels);
        Assert.True(profile.MayBeMonitored);
        Assert.Equal(ClientUser, profile.UpdatedById);
        Assert.Equal(Now.AddHours(2), profile.UpdatedAt);
    }

    [Theory]
    [InlineData(ContactChannels.Email | ContactChannels.Phone | ContactChannels.Text, false)] // adds two channels
    [InlineData(ContactChannels.Email, false)]                                                 // swaps one channel for another
    public void The_client_can_never_turn_a_channel_back_on(ContactChannels wanted, bool monitored)
    {
        var profile = Profile(ContactChannels.Phone);
        var before = (profile.SafeChannels, profile.MayBeMonitored, profile.UpdatedAt);

        var refused = Assert.Throws<DomainRuleException>(() => profile.TightenByClient(wanted, monitored, ClientUser, Now.AddHours(1)));

        Assert.Equal(ContactSafetyProfile.LoosenMessage, refused.Message);
        Assert.Equal(before, (profile.SafeChannels, profile.MayBeMonitored, profile.UpdatedAt));
    }

    [Fact]
    public void The_client_can_not_take_back_that_their_phone_may_be_watched()
    {
        var profile = Profile(monitored: true);
        Assert.Throws<DomainRuleException>(() => profile.TightenByClient(profile.SafeChannels, mayBeMonitored: false, ClientUser, Now));
        Assert.True(profile.MayBeMonitored);
    }

    [Fact]
    public void The_clinician_may_loosen_again()
    {
        var profile = Profile(ContactChannels.None, monitored: true);
        profile.Update(new ContactSafetyDetails(ContactChannels.Email, false, null, [], null), Clinician, Now.AddDays(1));
        Assert.Equal(ContactChannels.Email, profile.SafeChannels);
        Assert.False(profile.MayBeMonitored);
        Assert.Null(profile.SafeTimes);
    }

    [Fact]
    public void Channel_labels_name_each_channel_once() =>
        Assert.Equal("Email, Phone calls and voicemail", ContactChannelLabels.Of(ContactChannels.Email | ContactChannels.Phone));
}
