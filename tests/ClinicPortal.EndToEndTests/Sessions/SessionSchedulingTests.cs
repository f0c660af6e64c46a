using System.Globalization;
using System.Text.RegularExpressions;
using ClinicPortal.EndToEndTests.Support;
using ClinicPortal.Web.Demo;
using ClinicPortal.Web.Features.Account;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClinicPortal.EndToEndTests.Sessions;

/// <summary>
/// End to end: a clinician schedules a session for a new client, finds it in the list and the
/// week calendar, downloads its .ics, moves it, is refused a second session that overlaps it, and
/// cancels it; the client sees the upcoming session (in their own time zone) on their home.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class SessionSchedulingTests(PortalFixture portal) : PortalTest(portal)
{
    private const string ClinicianEmail = DemoLogins.MorganEmail;
    private const string ClientPassword = "Client-Pass-2026!sessions";
    private const string ClientZone = "America/Chicago"; // an hour behind the demo clinic (New York)
    private const string VideoLink = "https://video.example.test/e2e-room";

    private ILocator SessionRows => Page.GetByTestId("session-list").GetByTestId("session-row");

    [Fact]
    public async Task A_clinician_schedules_moves_and_cancels_a_session_and_double_booking_is_refused()
    {
        var today = await ClinicTodayAsync();
        var zone = await ClinicZoneAsync();
        var client = new NewClient("Ellis Calendarly", "Ellie", today.AddDays(-14), ClientZone, NewClient.UniqueEmail());

        // Weeks ahead, before the demo diary's afternoon hours: nothing else of Morgan's is there.
        var day = today.AddDays(35);
        day = day.AddDays(((int)DayOfWeek.Tuesday - (int)day.DayOfWeek + 7) % 7); // a Tuesday, so the move stays in the same week
        var first = At(day, new TimeOnly(8, 0), zone);
        var moved = At(day.AddDays(1), new TimeOnly(9, 0), zone);

        await SignInAsync(ClinicianEmail, DemoLogins.ClinicianPassword);
        await Expect(Page).ToHaveURLAsync(Url(RoleHomes.Clinician));
        var clientId = await ClientSteps.CreateClientAsync(Page, client);
        var link = await ClientSteps.InviteAsync(Page, clientId, client.Email, Portal.Server.MailDirectory);
        var visitor = await NewPageInFreshContextAsync();
        await ClientSteps.AcceptInvitationAsync(visitor, link, ClientPassword);
        await Expect(visitor.GetByTestId("my-sessions")).ToContainTextAsync("No sessions booked yet.");

        // 1. Schedule.
        var sessionsUrl = Url($"/clinician/clients/{clientId}/sessions");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Sessions", Exact = true }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(sessionsUrl);
        await Expect(Page.GetByTestId("session-list")).ToContainTextAsync("No sessions yet.");
        await FillSessionAsync(first, minutes: 50, "Video", VideoLink);
        await Page.GetByTestId("save-session").ClickAsync();

        await Expect(Page).ToHaveURLAsync(sessionsUrl);
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Session scheduled. Reminders will go out before it.");
        await Expect(SessionRows).ToHaveCountAsync(1);
        await ExpectRowAsync(SessionRows.First, first, "scheduled");
        await Expect(SessionRows.First).ToContainTextAsync("50 min");
        await Expect(SessionRows.First).ToContainTextAsync($"Video · {VideoLink}");
        await ScreenshotAsync("sessions-scheduled");
        AssertNoBrowserProblems();

        // 2. The week calendar shows it on its day, and leads back to the client's sessions.
        await Page.GotoAsync($"/clinician/calendar?week={Iso(day)}");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Week of {WeekStart(day).ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}");
        var entry = Entry(first.Day);
        await Expect(entry).ToHaveCountAsync(1);
        await Expect(entry).ToHaveTextAsync($"{first.Time:HH:mm} {client.PreferredName}");
        await Expect(Page.GetByTestId("calendar-entry").Filter(new() { HasText = client.PreferredName })).ToHaveCountAsync(1);
        await ScreenshotAsync("sessions-week-calendar");
        await entry.ClickAsync();
        await Expect(Page).ToHaveURLAsync(sessionsUrl);

        // 3. The .ics: a calendar file with the UTC start and end, naming no client and nothing clinical.
        var icsLink = SessionRows.First.GetByRole(AriaRole.Link, new() { Name = ".ics" });
        var download = await Page.RunAndWaitForDownloadAsync(() => icsLink.ClickAsync());
        Assert.Equal("session.ics", download.SuggestedFilename);
        var downloaded = await File.ReadAllTextAsync((await download.PathAsync())!);
        var response = await Context.APIRequest.GetAsync(await icsLink.GetAttributeAsync("href"));
        Assert.Equal(200, response.Status);
        Assert.StartsWith("text/calendar", response.Headers["content-type"]);
        Assert.Contains("attachment", response.Headers["content-disposition"]);
        var ics = await response.TextAsync();
        foreach (var text in new[] { downloaded, ics })
        {
            Assert.StartsWith("BEGIN:VCALENDAR\r\n", text);
            Assert.Contains($"DTSTART:{Stamp(first.Utc)}\r\n", text);
            Assert.Contains($"DTEND:{Stamp(first.Utc.AddMinutes(50))}\r\n", text);
            Assert.Contains("BEGIN:VEVENT", text);
            Assert.Contains("END:VCALENDAR", text);
            Assert.DoesNotContain("STATUS:CANCELLED", text);
            foreach (var word in new[] { client.FullName, "Ellis", "Calendarly", client.PreferredName!, client.Email, clientId.ToString(),
                "Morgan", "diagnos", "therapy", "safety", "concern", "no contact", "note", "stage", "abuse", "crisis" })
                Assert.DoesNotContain(word, text, StringComparison.OrdinalIgnoreCase);
        }

        // 4. The client sees it on their home, in their own time zone.
        await visitor.ReloadAsync();
        await Expect(visitor.GetByTestId("my-sessions").GetByRole(AriaRole.Listitem)).ToHaveCountAsync(1);
        await Expect(visitor.GetByTestId("my-sessions")).ToContainTextAsync($"{ClientTime(first.Utc)} · Video");
        await PortalPages.ScreenshotAsync(visitor, "sessions-client-home");

        // 5. Move it to the next morning.
        await SessionRows.First.GetByTestId("reschedule").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex($"{Regex.Escape(sessionsUrl)}/[0-9a-f-]{{36}}/edit$"));
        var form = Page.GetByTestId("session-form");
        await Expect(form.GetByLabel("Date")).ToHaveValueAsync(Iso(first.Day));
        await Expect(form.GetByLabel("Start")).ToHaveValueAsync("08:00");
        await Expect(form.GetByLabel("Format")).ToHaveValueAsync("Video");
        await Expect(form.GetByLabel("Room or place")).ToHaveValueAsync(VideoLink);
        await Expect(Page.GetByTestId("save-session")).ToHaveTextAsync("Move session");
        await form.GetByLabel("Date").FillAsync(Iso(moved.Day));
        await form.GetByLabel("Start").FillAsync("09:00");
        await Page.GetByTestId("save-session").ClickAsync();

        await Expect(Page).ToHaveURLAsync(sessionsUrl);
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Session moved. Its reminders moved with it.");
        await Expect(SessionRows).ToHaveCountAsync(1);
        await ExpectRowAsync(SessionRows.First, moved, "scheduled");
        await Page.GotoAsync($"/clinician/calendar?week={Iso(day)}");
        await Expect(Entry(first.Day)).ToHaveCountAsync(0);
        await Expect(Entry(moved.Day)).ToHaveTextAsync($"09:00 {client.PreferredName}");
        await visitor.ReloadAsync();
        await Expect(visitor.GetByTestId("my-sessions")).ToContainTextAsync($"{ClientTime(moved.Utc)} · Video");
        await Expect(visitor.GetByTestId("my-sessions")).Not.ToContainTextAsync(ClientTime(first.Utc));
        AssertNoBrowserProblems();

        // 6. A second session that overlaps it is refused; nothing is added and the form keeps what was typed.
        await Page.GotoAsync(sessionsUrl);
        await FillSessionAsync(moved with { Time = new TimeOnly(9, 30) }, minutes: 45, "In person", "Room 3");
        await Page.GetByTestId("save-session").ClickAsync();
        await Expect(Page.GetByTestId("form-errors")).ToContainTextAsync("You already have a session at that time. Choose another time.");
        await Expect(Page.GetByTestId("session-form").GetByLabel("Start")).ToHaveValueAsync("09:30");
        await Expect(Page.GetByTestId("session-form").GetByLabel("Room or place")).ToHaveValueAsync("Room 3");
        await Expect(SessionRows).ToHaveCountAsync(1);
        await ScreenshotAsync("sessions-double-booking-refused");
        await Page.GotoAsync(sessionsUrl);
        await Expect(SessionRows).ToHaveCountAsync(1);

        // 7. Cancel it: struck through in the calendar, gone from the client's home.
        await SessionRows.First.GetByLabel("Outcome").SelectOptionAsync(new SelectOptionValue { Label = "Cancel" });
        await SessionRows.First.GetByTestId("set-status").ClickAsync();
        await Expect(Page).ToHaveURLAsync(sessionsUrl);
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Session cancelled.");
        await ExpectRowAsync(SessionRows.First, moved, "cancelled");
        await Expect(SessionRows.First.GetByTestId("reschedule")).ToHaveCountAsync(0);
        await Expect(SessionRows.First.GetByTestId("set-status")).ToHaveCountAsync(0);
        await Page.GotoAsync($"/clinician/calendar?week={Iso(day)}");
        await Expect(Entry(moved.Day)).ToHaveClassAsync(new Regex(@"\btext-decoration-line-through\b"));
        await visitor.ReloadAsync();
        await Expect(visitor.GetByTestId("my-sessions")).ToContainTextAsync("No sessions booked yet.");
        var cancelledIcs = await (await Context.APIRequest.GetAsync(await SessionIcsHrefAsync(sessionsUrl))).TextAsync();
        Assert.Contains("STATUS:CANCELLED", cancelledIcs);

        // The cancelled session no longer holds the time: the same slot can be booked again.
        await Page.GotoAsync(sessionsUrl);
        await FillSessionAsync(moved with { Time = new TimeOnly(9, 30) }, minutes: 45, "In person", "Room 3");
        await Page.GetByTestId("save-session").ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Session scheduled. Reminders will go out before it.");
        await Expect(SessionRows).ToHaveCountAsync(2);
        await Expect(SessionRows.Filter(new() { HasText = "scheduled" })).ToContainTextAsync("09:30");
        AssertNoBrowserProblems();
    }

    private sealed record Slot(DateOnly Day, TimeOnly Time, TimeZoneInfo Zone)
    {
        public DateTimeOffset Utc => new(TimeZoneInfo.ConvertTimeToUtc(Day.ToDateTime(Time), Zone), TimeSpan.Zero);
    }

    private static Slot At(DateOnly day, TimeOnly time, TimeZoneInfo zone) => new(day, time, zone);

    private async Task FillSessionAsync(Slot slot, int minutes, string format, string location)
    {
        var form = Page.GetByTestId("session-form");
        await form.GetByLabel("Date").FillAsync(Iso(slot.Day));
        await form.GetByLabel("Start").FillAsync(slot.Time.ToString("HH:mm", CultureInfo.InvariantCulture));
        await form.GetByLabel("Minutes").FillAsync(minutes.ToString(CultureInfo.InvariantCulture));
        await form.GetByLabel("Format").SelectOptionAsync(new SelectOptionValue { Label = format });
        await form.GetByLabel("Room or place").FillAsync(location);
    }

    private static async Task ExpectRowAsync(ILocator row, Slot slot, string status)
    {
        var when = slot.Day.ToDateTime(slot.Time).ToString("ddd d MMM yyyy, HH:mm", CultureInfo.InvariantCulture);
        await Expect(row.Locator("td").First).ToHaveTextAsync(when);
        await Expect(row.Locator("td").Nth(3)).ToHaveTextAsync(status);
    }

    /// <summary>The client's calendar entry in a day's column of the week grid.</summary>
    private ILocator Entry(DateOnly day) =>
        Page.GetByTestId("week").Locator(":scope > div")
            .Filter(new() { HasText = day.ToString("ddd d MMM", CultureInfo.InvariantCulture) })
            .GetByTestId("calendar-entry").Filter(new() { HasText = "Ellie" });

    private async Task<string> SessionIcsHrefAsync(string sessionsUrl)
    {
        await Page.GotoAsync(sessionsUrl);
        return (await SessionRows.First.GetByRole(AriaRole.Link, new() { Name = ".ics" }).GetAttributeAsync("href"))!;
    }

    private static string ClientTime(DateTimeOffset utc) =>
        TimeZoneInfo.ConvertTime(utc, TimeZoneInfo.FindSystemTimeZoneById(ClientZone)).ToString("dddd d MMMM, HH:mm", CultureInfo.InvariantCulture);

    private static DateOnly WeekStart(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    private static string Stamp(DateTimeOffset t) => t.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
