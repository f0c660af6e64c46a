using System.Net;
using System.Text.RegularExpressions;
using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.HardDates;
using ClinicPortal.Infrastructure.HardDates;
using ClinicPortal.IntegrationTests.ClientCheckIns;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ClinicPortal.IntegrationTests.HardDates;

/// <summary>Hard dates on both sides, the client's gentle card, the caseload's note from client_summaries, and the rolling job.</summary>
public sealed class HardDateTests(DemoClinicApp app) : IClassFixture<DemoClinicApp>
{
    private static DateOnly Today => Arrange.ClinicToday();

    private static List<KeyValuePair<string, string>> Fields(DateOnly date, string kind = "Birthday", string? label = null, bool yearly = true)
    {
        var fields = new List<KeyValuePair<string, string>> { new("Kind", kind), new("Date", date.ToString("yyyy-MM-dd")) };
        if (label is not null) fields.Add(new("Label", label));
        if (yearly) fields.Add(new("Yearly", "true"));
        return fields;
    }

    [Fact]
    public async Task The_clinician_adds_a_date_the_client_sees_it_gently_and_the_caseload_notes_it()
    {
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail, "Hana Hard");
        var morgan = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var page = $"/clinician/clients/{login.Client.Id}/hard-dates";

        var saved = await morgan.PostFormAsync(page, page, Fields(Today.AddDays(3).AddYears(-40), label: "Dad's birthday"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = Assert.Single(await DatesAsync(login.Client.Id));
        Assert.Equal((HardDateKind.Birthday, "Dad's birthday", true, false), (stored.Kind, stored.Label, stored.Yearly, stored.AddedByClient));
        Assert.Contains(await Arrange.AuditAsync(app, login.Client.Id), a => a is { Action: AuditActions.Create, RecordType: AuditRecords.HardDate } && a.RecordId == stored.Id.ToString());
        Assert.Equal(Today.AddDays(3), await NextHardDateAsync(login.Client.Id));

        var caseload = await morgan.GetPageAsync("/clinician?sort=Name");
        Assert.Contains("Hard date in 3 days", RowOf(caseload, "Hana Hard"));

        var session = await CheckInArrange.SignedInAsync(app, login);
        var home = await session.GetPageAsync("/client");
        Assert.Contains("A day that may be hard is coming in 3 days.", home);
        Assert.DoesNotContain("Dad's birthday", home); // the home screen names no day and no person
        var mine = await session.GetPageAsync("/client/hard-dates");
        Assert.Contains("Birthday: Dad&#x27;s birthday", mine);
        Assert.Contains("added by your clinician", mine);
        Assert.DoesNotContain("data-testid=\"remove-hard-date\"", mine); // not the client's to remove
        Assert.Contains(await Arrange.AuditAsync(app, login.Client.Id), a => a is { Action: AuditActions.View, RecordType: AuditRecords.HardDate } && a.UserId == login.UserId);
    }

    [Fact]
    public async Task The_client_adds_and_removes_their_own_date_but_not_their_clinicians()
    {
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.RileyEmail, "Cato Client");
        var session = await CheckInArrange.SignedInAsync(app, login);
        var riley = await Arrange.SignedInAsync(app, Arrange.RileyEmail);
        await riley.PostFormAsync($"/clinician/clients/{login.Client.Id}/hard-dates", $"/clinician/clients/{login.Client.Id}/hard-dates", Fields(Today.AddDays(40), "Holiday"));
        var clinicians = Assert.Single(await DatesAsync(login.Client.Id));

        var saved = await session.PostFormAsync("/client/hard-dates", "/client/hard-dates", Fields(Today.AddDays(20), "CourtDate", "Hearing", yearly: false));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var mine = Assert.Single(await DatesAsync(login.Client.Id), d => d.AddedByClient);
        Assert.Equal((HardDateKind.CourtDate, false, login.UserId), (mine.Kind, mine.Yearly, mine.AddedById));
        Assert.Contains("Court date: Hearing", await riley.GetPageAsync($"/clinician/clients/{login.Client.Id}/hard-dates"));

        var refused = await session.PostFormAsync("/client/hard-dates", $"/client/hard-dates/{clinicians.Id}/remove", []);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        var removed = await session.PostFormAsync("/client/hard-dates", $"/client/hard-dates/{mine.Id}/remove", []);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal([clinicians.Id], (await DatesAsync(login.Client.Id)).Select(d => d.Id));
        Assert.Contains(await Arrange.AuditAsync(app, login.Client.Id), a => a is { Action: AuditActions.Delete, RecordType: AuditRecords.HardDate } && a.RecordId == mine.Id.ToString());
    }

    public static TheoryData<string, string, string> BadInput => new()
    {
        { "Date", "31/02/2027", HardDate.DateMessage },
        { "Date", "next tuesday", HardDate.DateMessage },
        { "Date", "", HardDate.DateMessage },
        { "Kind", "Funeral", "Choose what kind of day it is from the list." },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_input_on_either_side_is_refused_with_a_message_and_nothing_is_saved(string field, string value, string message)
    {
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail, "Bo Bad");
        var session = await CheckInArrange.SignedInAsync(app, login);
        var morgan = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var clinicianPage = $"/clinician/clients/{login.Client.Id}/hard-dates";
        foreach (var (browser, page) in new[] { (session, "/client/hard-dates"), (morgan, clinicianPage) })
        {
            var fields = Fields(Today.AddDays(5));
            fields.RemoveAll(f => f.Key == field);
            fields.Add(new(field, value));
            var before = await Arrange.FingerprintAsync(app, includeAudit: true, exceptViews: true);

            var response = await browser.PostFormAsync(page, page, fields);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(WebUtility.HtmlEncode(message), await response.Content.ReadAsStringAsync());
            Assert.Equal(before, await Arrange.FingerprintAsync(app, includeAudit: true, exceptViews: true));
        }
        Assert.Empty(await DatesAsync(login.Client.Id));
    }

