using System.Net;
using System.Text.RegularExpressions;
using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.Safety;
using ClinicPortal.Infrastructure.Jobs;
using ClinicPortal.Infrastructure.Safety;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.Testing;
using ClinicPortal.Web.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicPortal.IntegrationTests.Safety;

public sealed partial class AlertTests(DemoClinicApp app) : IClassFixture<DemoClinicApp>
{
    private static string Day(int offset) => Arrange.ClinicDay(offset);

    private static List<KeyValuePair<string, string>> Concern(string severity, string description) =>
        [new("Type", "ShowingUpAtHomeOrWork"), new("Severity", severity), new("Status", "Open"), new("FirstNoticed", Day(-1)),
         new("InvolvedPerson", "Ex-partner"), new("Description", description), new("NextReviewDate", Day(2))];

    private static int Badge(string html) => AlertCount().Match(html) is { Success: true } m ? int.Parse(m.Groups[1].Value) : 0;

    private async Task<Guid> RecordAsync(BrowserSession session, Guid clientId, string severity, string description)
    {
        var safety = $"/clinician/clients/{clientId}/safety";
        var created = await session.PostFormAsync($"{safety}/concerns/new", $"{safety}/concerns/new", Concern(severity, description));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        return Guid.Parse(created.Headers.Location!.OriginalString.Split('/').Last());
    }

    [Fact]
    public async Task A_high_concern_raises_an_alert_in_the_badge_and_list_but_sends_no_email()
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Hana Highrisk");
        var session = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var badgeBefore = Badge(await session.GetPageAsync("/clinician"));
        var mailBefore = ArrangeSafety.Mail(app).Count;

        var concernId = await RecordAsync(session, client.Id, "High", "Followed home from the bus stop.");

        var alert = Assert.Single(await ArrangeSafety.AlertsAsync(app, client.Id));
        Assert.Equal((AlertKind.ConcernRaised, ConcernSeverity.High, concernId), (alert.Kind, alert.Severity, alert.ConcernId));
        var caseloadPage = await session.GetPageAsync("/clinician");
        Assert.Equal(badgeBefore + 1, Badge(caseloadPage));
        Assert.DoesNotContain("@if", caseloadPage);
        var list = await session.GetPageAsync("/clinician/alerts");
        Assert.Contains("Hana Highrisk", list);
        Assert.Contains("Showing up at home or work", list);
        Assert.Empty(await ArrangeSafety.AlertMailRowsAsync(app, client.Id)); // high, not imminent: nothing queued
        Assert.Equal(mailBefore, ArrangeSafety.Mail(app).Count);
        Assert.Contains(await Arrange.AuditAsync(app, client.Id), a => a.Action == AuditActions.Create && a.RecordType == AuditRecords.ClinicianAlert);

