using System.Text;
using ClinicPortal.Core.Sessions;

namespace ClinicPortal.Core.Tests.Sessions;

public sealed class SessionIcsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    private static string[] Lines(string ics) => ics.Split("\r\n")[..^1];

    private static TherapySession Session(string? location) =>
        TherapySession.Schedule(Guid.NewGuid(), Guid.NewGuid(), Now.AddDays(3), 50, SessionModality.InPerson, location, Now);

    [Theory]
    [InlineData("Room 4\rX-INJECTED:1")]
    [InlineData("Room 4\nX-INJECTED:1")]
    [InlineData("Room 4\r\nX-INJECTED:1")]
    public void A_line_break_typed_in_a_value_cannot_start_a_property_of_its_own(string location)
    {
        var ics = SessionIcs.For(Session(location), "Riverside Practice", Now);

        Assert.DoesNotContain(Lines(ics), l => l.StartsWith("X-INJECTED"));
        Assert.Contains(@"LOCATION:Room 4\nX-INJECTED:1", ics);
        Assert.DoesNotContain('\r', ics.Replace("\r\n", ""));
        Assert.DoesNotContain('\n', ics.Replace("\r\n", ""));
    }

    [Fact]
    public void Separators_in_text_are_escaped()
    {
        Assert.Equal(@"a\\b\;c\,d", SessionIcs.Escape(@"a\b;c,d"));
    }

    [Fact]
    public void Long_lines_fold_at_75_octets_without_splitting_a_character_and_unfold_to_the_value()
    {
        var location = string.Concat(Enumerable.Repeat("Salle de thérapie n°4, étage ", 6));
        var session = Session(location);
        var ics = SessionIcs.For(session, "Riverside Practice", Now);

        Assert.All(Lines(ics), l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75, l));
        var unfolded = ics.Replace("\r\n ", "");
        Assert.Contains("LOCATION:" + SessionIcs.Escape(session.Location!) + "\r\n", unfolded);
    }

    [Fact]
    public void It_names_the_clinic_and_the_time_and_nothing_about_the_client()
    {
        var session = Session(null);
        var ics = SessionIcs.For(session, "Riverside Practice", Now);

        Assert.Contains("SUMMARY:Session with Riverside Practice (in person)", ics);
        Assert.Contains($"DTSTART:{session.StartsAt.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}", ics);
        Assert.DoesNotContain("LOCATION", ics);
    }
}