    [Fact]
    public async Task Another_clinicians_client_and_their_dates_are_not_found()
    {
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail, "Priya Private");
        var morgan = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var page = $"/clinician/clients/{login.Client.Id}/hard-dates";
        await morgan.PostFormAsync(page, page, Fields(Today.AddDays(10)));
        var date = Assert.Single(await DatesAsync(login.Client.Id));
        var riley = await Arrange.SignedInAsync(app, Arrange.RileyEmail);
        var before = await Arrange.FingerprintAsync(app);

        Assert.Equal(HttpStatusCode.NotFound, (await riley.Http.GetAsync(page)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await riley.PostFormAsync("/clinician", $"{page}/{date.Id}/remove", [])).StatusCode);
        Assert.Equal(before, await Arrange.FingerprintAsync(app));
    }

    [Fact]
    public async Task The_summary_follows_the_rule_and_the_rolling_job_moves_a_passed_date_on()
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Rolo Roll");
        var yearly = new DateOnly(1985, 2, 28);
        var once = Today.AddDays(9);
        await using (var scope = app.SystemScope())
        {
            var db = app.SystemDb(scope);
            db.Add(HardDate.Add(client.Id, HardDateKind.Anniversary, null, yearly, true, client.PrimaryClinicianId, false, Today, DateTimeOffset.UtcNow));
            db.Add(HardDate.Add(client.Id, HardDateKind.CourtDate, null, once, false, client.PrimaryClinicianId, false, Today, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }
        var expected = new[] { HardDate.Next(yearly, true, Today), HardDate.Next(once, false, Today) }.Min();
        Assert.Equal(expected, await NextHardDateAsync(client.Id));

        // As it would stand the day after a date passed: the job recomputes it, and leaves current rows alone.
        await ExecuteAsync("UPDATE client_summaries SET next_hard_date = clinic_today() - 1 WHERE client_id = @c", client.Id);
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<HardDatesRollJob>().RunAsync(CancellationToken.None);
        Assert.Equal(expected, await NextHardDateAsync(client.Id));

        // Removing the dates clears the note.
        await ExecuteAsync("DELETE FROM hard_dates WHERE client_id = @c", client.Id);
        Assert.Null(await NextHardDateAsync(client.Id));
    }

    private static string RowOf(string caseload, string fullName) =>
        Regex.Match(caseload, $"data-full-name=\"{Regex.Escape(fullName)}\".*?</tr>", RegexOptions.Singleline).Value is { Length: > 0 } row
            ? row : throw new Xunit.Sdk.XunitException($"{fullName} is not on the caseload page");

    private async Task<List<HardDate>> DatesAsync(Guid clientId)
    {
        await using var scope = app.SystemScope();
        return await app.SystemDb(scope).Set<HardDate>().AsNoTracking().Where(d => d.ClientId == clientId).ToListAsync();
    }

    [Theory]
    [InlineData("2000-02-29", true, "2026-02-27")]
    [InlineData("2000-02-29", true, "2026-02-28")]
    [InlineData("2000-02-29", true, "2026-03-01")]
    [InlineData("2000-02-29", true, "2028-02-28")]
    [InlineData("2000-02-29", true, "2028-02-29")]
    [InlineData("2000-02-29", true, "2028-03-01")]
    [InlineData("1990-12-31", true, "2026-12-31")]
    [InlineData("1990-12-31", true, "2027-01-01")]
    [InlineData("2026-05-04", false, "2026-05-04")]
    [InlineData("2026-05-04", false, "2026-05-05")]
    public async Task The_databases_next_occurrence_is_the_cores_including_a_29_february(string date, bool yearly, string today)
    {
        var (d, t) = (DateOnly.Parse(date), DateOnly.Parse(today));
        _ = app.Services; // the portal's start migrates the database
        await using var db = new NpgsqlConnection(app.ConnectionString);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT hard_date_next(@d, @y, @t)", db);
        command.Parameters.AddWithValue("d", d);
        command.Parameters.AddWithValue("y", yearly);
        command.Parameters.AddWithValue("t", t);
        var inDatabase = await command.ExecuteScalarAsync() is DateOnly n ? n : (DateOnly?)null;

        Assert.Equal(HardDate.Next(d, yearly, t), inDatabase);
    }

    private async Task<DateOnly?> NextHardDateAsync(Guid clientId)
    {
        await using var db = new NpgsqlConnection(app.ConnectionString);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT next_hard_date FROM client_summaries WHERE client_id = @c", db);
        command.Parameters.AddWithValue("c", clientId);
        return await command.ExecuteScalarAsync() is DateOnly d ? d : null;
    }

    private async Task ExecuteAsync(string sql, Guid clientId)
    {
        await using var db = new NpgsqlConnection(app.ConnectionString);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand(sql, db);
        command.Parameters.AddWithValue("c", clientId);
        await command.ExecuteNonQueryAsync();
    }
}
