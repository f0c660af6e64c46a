using ClinicPortal.Core.CheckIns;
using ClinicPortal.Core.Clinics;
using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Safety;
using ClinicPortal.Infrastructure.Database;

namespace ClinicPortal.Web.Demo;

/// <summary>
/// Up to 12 weeks of check-ins per demo client (never before their intake), every two or three evenings, with
/// the shapes clinicians know: an early spike in the urge to break contact, one setback, a cluster of contact
/// attempts around a holiday weekend, and slow improvement. Each client ends differently so the caseload shows
/// every signal: Jordan (contact attempts since the last session), Casey (quiet for 9 days), Avery (steady),
/// Quinn (a recent setback), Rowan (urge rising over three check-ins) and Sky (a high urge).
/// Some journal entries are shared with the clinician, some kept private.
/// </summary>
public static class DemoCheckIns
{
    private const int MaxDays = 84;

    public static void AddFor(ClinicDbContext db, Client client, int index, DateTimeOffset now)
    {
        var zone = ClinicTime.Zone(client.TimeZoneId, TimeZoneInfo.Utc);
        var localToday = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var span = Math.Min(MaxDays, localToday.DayNumber - client.IntakeDate.DayNumber - 1);
        if (span < 3) return;

        var options = SelfCareChecklist.DefaultItems;
        if (index == 0)
        {
            var list = SelfCareChecklist.For(client.Id);
            list.Replace(JordanSelfCare, client.PrimaryClinicianId, now.AddDays(-span));
            db.Add(list);
            options = JordanSelfCare;
        }

        var random = new Random(7919 * (index + 1));
        var plan = Plan(span, index, random);
        var journalTurn = 0;
        foreach (var day in plan)
        {
            var p = 1.0 - (double)day.DaysAgo / span;        // 0 at the start of the span, 1 today
            var urge = day.Urge ?? Clamp((int)Math.Round((p < 0.2 ? 8.3 : 8.3 - 5.5 * (p - 0.2) / 0.8) + random.Next(-1, 2)));
            var mood = day.Mood ?? Clamp((int)Math.Round(3 + 4 * p + random.Next(-1, 2) - (day.Setback ? 2 : 0)));
            var sleep = Math.Clamp((int)Math.Round(2 + 2 * p + random.Next(-1, 2)), 1, 5);
            var selfCare = options.Where(_ => random.NextDouble() < 0.3 + 0.4 * p).ToArray();
            string? journal = null;
            var share = false;
            if (day.Journal is { } text) (journal, share) = text;
            else if (random.NextDouble() < 0.3)
            {
                var pick = Journals[journalTurn++ % Journals.Length];
                (journal, share) = (pick.Text, pick.Share);
            }

            var at = At(day.DaysAgo, day.Hour ?? 19 + random.Next(0, 4), random.Next(0, 60), zone, localToday, now);
            var recorded = CheckIn.Record(client.Id, new CheckInAnswers(mood, urge, sleep, day.Contact is not null,
                day.Contact?.Channel.ToString(), day.Contact?.Note, day.Setback, selfCare, journal, share), options, at);
            db.Add(recorded.CheckIn);
            if (recorded.PrivateJournal is { } kept) db.Add(kept);

            // Contact attempts of the last fortnight alerted the clinician; older ones were acknowledged long ago.
            if (day.Contact is not null && day.DaysAgo <= 14)
            {
                var alert = ClinicianAlert.Raise(client.Id, AlertKind.ContactAttemptReported, AlertRules.CheckInSeverity(AlertKind.ContactAttemptReported, new ClinicSettings().ContactAttemptSeverity), at);
                if (day.DaysAgo > 6) alert.Acknowledge(client.PrimaryClinicianId, at.AddHours(14), AlertResponse.CalledClient, null);
                db.Add(alert);
            }
        }
    }

    private sealed record Attempt(ContactChannel Channel, string Note);

    private sealed record Day(int DaysAgo, int? Urge = null, int? Mood = null, bool Setback = false, Attempt? Contact = null,
        (string, bool)? Journal = null, int? Hour = null);

