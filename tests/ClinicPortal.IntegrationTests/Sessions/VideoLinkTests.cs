using System.Net;
using ClinicPortal.Core.Sessions;
using ClinicPortal.IntegrationTests.ClientCheckIns;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.IntegrationTests.ContactSafety;
using ClinicPortal.IntegrationTests.Reminders;
using ClinicPortal.Core.Reminders;
using ClinicPortal.Testing;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.IntegrationTests.Sessions;

/// <summary>
/// A video session's link on the client's home, against a controllable clock: absent from the page until the clinic's
/// minutes before the start, there until the session ends; validated when typed; in reminder mail only when the clinic
/// turns that on (over real SMTP on loopback).
/// </summary>
public sealed class VideoLinkTests : IDisposable
{
    private const string Link = "https://meet.example.com/room-7";
    private readonly SmtpSink _smtp = new();
    private readonly DateTimeOffset _t0 = new(DateTimeOffset.UtcNow.UtcDateTime.Date.AddDays(1).AddHours(15), TimeSpan.Zero);

    public void Dispose() => _smtp.Dispose();

    [Fact]
    public async Task The_client_sees_the_link_from_fifteen_minutes_before_the_start_until_the_end()
    {
        await using var app = new ReminderApp(_smtp, new ManualClock(_t0));
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail, "Vic Video");
        var start = _t0.AddHours(1);
        await SessionAsync(app, login.Client.PrimaryClinicianId, login.Client.Id, start, Link);

        async Task<string> HomeAtAsync(DateTimeOffset at)
        {
            app.Clock.Set(at);
            return await (await CheckInArrange.SignedInAsync(app, login)).GetPageAsync("/client"); // a fresh sign-in: idle sign-out follows the clock
        }

        var early = await HomeAtAsync(start.AddMinutes(-16));
        Assert.Contains("data-testid=\"my-session\"", early);
        Assert.DoesNotContain(Link, early); // not even hidden in the page
        Assert.Contains(Link, await HomeAtAsync(start.AddMinutes(-15)));
        Assert.Contains(Link, await HomeAtAsync(start.AddMinutes(49)));
        var ended = await HomeAtAsync(start.AddMinutes(50));
        Assert.DoesNotContain(Link, ended);
        Assert.DoesNotContain("data-testid=\"my-session\"", ended);
    }

    [Theory]
    [InlineData("http://meet.example.com/room", "Video", "full address starting with https://")]
    [InlineData("meet.example.com/room", "Video", "full address starting with https://")]
    [InlineData("https://meet.example.com/room", "InPerson", "video sessions")]
    public async Task A_link_that_is_not_https_or_not_on_a_video_session_is_refused_and_nothing_is_saved(string link, string modality, string expected)
    {
        await using var app = new ReminderApp(_smtp, new ManualClock(_t0));
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Lin Link");
        var clinician = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var before = await Arrange.FingerprintAsync(app);
        var day = DateOnly.FromDateTime(_t0.UtcDateTime).AddDays(3).ToString("yyyy-MM-dd");

        var response = await clinician.PostFormAsync("/clinician", $"/clinician/clients/{client.Id}/sessions",
            [new("Date", day), new("Time", "11:00"), new("DurationMinutes", "50"), new("Modality", modality), new("VideoLink", link)]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await Arrange.FingerprintAsync(app));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_reminder_carries_the_link_only_when_the_clinic_turns_that_on(bool inEmail)
    {
        await using var app = new ReminderApp(_smtp, new ManualClock(_t0));
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Rex Reminder", "rex.reminder@example.org");
        await CheckInArrange.SqlAsync(app, $"UPDATE clinic_settings SET video_link_in_email = {inEmail}");
        var session = await SessionAsync(app, client.PrimaryClinicianId, client.Id, _t0.AddHours(3), Link);
        await using (var scope = app.SystemScope())
        {
            var db = app.SystemDb(scope);
            db.Add(OutboxMessage.Queue(ReminderPlan.SessionKey(session.Id, session.StartsAt, 120), OutboxKind.SessionReminder, client.Id, session.Id, _t0.AddMinutes(-1), _t0));
            await db.SaveChangesAsync();
        }

        await MessageArrange.WaitForAsync(app, _ => Task.FromResult(_smtp.Messages().Any(m => m.To.Contains("rex.reminder@example.org"))), "the reminder");
        var mail = _smtp.Messages().Single(m => m.To.Contains("rex.reminder@example.org"));
        Assert.Equal(inEmail, mail.Body.Contains(Link));
        Assert.Contains("How: Video", mail.Body);
    }

    private static async Task<TherapySession> SessionAsync(ClinicAppFactory app, Guid clinicianId, Guid clientId, DateTimeOffset start, string link)
    {
        await using var scope = app.SystemScope();
        var db = app.SystemDb(scope);
        var session = TherapySession.Schedule(clientId, clinicianId, start, 50, SessionModality.Video, null, start.AddDays(-2), link);
        db.Add(session);
        await db.SaveChangesAsync();
        return session;
    }
}
