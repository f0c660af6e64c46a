using System.Net;
using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Clinics;
using ClinicPortal.Core.Reports;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Core.Measures;
using ClinicPortal.Infrastructure.Measures;
using ClinicPortal.IntegrationTests.ClientCheckIns;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicPortal.IntegrationTests.Measures;

/// <summary>The demo clinic on a hand-driven clock, for schedules.</summary>
public sealed class MeasureClockApp() : ClinicAppFactory(demo: true)
{
    public ManualClock Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}

/// <summary>
/// Schedules made on the clinician's page open questionnaires as the clock moves: every N weeks, N hours before a
/// session, one at a time while unanswered, never for a stopped schedule or a discharged client. The job's work is
/// run by hand and the database is read after each step (the recurring job may have run the same step first: both are safe).
/// </summary>
public sealed class MeasureSchedulingTests(MeasureClockApp app) : IClassFixture<MeasureClockApp>
{
    [Fact]
    public async Task Schedules_open_questionnaires_as_they_fall_due_and_never_pile_them_up()
    {
        var t0 = app.Clock.GetUtcNow();
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail, "Sol Scheduled");
        var client = login.Client;
        var session = await Arrange.SessionAsync(app, client, t0.AddDays(3));
        var morgan = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var page = $"/clinician/clients/{client.Id}/measures";
        Assert.Equal(HttpStatusCode.Redirect, (await morgan.PostFormAsync(page, $"{page}/schedules",
            [new("InstrumentCode", "PHQ-9"), new("Kind", "EveryWeeks"), new("Every", "1"), new("ShareTrend", "true")])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await morgan.PostFormAsync(page, $"{page}/schedules",
            [new("InstrumentCode", "GAD-7"), new("Kind", "BeforeSession"), new("Every", "24")])).StatusCode);

        await OpenDueAsync();
        var phq = Assert.Single(await MeasuresArrange.ResponsesAsync(app, client.Id));
        Assert.Equal((Instruments.Phq9Code, (Guid?)null), (phq.InstrumentCode, phq.SessionId));
        Assert.Contains("Patient Health Questionnaire", await (await CheckInArrange.SignedInAsync(app, login)).GetPageAsync("/client/measures"));

        app.Clock.Advance(TimeSpan.FromDays(2) + TimeSpan.FromHours(1)); // the session is now less than 24 hours away
        await OpenDueAsync();
        var responses = await MeasuresArrange.ResponsesAsync(app, client.Id);
        Assert.Equal(2, responses.Count); // the unanswered PHQ-9 is not opened again
        var gad = Assert.Single(responses, r => r.InstrumentCode == Instruments.Gad7Code);
        Assert.Equal(session.Id, gad.SessionId);
        Assert.InRange(gad.DueAt - session.StartsAt.AddHours(-24), TimeSpan.FromMilliseconds(-1), TimeSpan.FromMilliseconds(1)); // stored to the microsecond

        await SubmitAsync(phq.Id, [0, 1, 0, 1, 0, 1, 0, 1, 0]);
        app.Clock.Advance(TimeSpan.FromDays(5)); // a week after the first PHQ-9; the session has passed
        await OpenDueAsync();
        responses = await MeasuresArrange.ResponsesAsync(app, client.Id);
        Assert.Equal(3, responses.Count);
        Assert.Equal(phq.DueAt.AddDays(7), responses.Single(r => r.InstrumentCode == Instruments.Phq9Code && r.SubmittedAt == null).DueAt); // both read back from the database

