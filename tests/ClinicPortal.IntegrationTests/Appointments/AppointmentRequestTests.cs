using System.Net;
using ClinicPortal.Core.Appointments;
using ClinicPortal.Core.Reminders;
using ClinicPortal.Core.Sessions;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.IntegrationTests.ClientCheckIns;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.Testing;
using ClinicPortal.Web.Areas.ClientSpace.Appointments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicPortal.IntegrationTests.Appointments;

/// <summary>
/// Appointment requests through the real pages and database: the clinician publishes a window, the client asks for a
/// time in it, the clinician approves and the session and its reminders exist; bad requests save nothing.
/// </summary>
public sealed class AppointmentRequestTests(DemoClinicApp app) : IClassFixture<DemoClinicApp>
{
    /// <summary>A day four days ahead in the clinic's time zone, and the clinic's zone.</summary>
    private async Task<(DateOnly Day, TimeZoneInfo Zone)> AheadAsync()
    {
        await using var scope = app.SystemScope();
        var calendar = scope.ServiceProvider.GetRequiredService<ClinicCalendar>();
        return ((await calendar.TodayAsync()).AddDays(4), await calendar.ZoneAsync());
    }

    private static string Time(DateOnly day, int hour) => $"{day:yyyy-MM-dd}T{hour:00}:00";

    private static async Task<BrowserSession> ClinicianWithWindowAsync(ClinicAppFactory app, DayOfWeek day)
    {
        var clinician = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var added = await clinician.PostFormAsync("/clinician/availability", "/clinician/availability",
            [new("Day", day.ToString()), new("Opens", "09:00"), new("Closes", "17:00")]);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        return clinician;
    }

    [Fact]
    public async Task A_client_requests_a_time_the_clinician_approves_and_the_session_and_its_reminders_exist()
    {
        var (day, zone) = await AheadAsync();
        var clinician = await ClinicianWithWindowAsync(app, day.DayOfWeek);
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail, "Rae Request");
        var client = await CheckInArrange.SignedInAsync(app, login);

        var page = await client.GetPageAsync("/client/appointments");
        Assert.Contains($"value=\"{Time(day, 16)}\"", page);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/client", "/client/appointments", [new("time", Time(day, 16))])).StatusCode);
        var request = Assert.Single(await RequestsAsync(login.Client.Id));
        Assert.Equal((RequestKind.NewTime, RequestStatus.Pending), (request.Kind, request.Status));

        var requests = $"/clinician/clients/{login.Client.Id}/requests";
        Assert.Contains("data-testid=\"approve-request\"", await clinician.GetPageAsync(requests));
        Assert.Equal(HttpStatusCode.Redirect, (await clinician.PostFormAsync(requests, $"{requests}/{request.Id}/approve", [])).StatusCode);