        // Editing without raising the severity raises nothing new.
        var path = $"/clinician/clients/{client.Id}/safety/concerns/{concernId}";
        await session.PostFormAsync($"{path}/edit", $"{path}/edit", Concern("High", "Followed home from the bus stop twice."));
        Assert.Single(await ArrangeSafety.AlertsAsync(app, client.Id));
    }

    [Fact]
    public async Task An_imminent_concern_emails_the_clinician_with_no_name_or_content_and_pins_the_client_until_acknowledged()
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Zora Zenith");
        var morgan = await Arrange.UserIdAsync(app, Arrange.MorganEmail);
        var session = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var mailBefore = ArrangeSafety.Mail(app);

        await RecordAsync(session, client.Id, "Imminent", "Said he would bring a knife to the school gate.");

        var mail = Assert.Single(await ArrangeSafety.AlertMailAsync(app, client.Id, 1, mailBefore));
        Assert.Contains(Arrange.MorganEmail, mail);
        Assert.Contains("You have an urgent alert. Sign in to see it.", mail);
        Assert.Contains("/account/sign-in", mail);
        foreach (var word in new[] { "Zora", "Zenith", "knife", "school", "Ex-partner", "imminent", "concern", "safety", "threat", "showing up" })
            Assert.DoesNotContain(word, mail, StringComparison.OrdinalIgnoreCase);

        var caseload = await session.GetPageAsync("/clinician");
        Assert.True(caseload.IndexOf("Zora Zenith", StringComparison.Ordinal) < caseload.IndexOf("Avery Fictional", StringComparison.Ordinal),
            "the client with an unacknowledged imminent alert is listed above the others");
        Assert.Contains("data-testid=\"caseload-imminent\"", caseload);

        var alert = Assert.Single(await ArrangeSafety.AlertsAsync(app, client.Id));
        // Without saying what was done, or "other" without a note: refused with the reason, nothing saved.
        var unchanged = await Arrange.FingerprintAsync(app);
        await session.PostFormAsync("/clinician/alerts", $"/clinician/alerts/{alert.Id}/acknowledge", []);
        Assert.Contains(WebUtility.HtmlEncode(ClinicianAlert.ChooseResponse), await session.GetPageAsync("/clinician/alerts"));
        await session.PostFormAsync("/clinician/alerts", $"/clinician/alerts/{alert.Id}/acknowledge", [new("Response", "banana")]);
        Assert.Contains(WebUtility.HtmlEncode(ClinicianAlert.ChooseResponse), await session.GetPageAsync("/clinician/alerts"));
        await session.PostFormAsync("/clinician/alerts", $"/clinician/alerts/{alert.Id}/acknowledge", [new("Response", "Other"), new("Note", " ")]);
        Assert.Contains("required for", await session.GetPageAsync("/clinician/alerts"));
        Assert.Equal(unchanged, await Arrange.FingerprintAsync(app));

        var acknowledged = await session.PostFormAsync("/clinician/alerts", $"/clinician/alerts/{alert.Id}/acknowledge",
            [new("Response", "EmergencyServicesContacted"), new("Note", "Police on the way to the school gate")]);
        Assert.Equal(HttpStatusCode.Redirect, acknowledged.StatusCode);

        var stored = Assert.Single(await ArrangeSafety.AlertsAsync(app, client.Id));
        Assert.Equal(morgan, stored.AcknowledgedById);
        Assert.Equal((AlertResponse.EmergencyServicesContacted, "Police on the way to the school gate"), (stored.Response!.Value, stored.ResponseNote));
        Assert.InRange(stored.AcknowledgedAt!.Value, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Contains(await Arrange.AuditAsync(app, client.Id), a => a.Action == AuditActions.Acknowledge && a.RecordId == alert.Id.ToString() && a.UserId == morgan);
        caseload = await session.GetPageAsync("/clinician");
        Assert.True(caseload.IndexOf("Zora Zenith", StringComparison.Ordinal) > caseload.IndexOf("Avery Fictional", StringComparison.Ordinal));
        var list = await session.GetPageAsync("/clinician/alerts");
        Assert.Contains("Dr. Morgan Example", list); // acknowledged by, shown in the list
        Assert.Contains("Emergency services contacted: Police on the way to the school gate", list); // and what was done
        // The concern's history has the same line.
        var concern = await ArrangeSafety.ReloadAsync(app, alert.ConcernId!.Value);
        Assert.Contains(concern.Changes, c => c.Summary.Contains("Alert acknowledged") && c.Summary.Contains("Emergency services contacted: Police on the way"));

        // A second acknowledgement is refused with a message and changes nothing.
        var before = await Arrange.FingerprintAsync(app);
        await session.PostFormAsync("/clinician/alerts", $"/clinician/alerts/{alert.Id}/acknowledge", [new("Response", "NoAnswer")]);
        Assert.Contains("already acknowledged", await session.GetPageAsync("/clinician/alerts"));
        Assert.Equal(before, await Arrange.FingerprintAsync(app));
    }

    [Fact]
    public async Task Acknowledging_from_the_concern_page_returns_there_and_foreign_return_urls_are_ignored()
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail);
        var concern = await ArrangeSafety.ConcernAsync(app, client, ConcernSeverity.High);
        var first = await ArrangeSafety.AlertAsync(app, client, ConcernSeverity.High, concern.Id);
        var second = await ArrangeSafety.AlertAsync(app, client, ConcernSeverity.Imminent);
        var session = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var path = $"/clinician/clients/{client.Id}/safety/concerns/{concern.Id}";
        Assert.Contains("data-testid=\"open-alert\"", await session.GetPageAsync(path));

        var back = await session.PostFormAsync(path, $"/clinician/alerts/{first.Id}/acknowledge", [new("returnUrl", path), new("Response", "CalledClient")]);
        var away = await session.PostFormAsync(path, $"/clinician/alerts/{second.Id}/acknowledge", [new("returnUrl", "https://evil.example/"), new("Response", "CalledClient")]);

        Assert.Equal(path, back.Headers.Location!.OriginalString);
        Assert.Equal("/clinician/alerts", away.Headers.Location!.OriginalString);
        Assert.DoesNotContain("data-testid=\"open-alert\"", await session.GetPageAsync(path));
    }

    [Theory]
    [InlineData("other-clinician")]
    [InlineData("admin")]
    [InlineData("client")]
    [InlineData("anonymous")]
    public async Task Nobody_else_sees_or_acknowledges_a_clients_alerts(string intruder)
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Pia Private");
        var alert = await ArrangeSafety.AlertAsync(app, client, ConcernSeverity.Imminent);
        var (session, tokenPage) = intruder switch
        {
            "other-clinician" => (await Arrange.SignedInAsync(app, Arrange.RileyEmail), "/clinician"),
            "admin" => (await Arrange.SignedInAsync(app, DemoLogins.AdminEmail), "/admin"),
            "client" => (await Arrange.SignedInAsync(app, DemoLogins.QuinnEmail), "/client"),
            _ => (new BrowserSession(app.CreateBrowserLikeClient()), "/account/sign-in"),
        };
        var token = await session.TokenFromAsync(tokenPage);
        var before = await Arrange.FingerprintAsync(app);

        var list = await session.Http.GetAsync("/clinician/alerts");
        var ack = await session.Http.PostAsync($"/clinician/alerts/{alert.Id}/acknowledge",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Response", "CalledClient")]));

        if (intruder == "other-clinician")
        {
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
            Assert.DoesNotContain("Pia Private", await list.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.NotFound, ack.StatusCode);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, list.StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, ack.StatusCode);
            Assert.StartsWith(intruder == "anonymous" ? "/account/sign-in" : "/account/access-denied", ack.Headers.Location!.PathAndQuery);
        }
        Assert.Null(Assert.Single(await ArrangeSafety.AlertsAsync(app, client.Id)).AcknowledgedAt);
        Assert.Equal(before, await Arrange.FingerprintAsync(app));
    }

    [Fact]
    public async Task Overdue_reviews_raise_one_alert_per_concern_per_review_date()
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail);
        var overdue = await ArrangeSafety.ConcernAsync(app, client, ConcernSeverity.Imminent);
        var notDue = await ArrangeSafety.ConcernAsync(app, client, ConcernSeverity.High);
        var resolved = await ArrangeSafety.ConcernAsync(app, client, ConcernSeverity.Low);
        var today = Arrange.ClinicToday();
        await using (var scope = app.SystemScope())
        {
            var db = app.SystemDb(scope);
            await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE safety_concerns SET next_review_date = {today.AddDays(-3)} WHERE id = {overdue.Id}");
            await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE safety_concerns SET next_review_date = {today.AddDays(-3)}, status = 2 WHERE id = {resolved.Id}");
        }
        var mailBefore = ArrangeSafety.Mail(app).Count;

        await RunJobLogicAsync();
        await RunJobLogicAsync(); // a second run (or a second node) adds nothing

        var alert = Assert.Single(await ArrangeSafety.AlertsAsync(app, client.Id));
        Assert.Equal((AlertKind.ReviewOverdue, overdue.Id, today.AddDays(-3)), (alert.Kind, alert.ConcernId, alert.ReviewDate));
        Assert.Equal(ConcernSeverity.High, alert.Severity); // an overdue review is never "imminent": no email, no pinning
        Assert.Empty(await ArrangeSafety.AlertMailRowsAsync(app, client.Id));
        Assert.Equal(mailBefore, ArrangeSafety.Mail(app).Count);

        // A new review date that passes again gives a new alert.
        await using (var scope = app.SystemScope())
            await app.SystemDb(scope).Database.ExecuteSqlInterpolatedAsync($"UPDATE safety_concerns SET next_review_date = {today.AddDays(-1)} WHERE id = {overdue.Id}");
        await RunJobLogicAsync();
        Assert.Equal(2, (await ArrangeSafety.AlertsAsync(app, client.Id)).Count(a => a.ConcernId == overdue.Id));
        Assert.DoesNotContain(await ArrangeSafety.AlertsAsync(app, client.Id), a => a.ConcernId == notDue.Id || a.ConcernId == resolved.Id);
    }

    [Fact]
    public void The_overdue_review_job_is_scheduled()
    {
        _ = app.Services;
        using var connection = app.Services.GetRequiredService<Hangfire.JobStorage>().GetConnection();
        var job = Assert.Single(Hangfire.Storage.StorageConnectionExtensions.GetRecurringJobs(connection), j => j.Id == JobSchedules.OverdueReviews);

        Assert.Equal(typeof(OverdueReviewJob), job.Job.Type);
        Assert.Equal(JobSchedules.Every(JobSchedules.OverdueReviewInterval), job.Cron);
        Assert.NotNull(job.NextExecution);
    }

    [Fact]
    public async Task Check_ins_can_raise_an_unsafe_alert_that_emails_the_clinician()
    {
        var client = await Arrange.ClientAsync(app, Arrange.RileyEmail, "Uma Unsafe");
        var mailBefore = ArrangeSafety.Mail(app);

        await using (var scope = app.SystemScope())
        {
            await scope.ServiceProvider.GetRequiredService<ClinicianAlerts>().AddForCheckInAsync(client.Id, AlertKind.ClientFeelsUnsafe);
            await app.SystemDb(scope).SaveChangesAsync(); // the email goes out once this commits
        }

        var alert = Assert.Single(await ArrangeSafety.AlertsAsync(app, client.Id));
        Assert.Equal(ConcernSeverity.Imminent, alert.Severity);
        var mail = Assert.Single(await ArrangeSafety.AlertMailAsync(app, client.Id, 1, mailBefore));
        Assert.Contains(Arrange.RileyEmail, mail);
        Assert.DoesNotContain("Uma", mail);
        Assert.DoesNotContain("unsafe", mail, StringComparison.OrdinalIgnoreCase);
    }

    private async Task RunJobLogicAsync()
    {
        await using var scope = app.SystemScope();
        await scope.ServiceProvider.GetRequiredService<OverdueReviewAlerts>().RaiseDueAsync();
    }

    [GeneratedRegex("data-testid=\"alert-count\">(\\d+)<")]
    private static partial Regex AlertCount();
}
