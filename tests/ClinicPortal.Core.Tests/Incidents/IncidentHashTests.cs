using ClinicPortal.Core.CheckIns;
using ClinicPortal.Core.Incidents;

namespace ClinicPortal.Core.Tests.Incidents;

public sealed class IncidentHashTests
{
    private static readonly EntryContent Entry = new(
        Guid.Parse("00000000-0000-0000-0000-000000000001"), Guid.Parse("00000000-0000-0000-0000-000000000002"),
        new DateTimeOffset(2026, 11, 30, 3, 15, 0, TimeSpan.FromHours(-5)).AddTicks(1234567), "Outside work",
        Guid.Parse("00000000-0000-0000-0000-000000000003"), null, ContactChannel.Text, "\"I know where you are\"",
        null, null, null, null, "shaken", IncidentAuthor.Client, Guid.Parse("00000000-0000-0000-0000-000000000004"),
        new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void The_canonical_form_names_each_field_with_its_length_in_utc_to_the_microsecond_and_its_hash_never_changes()
    {
        const string canonical = """
            incident-entry/1
            id:36:00000000-0000-0000-0000-000000000001
            client:36:00000000-0000-0000-0000-000000000002
            occurred-at:27:2026-11-30T08:15:00.123456Z
            place:12:Outside work
            boundary:36:00000000-0000-0000-0000-000000000003
            support-person:-
            channel:4:Text
            account:22:"I know where you are"
            witnesses:-
            police-report:-
            police-officer:-
            police-badge:-
            feeling:6:shaken
            written-by:6:Client
            written-by-user:36:00000000-0000-0000-0000-000000000004
            written-at:27:2026-11-30T09:00:00.000000Z

            """;

        Assert.Equal(canonical.ReplaceLineEndings("\n"), IncidentHash.Canonical(Entry));
        // Pinned: a hash stored years ago must still verify, so this value may never change for this content.
        Assert.Equal("4d935189f143532ed780083ec077f81119b694adc8ac372bfe0e95185534079a", IncidentHash.Of(Entry));
        Assert.Equal(IncidentHash.Of(Entry), IncidentHash.Of(Entry with { }));
    }

    public static TheoryData<string, EntryContent> EachContentField => new()
    {
        { "id", Entry with { Id = Guid.NewGuid() } },
        { "client", Entry with { ClientId = Guid.NewGuid() } },
        { "occurred-at", Entry with { OccurredAt = Entry.OccurredAt.AddMinutes(1) } },
        { "occurred-at by a microsecond", Entry with { OccurredAt = Entry.OccurredAt.AddTicks(10) } },
        { "place", Entry with { Place = "Outside home" } },
        { "place removed", Entry with { Place = null } },
        { "boundary", Entry with { BoundaryId = null } },
        { "support person", Entry with { BoundaryId = null, SupportPersonId = Entry.BoundaryId } },
        { "channel", Entry with { Channel = ContactChannel.Call } },
        { "account", Entry with { Account = "\"I know where you are.\"" } },
        { "witnesses", Entry with { Witnesses = "A neighbour" } },
        { "police report", Entry with { PoliceReportNumber = "2026-1" } },
        { "officer", Entry with { PoliceOfficer = "Officer A" } },
        { "badge", Entry with { PoliceBadge = "1" } },
        { "feeling", Entry with { Feeling = "calm" } },
        { "written by", Entry with { WrittenBy = IncidentAuthor.Clinician } },
        { "written by user", Entry with { WrittenByUserId = Guid.NewGuid() } },
        { "written at", Entry with { WrittenAt = Entry.WrittenAt.AddSeconds(1) } },
        // A value moved into the next field is another text: lengths keep fields apart.
        { "value moved between fields", Entry with { Place = null, Witnesses = "Outside work" } },
        { "empty text is not absent", Entry with { Witnesses = "" } },
    };

    [Theory]
    [MemberData(nameof(EachContentField))]
    public void The_hash_changes_when_any_content_field_changes(string field, EntryContent changed) =>
        Assert.True(IncidentHash.Of(changed) != IncidentHash.Of(Entry), $"changing {field} kept the hash");

    [Fact]
    public void Settings_that_are_not_content_keep_the_hash()
    {
        var now = new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
        var details = new IncidentDetails(now.AddHours(-1), null, null, null, ContactChannel.Email, "An email with no subject.", null, null, null, null, null);
        var entry = IncidentEntry.Write(Guid.NewGuid(), details, isPrivate: false, IncidentAuthor.Client, Guid.NewGuid(), now);
        var hash = entry.ContentHash;

        entry.Correct(details, isPrivate: true, entry.WrittenByUserId, now.AddMinutes(3)); // privacy and the correction time only

        Assert.Equal(hash, entry.ContentHash);
        Assert.Equal(hash, IncidentHash.Of(entry));
        Assert.Equal(64, hash.Length);
        Assert.Matches("^[0-9a-f]{64}$", hash);
    }

    [Fact]
    public void An_addendum_has_its_own_hash_over_text_author_and_time()
    {
        var a = new AddendumContent(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "Added later.", IncidentAuthor.Client, Guid.NewGuid(),
            new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

        Assert.Equal(IncidentHash.Of(a), IncidentHash.Of(a with { }));
        Assert.NotEqual(IncidentHash.Of(a), IncidentHash.Of(a with { Text = "Added later" }));
        Assert.NotEqual(IncidentHash.Of(a), IncidentHash.Of(a with { WrittenBy = IncidentAuthor.Clinician }));
        Assert.NotEqual(IncidentHash.Of(a), IncidentHash.Of(a with { WrittenAt = a.WrittenAt.AddTicks(10) }));
        Assert.NotEqual(IncidentHash.Of(a), IncidentHash.Of(a with { IncidentId = Guid.NewGuid() }));
        Assert.StartsWith("incident-addendum/1\n", IncidentHash.Canonical(a));
    }
}