        var approved = Assert.Single(await RequestsAsync(login.Client.Id));
        Assert.Equal(RequestStatus.Approved, approved.Status);
        await using var scope = app.SystemScope();
        var db = app.SystemDb(scope);
        var session = await db.Set<TherapySession>().SingleAsync(s => s.Id == approved.SessionId);
        var expectedStart = TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(16, 0)), zone);
        Assert.Equal((login.Client.Id, SessionStatus.Scheduled, expectedStart), (session.ClientId, session.Status, session.StartsAt.UtcDateTime));
        Assert.NotEmpty(await db.Set<OutboxMessage>().Where(m => m.SessionId == session.Id && m.Kind == OutboxKind.SessionReminder && m.Status == OutboxStatus.Pending).ToListAsync());
        Assert.Contains("approved", await client.GetPageAsync("/client/appointments"));
    }

    [Fact]
    public async Task A_time_outside_the_availability_a_session_inside_the_notice_period_or_not_the_clients_own_is_refused_and_nothing_is_saved()
    {
        var (day, _) = await AheadAsync();
        await ClinicianWithWindowAsync(app, day.DayOfWeek);
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail, "Bea Bad");
        var other = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Oz Other");
        var soon = await Arrange.SessionAsync(app, login.Client, DateTimeOffset.UtcNow.AddHours(2));
        var theirs = await Arrange.SessionAsync(app, other, DateTimeOffset.UtcNow.AddDays(6));
        var client = await CheckInArrange.SignedInAsync(app, login);

        var cases = new (string Path, IEnumerable<KeyValuePair<string, string>> Form, string Expected)[]
        {
            ("/client/appointments", [new("time", Time(day, 7))], RequestRules.OutsideAvailability),
            ("/client/appointments", [new("time", "not a time")], "Choose a time from the list."),
            ($"/client/appointments/{soon.Id}/cancel", [], "hours&#x27; notice"),
            ($"/client/appointments/{soon.Id}/move", [new("time", Time(day, 10))], "hours&#x27; notice"),
            ($"/client/appointments/{theirs.Id}/cancel", [], AppointmentsController.NotYoursMessage),
        };
        foreach (var (path, form, expected) in cases)
        {
            var response = await client.PostFormAsync("/client", path, form);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(expected, await response.Content.ReadAsStringAsync());
        }
        Assert.Empty(await RequestsAsync(login.Client.Id));
        Assert.Empty(await RequestsAsync(other.Id));
    }

    [Fact]
    public async Task A_time_taken_meanwhile_is_refused_on_approval_and_the_request_stays_open()
    {
        var (day, zone) = await AheadAsync();
        var clinician = await ClinicianWithWindowAsync(app, day.DayOfWeek);
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail, "Tia Taken");
        var client = await CheckInArrange.SignedInAsync(app, login);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/client", "/client/appointments", [new("time", Time(day, 15))])).StatusCode);
        var request = Assert.Single(await RequestsAsync(login.Client.Id));
        // Meanwhile the clinician books someone else at that time.
        var other = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Ugo Us");
        await Arrange.SessionAsync(app, other, TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(15, 30)), zone));
        var requests = $"/clinician/clients/{login.Client.Id}/requests";

        var approve = await clinician.PostFormAsync(requests, $"{requests}/{request.Id}/approve", []);
        Assert.Equal(HttpStatusCode.Redirect, approve.StatusCode);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(DoubleBooking.Message), await clinician.GetPageAsync(requests));
        Assert.Equal(RequestStatus.Pending, Assert.Single(await RequestsAsync(login.Client.Id)).Status);
        await using var scope = app.SystemScope();
        Assert.False(await app.SystemDb(scope).Set<TherapySession>().AnyAsync(s => s.ClientId == login.Client.Id));

        // Declining needs a reason, which the client then sees.
        await clinician.PostFormAsync(requests, $"{requests}/{request.Id}/decline", [new("reason", "")]);
        Assert.Equal(RequestStatus.Pending, Assert.Single(await RequestsAsync(login.Client.Id)).Status);
        await clinician.PostFormAsync(requests, $"{requests}/{request.Id}/decline", [new("reason", "That afternoon is gone; Thursday?")]);
        Assert.Equal(RequestStatus.Declined, Assert.Single(await RequestsAsync(login.Client.Id)).Status);
        Assert.Contains("That afternoon is gone; Thursday?", await client.GetPageAsync("/client/appointments"));
    }

    [Fact]
    public async Task A_request_whose_time_passed_while_it_waited_is_refused_on_approval_and_nothing_is_booked()
    {
        var (day, _) = await AheadAsync();
        var clinician = await ClinicianWithWindowAsync(app, day.DayOfWeek);
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail, "Pia Passed");
        var client = await CheckInArrange.SignedInAsync(app, login);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/client", "/client/appointments", [new("time", Time(day, 11))])).StatusCode);
        var request = Assert.Single(await RequestsAsync(login.Client.Id));
        // The request waited unanswered until its time had gone by.
        await CheckInArrange.SqlAsync(app, $"UPDATE appointment_requests SET starts_at = now() - interval '1 hour' WHERE id = {request.Id}");
        var requests = $"/clinician/clients/{login.Client.Id}/requests";
        var before = await Arrange.FingerprintAsync(app);

        Assert.Equal(HttpStatusCode.Redirect, (await clinician.PostFormAsync(requests, $"{requests}/{request.Id}/approve", [])).StatusCode);

        Assert.Contains(AppointmentRequest.TimePassedMessage, await clinician.GetPageAsync(requests));
        Assert.Equal(before, await Arrange.FingerprintAsync(app));
        Assert.Equal(RequestStatus.Pending, Assert.Single(await RequestsAsync(login.Client.Id)).Status);
        await using var scope = app.SystemScope();
        Assert.False(await app.SystemDb(scope).Set<TherapySession>().AnyAsync(s => s.ClientId == login.Client.Id));
    }

    private async Task<List<AppointmentRequest>> RequestsAsync(Guid clientId)
    {
        await using var scope = app.SystemScope();
        return await app.SystemDb(scope).Set<AppointmentRequest>().AsNoTracking().Where(r => r.ClientId == clientId).ToListAsync();
    }
}