        // Stopped: nothing more, however far the clock runs.
        var scheduleId = await ScheduleIdAsync(client.Id, Instruments.Phq9Code);
        morgan = await Arrange.SignedInAsync(app, Arrange.MorganEmail); // a week on the clock: sign in afresh
        var stop = await morgan.PostFormAsync(page, $"{page}/schedules/{scheduleId}/stop", []);
        Assert.Equal((HttpStatusCode.Redirect, page), (stop.StatusCode, stop.Headers.Location!.OriginalString));
        await SubmitAsync(responses.Single(r => r.SubmittedAt == null && r.InstrumentCode == Instruments.Phq9Code).Id, [0, 0, 0, 0, 0, 0, 0, 0, 0]);
        app.Clock.Advance(TimeSpan.FromDays(14));
        await OpenDueAsync();
        Assert.Equal(3, (await MeasuresArrange.ResponsesAsync(app, client.Id)).Count);
        // Stopping ends the asking, not the sharing: the client still sees their PHQ-9 scores, and only those.
        var mine = await (await CheckInArrange.SignedInAsync(app, login)).GetPageAsync("/client/measures");
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(mine, "data-testid=\"my-measure-trend\""));
    }

    [Fact]
    public async Task Once_on_a_future_day_opens_on_that_day_and_a_past_day_is_refused_with_nothing_saved()
    {
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail, "Ona Once");
        var client = login.Client;
        var morgan = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var page = $"/clinician/clients/{client.Id}/measures";
        var zone = await ZoneAsync();
        var today = ClinicTime.DayOf(app.Clock.GetUtcNow(), zone);
        List<KeyValuePair<string, string>> Once(DateOnly day) => [new("InstrumentCode", "PCL-5"), new("Kind", "Once"), new("On", day.ToString("yyyy-MM-dd"))];

        var refused = await morgan.PostFormAsync(page, $"{page}/schedules", Once(today.AddDays(-1)));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains($"{ReportPeriod.Format(today.AddDays(-1))} has passed: choose today", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.Equal(0, await SchedulesAsync(client.Id));

        var day = today.AddDays(3);
        Assert.Equal(HttpStatusCode.Redirect, (await morgan.PostFormAsync(page, $"{page}/schedules", Once(day))).StatusCode);
        Assert.Contains($"Once, opening {ReportPeriod.Format(day)}", WebUtility.HtmlDecode(await morgan.GetPageAsync(page)));
        await OpenDueAsync();
        Assert.Empty(await MeasuresArrange.ResponsesAsync(app, client.Id)); // not before its day

        var opens = ClinicTime.ToUtcOrRefuse(day, MeasureSchedule.OnceOpensAt, zone);
        app.Clock.Advance(opens - app.Clock.GetUtcNow() - TimeSpan.FromMinutes(1));
        await OpenDueAsync();
        Assert.Empty(await MeasuresArrange.ResponsesAsync(app, client.Id)); // a minute early

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await OpenDueAsync();
        var opened = Assert.Single(await MeasuresArrange.ResponsesAsync(app, client.Id));
        Assert.Equal((Instruments.Pcl5Code, opens), (opened.InstrumentCode, opened.DueAt));

        app.Clock.Advance(TimeSpan.FromDays(30)); // spent: nothing more, even unanswered for a month
        await OpenDueAsync();
        Assert.Single(await MeasuresArrange.ResponsesAsync(app, client.Id));
        Assert.DoesNotContain("Once, opening", WebUtility.HtmlDecode(await (await Arrange.SignedInAsync(app, Arrange.MorganEmail)).GetPageAsync(page)));
    }

    [Fact]
    public async Task A_discharged_clients_schedule_opens_nothing()
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Dee Discharged");
        var morgan = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var page = $"/clinician/clients/{client.Id}/measures";
        // Due in two days, so the recurring job cannot open it before the client is discharged.
        var zone = await ZoneAsync();
        var day = ClinicTime.DayOf(app.Clock.GetUtcNow(), zone).AddDays(2);
        Assert.Equal(HttpStatusCode.Redirect, (await morgan.PostFormAsync(page, $"{page}/schedules",
            [new("InstrumentCode", "GAD-7"), new("Kind", "Once"), new("On", day.ToString("yyyy-MM-dd"))])).StatusCode);
        await CheckInArrange.SqlAsync(app, $"UPDATE clients SET status = {(int)ClientStatus.Discharged} WHERE id = {client.Id}");
        app.Clock.Advance(ClinicTime.ToUtcOrRefuse(day, MeasureSchedule.OnceOpensAt, zone) - app.Clock.GetUtcNow() + TimeSpan.FromMinutes(1));

        await OpenDueAsync();

        Assert.Empty(await MeasuresArrange.ResponsesAsync(app, client.Id));
    }

    private async Task OpenDueAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DueMeasures>().OpenDueAsync();
    }

    private async Task SubmitAsync(Guid responseId, int?[] answers)
    {
        await using var scope = app.SystemScope();
        var db = app.SystemDb(scope);
        var response = await db.Set<MeasureResponse>().SingleAsync(r => r.Id == responseId);
        response.Submit(answers, app.Clock.GetUtcNow());
        await db.SaveChangesAsync();
    }

    private async Task<TimeZoneInfo> ZoneAsync()
    {
        await using var scope = app.SystemScope();
        return await scope.ServiceProvider.GetRequiredService<ClinicCalendar>().ZoneAsync();
    }

    private async Task<int> SchedulesAsync(Guid clientId)
    {
        await using var scope = app.SystemScope();
        return await app.SystemDb(scope).Set<MeasureSchedule>().CountAsync(s => s.ClientId == clientId);
    }

    private async Task<Guid> ScheduleIdAsync(Guid clientId, string code)
    {
        await using var scope = app.SystemScope();
        return await app.SystemDb(scope).Set<MeasureSchedule>().Where(s => s.ClientId == clientId && s.InstrumentCode == code).Select(s => s.Id).SingleAsync();
    }
}