    private static List<Day> Plan(int span, int index, Random random)
    {
        var days = new List<Day>();
        var setbackAt = span - Math.Max(2, span / 5);
        var holiday = Math.Min(40, span / 2);
        var ending = Endings[index % Endings.Length];
        var stop = ending.Max(d => d.DaysAgo) + 1; // the written-out ending follows on its own
        for (var ago = span; ago >= stop; ago -= random.Next(2, 4))
        {
            if (ago <= holiday + 2 && ago >= holiday - 3) continue; // the holiday weekend comes below
            days.Add(ago == setbackAt || (ago < setbackAt && days.All(d => !d.Setback))
                ? new Day(ago, Urge: 9, Setback: true, Journal: ("I sent a message after midnight. I felt relief for an hour and then awful. Telling you here so I can bring it to session.", true))
                : new Day(ago));
        }
        days.Add(new Day(holiday + 1, Contact: new(ContactChannel.Text, "Holiday weekend message: 'thinking of you, it's not the same without you'")));
        days.Add(new Day(holiday, Contact: new(ContactChannel.ThroughSomeoneElse, "A cousin passed on an invitation to the holiday dinner")));
        days.Add(new Day(holiday - 1, Urge: 7, Contact: new(ContactChannel.Call, "Two missed calls from an unknown number on the holiday itself"),
            Journal: ("Holidays are the hardest. I kept my phone in the drawer and went to the movies.", false)));
        days.AddRange(ending);
        return days.Where(d => d.DaysAgo <= span).OrderByDescending(d => d.DaysAgo).ToList();
    }

    /// <summary>The last days of each demo client, written out so every caseload signal appears somewhere.</summary>
    private static readonly Day[][] Endings =
    [
        // Jordan: the ex-partner turned up twice since the last session; today's check-in can still be changed.
        [new(3, Urge: 4, Mood: 5), new(2, Urge: 5, Mood: 4, Contact: new(ContactChannel.InPerson, "Waited outside my building again and knocked for a long time")),
         new(1, Urge: 4, Mood: 4, Contact: new(ContactChannel.SocialMedia, "New account sent a follow request")),
         new(0, Urge: 3, Mood: 5, Hour: 0, Journal: ("Slept at my cousin's. Safer there for now.", true))],
        // Casey: nothing for nine days.
        [new(10, Urge: 4, Mood: 6), new(9, Urge: 3, Mood: 6, Journal: ("Family dinner talk again. I said no and did not explain.", false))],
        // Avery: steady.
        [new(3, Urge: 2, Mood: 7), new(1, Urge: 2, Mood: 7, Journal: ("Handover at school went smoothly. Kids were happy.", true))],
        // Quinn: broke contact two days ago.
        [new(3, Urge: 5, Mood: 5), new(2, Urge: 8, Mood: 3, Setback: true, Journal: ("Replied to an old colleague's message about the team. I wish I hadn't.", false)),
         new(1, Urge: 4, Mood: 4)],
        // Rowan: the pull is building again.
        [new(5, Urge: 3, Mood: 6), new(3, Urge: 5, Mood: 5), new(1, Urge: 6, Mood: 5, Journal: ("His birthday is next week. I keep drafting a card.", true))],
        // Sky: a hard evening.
        [new(2, Urge: 5, Mood: 4), new(1, Urge: 8, Mood: 3, Journal: ("Saw the group's photos from the weekend. Felt like disappearing for a bit. Called my sister.", true))],
    ];

    private static readonly string[] JordanSelfCare =
    [
        "Phone out of the bedroom at night", "Texted Lee or Priya instead of checking", "Climbing or a walk", "Ate a proper meal", "Door chain on",
    ];

    private static readonly (string Text, bool Share)[] Journals =
    [
        ("Re-read my reasons list on the bus. It helped more than I expected.", true),
        ("Wrote the letter I will never send. Tore it up afterwards.", false),
        ("The urge is always worse on Sunday evenings. Want to look at that next session.", true),
        ("Some days I miss the good parts so much it aches. Other days I just feel free.", false),
        ("Went for a run instead of scrolling. Small win.", true),
        ("Dreamt about them again. Woke up angry, not sad, which feels like a change.", false),
    ];

    private static int Clamp(int value) => Math.Clamp(value, CheckIn.ScaleMin, CheckIn.ScaleMax);

    /// <summary>An evening <paramref name="daysAgo"/> days ago in the client's own time, never later than a few hours ago.</summary>
    private static DateTimeOffset At(int daysAgo, int hour, int minute, TimeZoneInfo zone, DateOnly localToday, DateTimeOffset now)
    {
        var local = localToday.AddDays(-daysAgo).ToDateTime(new TimeOnly(hour % 24, minute));
        var at = new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
        return at < now.AddHours(-2) ? at : now.AddHours(-3).AddMinutes(-minute);
    }
}
