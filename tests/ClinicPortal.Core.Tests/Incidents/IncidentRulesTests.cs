using ClinicPortal.Core.CheckIns;
using ClinicPortal.Core.Common;
using ClinicPortal.Core.Incidents;

namespace ClinicPortal.Core.Tests.Incidents;

public sealed class IncidentRulesTests
{
    private static readonly Guid ClientId = Guid.NewGuid(), ClientUser = Guid.NewGuid(), ClinicianUser = Guid.NewGuid();
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    private static IncidentDetails Details(DateTimeOffset? at = null, string? account = "They said: I know where you live now.",
        Guid? boundary = null, Guid? support = null, ContactChannel? channel = ContactChannel.Text) =>
        new(at ?? Now.AddHours(-2), "Outside work", boundary, support, channel, account, null, null, null, null, null);

    private static IncidentEntry Written(IncidentAuthor by = IncidentAuthor.Client, bool isPrivate = false) =>
        IncidentEntry.Write(ClientId, Details(), isPrivate, by, by == IncidentAuthor.Client ? ClientUser : ClinicianUser, Now);

    [Fact]
    public void An_entry_keeps_when_it_happened_apart_from_when_it_was_written_in_utc()
    {
        var entry = IncidentEntry.Write(ClientId, Details(new DateTimeOffset(2026, 11, 30, 3, 15, 0, TimeSpan.FromHours(-5))), false,
            IncidentAuthor.Client, ClientUser, Now);

        Assert.Equal(new DateTimeOffset(2026, 11, 30, 8, 15, 0, TimeSpan.Zero), entry.OccurredAt);
        Assert.Equal(TimeSpan.Zero, entry.OccurredAt.Offset);
        Assert.Equal(Now, entry.WrittenAt);
        Assert.Null(entry.CorrectedAt);
        Assert.True(entry.IsIntact);
    }

