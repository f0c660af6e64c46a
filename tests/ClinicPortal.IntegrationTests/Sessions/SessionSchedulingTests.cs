using System.Net;
using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.Reminders;
using ClinicPortal.Core.Sessions;
using ClinicPortal.Infrastructure.Reminders;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.Testing;
using ClinicPortal.Web.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicPortal.IntegrationTests.Sessions;

public sealed class SessionSchedulingTests(DemoClinicApp app) : IClassFixture<DemoClinicApp>
{
    private static readonly TimeZoneInfo ClinicZone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static IEnumerable<KeyValuePair<string, string>> Form(DateOnly date, string time, int minutes = 50, string modality = "InPerson") =>
        [new("Date", date.ToString("yyyy-MM-dd")), new("Time", time), new("DurationMinutes", minutes.ToString()), new("Modality", modality), new("Location", "Room 4")];

    private static DateOnly InDays(int days) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, ClinicZone).DateTime).AddDays(days);

    private async Task<List<TherapySession>> SessionsOf(Guid clientId)
    {
        await using var scope = app.SystemScope();
        return await app.SystemDb(scope).Set<TherapySession>().Where(s => s.ClientId == clientId).OrderBy(s => s.StartsAt).ToListAsync();
    }

    [Fact]
    public async Task A_session_is_stored_in_utc_from_clinic_time_with_its_reminders_and_an_audit_row()
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Sam Schedule", "sam.schedule@example.org");
        var s = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var path = $"/clinician/clients/{client.Id}/sessions";

        var response = await s.PostFormAsync(path, path, Form(InDays(30), "09:15"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var session = Assert.Single(await SessionsOf(client.Id));
        Assert.Equal(TimeZoneInfo.ConvertTimeToUtc(InDays(30).ToDateTime(new TimeOnly(9, 15)), ClinicZone), session.StartsAt.UtcDateTime);
        Assert.Equal(TimeSpan.Zero, session.StartsAt.Offset);
        await using var scope = app.SystemScope();
        var reminders = await app.SystemDb(scope).Set<OutboxMessage>().Where(m => m.SessionId == session.Id).OrderBy(m => m.DueAt).ToListAsync();
        Assert.Equal([session.StartsAt.AddHours(-24), session.StartsAt.AddHours(-2)], reminders.Select(r => r.DueAt));
        Assert.Contains(await Arrange.AuditAsync(app, client.Id), a => a.Action == AuditActions.Create && a.RecordId == session.Id.ToString());
        // The caseload's "next session" column picks it up (same single caseload query).
        Assert.Contains(InDays(30).ToDateTime(new TimeOnly(9, 15)).ToString("ddd d MMM, 09:15"), await s.GetPageAsync("/clinician"));
    }

    [Fact]
    public async Task Opening_a_session_to_edit_it_and_a_refused_booking_shown_again_are_audited_as_reads()
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail);
        var s = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var path = $"/clinician/clients/{client.Id}/sessions";
        await s.PostFormAsync(path, path, Form(InDays(35), "11:00"));
        var session = Assert.Single(await SessionsOf(client.Id));

        var edit = $"{path}/{session.Id}/edit";
        Assert.Contains("Room 4", await s.GetPageAsync(edit));
        var refused = await s.PostFormAsync(edit, path, Form(InDays(35), "11:00", minutes: 5));
        Assert.Contains("Duration must be between", await refused.Content.ReadAsStringAsync());

        // The list (for the booking's token), the edit form twice (the second for the refused post's token), the refused form.
        var views = (await Arrange.AuditAsync(app, client.Id)).Where(a => a is { Action: AuditActions.View, RecordType: AuditRecords.Session });
        Assert.Equal([null, session.Id.ToString(), session.Id.ToString(), null], views.Select(a => a.RecordId));
    }

    [Fact]
    public async Task Double_booking_the_clinician_is_refused_even_across_clients_and_nothing_is_saved()
    {
        var first = await Arrange.ClientAsync(app, Arrange.MorganEmail);
        var second = await Arrange.ClientAsync(app, Arrange.MorganEmail);
        var s = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        await s.PostFormAsync($"/clinician/clients/{first.Id}/sessions", $"/clinician/clients/{first.Id}/sessions", Form(InDays(40), "14:00", 60));
        var before = await Arrange.FingerprintAsync(app);

        var path = $"/clinician/clients/{second.Id}/sessions";
        var clash = await s.PostFormAsync(path, path, Form(InDays(40), "14:30", 30));

        Assert.Equal(HttpStatusCode.OK, clash.StatusCode);
        Assert.Contains(DoubleBooking.Message, await clash.Content.ReadAsStringAsync());
        Assert.Equal(before, await Arrange.FingerprintAsync(app));
        // Back to back is fine.
        Assert.Equal(HttpStatusCode.Redirect, (await s.PostFormAsync(path, path, Form(InDays(40), "15:00", 30))).StatusCode);
    }

    [Theory]
    [InlineData("", "Choose a date and a start time")]
    [InlineData("02:30@dst", "does not exist")]
    [InlineData("10:00@5min", "Duration must be between")]
    [InlineData("10:00@far", "within two years")]
    public async Task Bad_session_input_is_refused_with_a_message(string input, string message)
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail);
        var s = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var path = $"/clinician/clients/{client.Id}/sessions";
        var date = input.EndsWith("@dst") ? NextSpringForward() : input.EndsWith("@far") ? InDays(900) : InDays(50);
        var form = input == "" ? [new("Date", ""), new("Time", ""), new("DurationMinutes", "50"), new("Modality", "Video")]
            : Form(date, input.Split('@')[0], input.EndsWith("@5min") ? 5 : 50);
        var before = await Arrange.FingerprintAsync(app);

        var response = await s.PostFormAsync(path, path, form);

        Assert.Contains(message, await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await Arrange.FingerprintAsync(app));
    }

    [Fact]
    public async Task Rescheduling_moves_the_reminders_and_cancelling_removes_them()
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Ria Resched", "ria@example.org");
        var s = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var path = $"/clinician/clients/{client.Id}/sessions";
        await s.PostFormAsync(path, path, Form(InDays(60), "11:00"));
        var session = Assert.Single(await SessionsOf(client.Id));

        await s.PostFormAsync($"{path}/{session.Id}/edit", $"{path}/{session.Id}/edit", Form(InDays(61), "16:00", 45, "Phone"));
        var moved = Assert.Single(await SessionsOf(client.Id));
        await using (var scope = app.SystemScope())
        {
            var rows = await app.SystemDb(scope).Set<OutboxMessage>().Where(m => m.SessionId == session.Id).ToListAsync();
            Assert.Equal(2, rows.Count(r => r.Status == OutboxStatus.Pending));
            Assert.All(rows.Where(r => r.Status == OutboxStatus.Pending), r => Assert.True(r.DueAt == moved.StartsAt.AddHours(-24) || r.DueAt == moved.StartsAt.AddHours(-2)));
            Assert.Equal(2, rows.Count(r => r.Status == OutboxStatus.Cancelled));
        }

        await s.PostFormAsync(path, $"{path}/{session.Id}/status", [new("status", "Cancelled")]);
        Assert.Equal(SessionStatus.Cancelled, Assert.Single(await SessionsOf(client.Id)).Status);
        await using (var scope = app.SystemScope())
            Assert.DoesNotContain(await app.SystemDb(scope).Set<OutboxMessage>().Where(m => m.SessionId == session.Id).ToListAsync(), r => r.Status == OutboxStatus.Pending);
    }

    [Fact]
    public async Task The_week_calendar_is_audited_and_a_week_far_out_of_range_is_a_400_with_the_reason()
    {
        var s = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var before = await Arrange.FingerprintAsync(app);

        foreach (var week in new[] { "9999-12-31", "0001-01-01" })
        {
            var response = await s.Http.GetAsync($"/clinician/calendar?week={week}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(CalendarWeek.OutOfRangeMessage, await response.Content.ReadAsStringAsync());
        }
        Assert.Equal(before, await Arrange.FingerprintAsync(app));

        await s.GetPageAsync("/clinician/calendar?week=2027-03-03");
        await using var scope = app.SystemScope();
        var morgan = await app.SystemDb(scope).Users.Where(u => u.Email == Arrange.MorganEmail).Select(u => u.Id).SingleAsync();
        Assert.True(await app.SystemDb(scope).AuditEntries.AnyAsync(a =>
            a.UserId == morgan && a.Action == AuditActions.View && a.RecordType == AuditRecords.Calendar && a.RecordId == "2027-03-01"));
    }

    [Fact]
    public async Task The_ics_file_names_only_the_clinic_and_the_time()
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Ike Icsfile", "ike@example.org");
        var session = await Arrange.SessionAsync(app, client, DateTimeOffset.UtcNow.AddDays(5));
        var s = await Arrange.SignedInAsync(app, Arrange.MorganEmail);

        var response = await s.Http.GetAsync($"/clinician/clients/{client.Id}/sessions/{session.Id}/ics");
        var ics = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"DTSTART:{session.StartsAt.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}", ics);
        Assert.Contains("SUMMARY:Session with", ics);
        Assert.DoesNotContain("Ike", ics);
        Assert.DoesNotContain("Confidential concern", ics);
        Assert.Contains(await Arrange.AuditAsync(app, client.Id), a => a.Action == AuditActions.Export);
    }

    [Fact]
    public async Task The_client_sees_their_own_upcoming_sessions_only()
    {
        await using var scope = app.SystemScope();
        var db = app.SystemDb(scope);
        var jordan = await db.Clients.SingleAsync(c => c.Email == DemoLogins.JordanEmail);
        var other = await Arrange.ClientAsync(app, Arrange.MorganEmail);
        await Arrange.SessionAsync(app, other, DateTimeOffset.UtcNow.AddDays(1).AddMinutes(7));
        var next = await db.Set<TherapySession>().Where(x => x.ClientId == jordan.Id && x.Status == SessionStatus.Scheduled && x.StartsAt > DateTimeOffset.UtcNow)
            .OrderBy(x => x.StartsAt).FirstAsync();
        var s = await Arrange.SignedInAsync(app, DemoLogins.JordanEmail);

        var page = await s.GetPageAsync("/client");

        Assert.Contains(TimeZoneInfo.ConvertTime(next.StartsAt, TimeZoneInfo.FindSystemTimeZoneById(jordan.TimeZoneId)).ToString("dddd d MMMM, HH:mm"), page);
        var upcoming = await db.Set<TherapySession>().CountAsync(x => x.ClientId == jordan.Id && x.Status == SessionStatus.Scheduled && x.StartsAt > DateTimeOffset.UtcNow);
        Assert.Equal(Math.Min(3, upcoming), page.Split("data-testid=\"my-session\"").Length - 1); // theirs only, never the other client's
    }

    [Fact]
    public async Task A_weekly_prompt_is_queued_once_for_its_next_time_however_often_the_planner_runs()
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Pia Prompt", "pia@example.org");
        var s = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var path = $"/clinician/clients/{client.Id}/sessions";
        await s.PostFormAsync(path, $"{path}/prompt", [new("enabled", "true"), new("day", "Wednesday"), new("time", "19:30")]);

        var planner = app.Services.GetRequiredService<CheckInPromptPlanner>();
        await planner.PlanAsync(CancellationToken.None);
        await planner.PlanAsync(CancellationToken.None);

        await using var scope = app.SystemScope();
        var prompt = Assert.Single(await app.SystemDb(scope).Set<OutboxMessage>().Where(m => m.ClientId == client.Id && m.Kind == OutboxKind.CheckInPrompt).ToListAsync());
        var local = TimeZoneInfo.ConvertTime(prompt.DueAt, TimeZoneInfo.FindSystemTimeZoneById("America/Chicago"));
        Assert.Equal(DayOfWeek.Wednesday, local.DayOfWeek);
        Assert.Equal(new TimeOnly(19, 30), TimeOnly.FromDateTime(local.DateTime));
        Assert.True(prompt.DueAt > DateTimeOffset.UtcNow);
    }

    /// <summary>The next second Sunday of March (US clocks spring forward at 02:00, so 02:30 does not exist).</summary>
    private static DateOnly NextSpringForward()
    {
        var year = DateTime.UtcNow.Month >= 3 ? DateTime.UtcNow.Year + 1 : DateTime.UtcNow.Year;
        var march = new DateOnly(year, 3, 1);
        return march.AddDays((7 - (int)march.DayOfWeek) % 7 + 7);
    }
}