    [Fact]
    public void When_it_happened_may_not_be_in_the_future_beyond_a_small_clock_tolerance()
    {
        Assert.Equal(Now.AddMinutes(1), IncidentEntry.Write(ClientId, Details(Now.AddMinutes(1)), false, IncidentAuthor.Client, ClientUser, Now).OccurredAt);
        var refused = Assert.Throws<DomainRuleException>(() => IncidentEntry.Write(ClientId, Details(Now.Add(IncidentRules.ClockTolerance).AddSeconds(1)), false, IncidentAuthor.Client, ClientUser, Now));
        Assert.Equal(IncidentRules.FutureMessage, refused.Message);
        Assert.Equal(IncidentRules.WhenMessage, Assert.Throws<DomainRuleException>(() =>
            IncidentEntry.Write(ClientId, Details() with { OccurredAt = null }, false, IncidentAuthor.Client, ClientUser, Now)).Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void The_account_is_required(string? account) =>
        Assert.Throws<DomainRuleException>(() => IncidentEntry.Write(ClientId, Details(account: account), false, IncidentAuthor.Client, ClientUser, Now));

    [Fact]
    public void Every_field_has_a_limit_named_on_the_page()
    {
        var longAccount = Assert.Throws<DomainRuleException>(() =>
            IncidentEntry.Write(ClientId, Details(account: new string('a', IncidentRules.AccountMax + 1)), false, IncidentAuthor.Client, ClientUser, Now));
        Assert.Contains($"at most {IncidentRules.AccountMax}", longAccount.Message);
        Assert.Equal(IncidentRules.AccountMax, IncidentEntry.Write(ClientId, Details(account: new string('a', IncidentRules.AccountMax)), false, IncidentAuthor.Client, ClientUser, Now).Account.Length);
        foreach (var tooLong in new[]
        {
            Details() with { Place = new string('p', IncidentRules.PlaceMax + 1) },
            Details() with { Witnesses = new string('w', IncidentRules.WitnessesMax + 1) },
            Details() with { PoliceReportNumber = new string('1', IncidentRules.PoliceReportNumberMax + 1) },
            Details() with { PoliceOfficer = new string('o', IncidentRules.PoliceOfficerMax + 1) },
            Details() with { PoliceBadge = new string('b', IncidentRules.PoliceBadgeMax + 1) },
            Details() with { Feeling = new string('f', IncidentRules.FeelingMax + 1) },
        })
            Assert.Contains("at most", Assert.Throws<DomainRuleException>(() => IncidentEntry.Write(ClientId, tooLong, false, IncidentAuthor.Client, ClientUser, Now)).Message);
    }

    [Fact]
    public void At_most_one_person_is_named_and_the_channel_is_one_of_the_list()
    {
        Assert.Equal(IncidentRules.OnePersonMessage, Assert.Throws<DomainRuleException>(() =>
            IncidentEntry.Write(ClientId, Details(boundary: Guid.NewGuid(), support: Guid.NewGuid()), false, IncidentAuthor.Client, ClientUser, Now)).Message);
        Assert.Equal(IncidentRules.ChannelMessage, Assert.Throws<DomainRuleException>(() =>
            IncidentEntry.Write(ClientId, Details(channel: (ContactChannel)42), false, IncidentAuthor.Client, ClientUser, Now)).Message);
        Assert.Equal(IncidentRules.ChannelMessage, Assert.Throws<DomainRuleException>(() =>
            IncidentEntry.Write(ClientId, Details() with { Channel = null }, false, IncidentAuthor.Client, ClientUser, Now)).Message);
        var support = Guid.NewGuid();
        Assert.Equal(support, IncidentEntry.Write(ClientId, Details(support: support), false, IncidentAuthor.Client, ClientUser, Now).SupportPersonId);
    }

    [Fact]
    public void Only_the_client_keeps_an_entry_private()
    {
        Assert.True(Written(isPrivate: true).IsPrivate);
        Assert.Equal(IncidentRules.ClinicianPrivateMessage,
            Assert.Throws<DomainRuleException>(() => Written(IncidentAuthor.Clinician, isPrivate: true)).Message);
    }

    [Fact]
    public void The_author_corrects_inside_the_window_and_afterwards_is_told_to_add_an_addendum()
    {
        var entry = Written();
        var before = entry.ContentHash;
        var lastMinute = entry.CorrectableUntil.AddSeconds(-1);

        entry.Correct(Details(account: "They said: I know where you work now."), false, ClientUser, lastMinute);

        Assert.Equal("They said: I know where you work now.", entry.Account);
        Assert.Equal(lastMinute, entry.CorrectedAt);
        Assert.NotEqual(before, entry.ContentHash);
        Assert.True(entry.IsIntact);
        Assert.Equal(Now + IncidentRules.CorrectionWindow, entry.CorrectableUntil);
        var late = Assert.Throws<DomainRuleException>(() => entry.Correct(Details(), false, ClientUser, entry.CorrectableUntil));
        Assert.Equal(IncidentRules.WindowClosedMessage, late.Message);
        Assert.Contains("addendum", late.Message);
        Assert.Equal(IncidentRules.NotAuthorMessage, Assert.Throws<DomainRuleException>(() => entry.Correct(Details(), false, ClinicianUser, Now.AddMinutes(1))).Message);
        Assert.False(entry.CanCorrect(ClinicianUser, Now.AddMinutes(1)));
        Assert.True(entry.CanCorrect(ClientUser, Now.AddMinutes(1)));
    }

    [Fact]
    public void A_refused_correction_changes_nothing()
    {
        var entry = Written();
        var (hash, account) = (entry.ContentHash, entry.Account);

        Assert.Throws<DomainRuleException>(() => entry.Correct(Details(account: "new words") with { OccurredAt = Now.AddHours(1) }, false, ClientUser, Now.AddMinutes(5)));

        Assert.Equal((hash, account, (DateTimeOffset?)null), (entry.ContentHash, entry.Account, entry.CorrectedAt));
    }

    [Fact]
    public void An_addendum_names_its_entry_client_author_and_time_and_needs_text()
    {
        var entry = Written();
        var addendum = entry.AddAddendum("  The officer called back the next day.  ", IncidentAuthor.Clinician, ClinicianUser, Now.AddDays(2));

        Assert.Equal((entry.Id, ClientId, "The officer called back the next day.", IncidentAuthor.Clinician, ClinicianUser, Now.AddDays(2)),
            (addendum.IncidentId, addendum.ClientId, addendum.Text, addendum.WrittenBy, addendum.WrittenByUserId, addendum.WrittenAt));
        Assert.True(addendum.IsIntact);
        Assert.Throws<DomainRuleException>(() => entry.AddAddendum(" ", IncidentAuthor.Client, ClientUser, Now));
        Assert.Throws<DomainRuleException>(() => entry.AddAddendum(new string('x', IncidentRules.AddendumMax + 1), IncidentAuthor.Client, ClientUser, Now));
    }
}
