using System.Net;
using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.CheckIns;
using ClinicPortal.Core.Incidents;
using ClinicPortal.Core.Reports;
using ClinicPortal.IntegrationTests.BoundaryPlans;
using ClinicPortal.IntegrationTests.ClientCheckIns;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.IntegrationTests.Incidents;
using ClinicPortal.IntegrationTests.Progress;
using ClinicPortal.IntegrationTests.Reports;
using ClinicPortal.IntegrationTests.Safety;
using ClinicPortal.Testing;
using ClinicPortal.Web.Areas.Clinician.CheckInIncidents;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ClinicPortal.IntegrationTests.ProtectiveOrders;

/// <summary>
/// Issue 21's links: incidents linked to a safety concern (its timeline, with possible breaches), a check-in's contact attempt
/// logged as an incident once, and the report's counts by channel; tampered ids save nothing and private entries stay out.
/// </summary>
public sealed class IncidentLinkTests(DemoClinicApp app) : IClassFixture<DemoClinicApp>
{
    private static IncidentDetails Seen(Guid? person, DateTimeOffset at, string words, ContactChannel channel = ContactChannel.Text) =>
        IncidentArrange.Details(words, boundaryId: person, occurredAt: at) with { Channel = channel };

    [Fact]
    public async Task A_linked_incident_shows_on_the_concerns_timeline_marked_as_a_possible_breach_and_can_be_unlinked()
    {
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail, "Lena Linked");
        var client = login.Client;
        var person = await BoundaryArrange.BoundaryAsync(app, client, BoundaryArrange.Plan("Rex Respondent"));
        await OrderArrange.OrderAsync(app, client, person); // served 20 days ago, in force
        var concern = await ArrangeSafety.ConcernAsync(app, client);
        var during = await IncidentArrange.WriteAsync(app, client.Id, client.PrimaryClinicianId, by: IncidentAuthor.Clinician,
            details: Seen(person.Id, DateTimeOffset.UtcNow.AddDays(-2), "Waited outside the school gate"));
        var before = await IncidentArrange.WriteAsync(app, client.Id, client.PrimaryClinicianId, by: IncidentAuthor.Clinician,
            details: Seen(person.Id, DateTimeOffset.UtcNow.AddDays(-40), "Left a voicemail last month", ContactChannel.Call));
        var hidden = await IncidentArrange.WriteAsync(app, client.Id, login.UserId, isPrivate: true, details: Seen(person.Id, DateTimeOffset.UtcNow.AddHours(-5), "PRIVATE words"));
        var morgan = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var show = $"/clinician/clients/{client.Id}/safety/concerns/{concern.Id}";

        var page = await morgan.GetPageAsync(show);
        Assert.Contains("Waited outside the school gate", page); // offered for linking
        Assert.DoesNotContain("PRIVATE words", page);
        foreach (var incident in new[] { during, before })
            Assert.Equal(HttpStatusCode.Redirect, (await morgan.PostFormAsync(show, $"{show}/incidents", [new("incidentId", incident.Id.ToString())])).StatusCode);

        page = await morgan.GetPageAsync(show);
        var timeline = page[page.IndexOf("data-testid=\"concern-incidents\"", StringComparison.Ordinal)..];
        timeline = timeline[..timeline.IndexOf("</section>", StringComparison.Ordinal)];
        Assert.True(timeline.IndexOf("Left a voicemail", StringComparison.Ordinal) < timeline.IndexOf("Waited outside", StringComparison.Ordinal), "oldest first");
        Assert.Equal(1, Count(timeline, "data-testid=\"possible-breach\"")); // only the one inside the order's days
        Assert.Equal(2, await LinksAsync(client.Id));
        Assert.Contains(await Arrange.AuditAsync(app, client.Id), a => a is { Action: AuditActions.View, RecordType: AuditRecords.IncidentEntry } && a.UserId != null);

        // The order's page lists the same incident as a possible breach.
        var orders = await morgan.GetPageAsync($"/clinician/clients/{client.Id}/safety/orders");
        Assert.Contains("<td data-testid=\"order-breaches\">1</td>", orders);
        // So do the incident log's list and the entry's own page; the one before the order is not marked.
        var log = await morgan.GetPageAsync($"/clinician/clients/{client.Id}/incidents");
        Assert.Equal(1, Count(log, "data-testid=\"possible-breach\""));
        Assert.Contains("data-testid=\"possible-breach\"", await morgan.GetPageAsync($"/clinician/clients/{client.Id}/incidents/{during.Id}"));
        Assert.DoesNotContain("data-testid=\"possible-breach\"", await morgan.GetPageAsync($"/clinician/clients/{client.Id}/incidents/{before.Id}"));

        var unlinked = await morgan.PostFormAsync(show, $"{show}/incidents/{before.Id}/unlink", []);
        Assert.Equal(HttpStatusCode.Redirect, unlinked.StatusCode);
        Assert.Equal(1, await LinksAsync(client.Id));
        Assert.Contains(await Arrange.AuditAsync(app, client.Id), a => a is { Action: AuditActions.Update, RecordType: AuditRecords.SafetyConcern } && a.RecordId == concern.Id.ToString());

        // A private entry cannot be linked: the clinician cannot see it, and the link is refused with the same words as a stranger's id.
        var refused = await morgan.PostFormAsync(show, $"{show}/incidents", [new("incidentId", hidden.Id.ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains(ConcernIncidentLink.NotThisClients, WebUtility.HtmlDecode(await morgan.GetPageAsync(show)));
        Assert.Equal(1, await LinksAsync(client.Id));
    }

    [Fact]
    public async Task Tampered_ids_save_nothing_another_clients_concern_is_not_found_and_their_incident_is_refused()
    {
        var mine = await Arrange.ClientAsync(app, Arrange.MorganEmail);
        var myConcern = await ArrangeSafety.ConcernAsync(app, mine);
        var theirs = await Arrange.ClientAsync(app, Arrange.RileyEmail);
        var theirConcern = await ArrangeSafety.ConcernAsync(app, theirs);
        var theirIncident = await IncidentArrange.WriteAsync(app, theirs.Id, theirs.PrimaryClinicianId, by: IncidentAuthor.Clinician, details: Seen(null, DateTimeOffset.UtcNow.AddDays(-1), "Riley's client's words"));
        var morgan = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var show = $"/clinician/clients/{mine.Id}/safety/concerns/{myConcern.Id}";
        var before = await Arrange.FingerprintAsync(app) + await LinksAsync(theirs.Id) + await LinksAsync(mine.Id);

        var stranger = await morgan.PostFormAsync(show, $"{show}/incidents", [new("incidentId", theirIncident.Id.ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, stranger.StatusCode);
        Assert.Contains(ConcernIncidentLink.NotThisClients, WebUtility.HtmlDecode(await morgan.GetPageAsync(show)));
        var otherConcern = await morgan.PostFormAsync(show, $"/clinician/clients/{mine.Id}/safety/concerns/{theirConcern.Id}/incidents", [new("incidentId", theirIncident.Id.ToString())]);
        Assert.Equal(HttpStatusCode.NotFound, otherConcern.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await morgan.PostFormAsync(show, $"{show}/incidents/{theirIncident.Id}/unlink", [])).StatusCode);

        Assert.Equal(before, await Arrange.FingerprintAsync(app) + await LinksAsync(theirs.Id) + await LinksAsync(mine.Id));
        Assert.DoesNotContain("Riley's client's words", await morgan.GetPageAsync(show));
    }

    [Fact]
    public async Task A_checkins_contact_attempt_is_logged_as_one_incident_prefilled_from_it()
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail);
        var person = await BoundaryArrange.BoundaryAsync(app, client, BoundaryArrange.Plan("Rex Respondent"));
        var checkIn = await CheckInArrange.CheckInAsync(app, client.Id, DateTimeOffset.UtcNow.AddHours(-6), contact: true);
        var quiet = await CheckInArrange.CheckInAsync(app, client.Id, DateTimeOffset.UtcNow.AddHours(-30));
        var morgan = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var form = $"/clinician/clients/{client.Id}/check-ins/{checkIn.Id}/incident";

        Assert.Contains(form, await morgan.GetPageAsync($"/clinician/clients/{client.Id}/check-ins")); // "Log as incident" on the row
        var page = await morgan.GetPageAsync(form);
        Assert.Contains("data-testid=\"check-in-incident-form\"", page);
        Assert.Contains("<option value=\"Call\" selected=\"selected\">", page);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(new Core.Clinics.ClinicSettings().TimeZoneId);
        var local = TimeZoneInfo.ConvertTime(checkIn.CreatedAt, zone);
        Assert.Contains($"value=\"{local:yyyy-MM-dd}\"", page);

        var fields = new List<KeyValuePair<string, string>>
        {
            new("Date", local.ToString("yyyy-MM-dd")), new("Time", local.ToString("HH:mm")), new("Channel", "Call"),
            new("BoundaryId", person.Id.ToString()), new("Account", "Called four times from a blocked number"),
        };
        Assert.Equal(HttpStatusCode.Redirect, (await morgan.PostFormAsync(form, form, fields)).StatusCode);
        var entry = Assert.Single(await EntriesAsync(client.Id));
        Assert.Equal((checkIn.Id, person.Id, ContactChannel.Call, IncidentAuthor.Clinician), (entry.FromCheckInId, entry.BoundaryId, entry.Channel, entry.WrittenBy));
        Assert.Equal(new DateTimeOffset(local.Year, local.Month, local.Day, local.Hour, local.Minute, 0, local.Offset), entry.OccurredAt);
        Assert.Contains(await Arrange.AuditAsync(app, client.Id), a => a is { Action: AuditActions.Create, RecordType: AuditRecords.IncidentEntry } && a.RecordId == entry.Id.ToString());

        // The same check-in again: refused with a message (the page now says it is logged), nothing saved.
        var again = await morgan.PostFormAsync(form, form, fields);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains(CheckInIncidentsController.AlreadyLogged, WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()));
        Assert.Single(await EntriesAsync(client.Id));
        // ...and the database refuses a second entry from one check-in whatever writes it.
        var duplicate = await Assert.ThrowsAsync<DbUpdateException>(() => IncidentArrange.WriteAsync(app, client.Id, client.PrimaryClinicianId, by: IncidentAuthor.Clinician,
            details: Seen(null, DateTimeOffset.UtcNow.AddHours(-1), "again"), fromCheckInId: checkIn.Id));
        Assert.Equal(PostgresErrorCodes.UniqueViolation, Assert.IsType<PostgresException>(duplicate.InnerException).SqlState);

        // A check-in with no contact attempt offers no form and refuses a post.
        Assert.DoesNotContain("check-in-incident-form", await morgan.GetPageAsync($"/clinician/clients/{client.Id}/check-ins/{quiet.Id}/incident"));
        var none = await morgan.PostFormAsync(form, $"/clinician/clients/{client.Id}/check-ins/{quiet.Id}/incident", fields);
        Assert.Contains(CheckInIncidentsController.NoContactAttempt, WebUtility.HtmlDecode(await none.Content.ReadAsStringAsync()));
        Assert.Single(await EntriesAsync(client.Id));
    }

    [Fact]
    public async Task The_reports_safety_section_counts_the_periods_incidents_by_channel_and_never_a_private_one()
    {
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail, "Remy Report");
        var client = login.Client;
        var today = await ProgressArrange.TodayAsync(app);
        var clinician = client.PrimaryClinicianId;
        async Task WriteAsync(DateOnly day, ContactChannel channel, bool isPrivate = false) =>
            await IncidentArrange.WriteAsync(app, client.Id, isPrivate ? login.UserId : clinician, isPrivate, isPrivate ? IncidentAuthor.Client : IncidentAuthor.Clinician,
                Seen(null, ReportArrange.At(day, 16), "Calm fictional words", channel));
        await WriteAsync(today.AddDays(-10), ContactChannel.Text);
        await WriteAsync(today.AddDays(-8), ContactChannel.Text);
        await WriteAsync(today.AddDays(-5), ContactChannel.Call);
        await WriteAsync(today.AddDays(-4), ContactChannel.Email, isPrivate: true);
        await WriteAsync(today.AddDays(-45), ContactChannel.InPerson); // before the period
        var session = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var reports = $"/clinician/clients/{client.Id}/reports";

        async Task<string> PdfTextAsync(ReportAudience audience)
        {
            var form = ReportArrange.Form(today.AddDays(-29), today.AddDays(-1), audience, sections: [ReportSections.SafetyConcerns, ReportSections.Attendance]); // a client copy drops the safety section
            var response = await session.PostFormAsync(reports, $"{reports}/pdf", form);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.Content.Headers.ContentType?.MediaType == "application/pdf", await response.Content.ReadAsStringAsync());
            return PdfTools.Text(await PdfTools.SaveAsync(await response.Content.ReadAsByteArrayAsync(), $"incidents-{audience}".ToLowerInvariant()));
        }

        var provider = await PdfTextAsync(ReportAudience.Provider);
        Assert.Contains("Incidents logged", provider);
        Assert.Contains("Happened in the period 3", provider);
        Assert.Contains("Text message 2", provider);
        Assert.Contains("Call 1", provider);
        Assert.DoesNotContain("Email 1", provider);   // the private entry is never counted
        Assert.DoesNotContain("In person", provider); // before the period

        var plain = await PdfTextAsync(ReportAudience.Client);
        Assert.DoesNotContain("Incident", plain, StringComparison.OrdinalIgnoreCase);
    }

    private static int Count(string text, string what) => (text.Length - text.Replace(what, "").Length) / what.Length;

    private async Task<int> LinksAsync(Guid clientId)
    {
        await using var scope = app.SystemScope();
        return await app.SystemDb(scope).Set<ConcernIncidentLink>().CountAsync(l => l.ClientId == clientId);
    }

    private async Task<List<IncidentEntry>> EntriesAsync(Guid clientId)
    {
        await using var scope = app.SystemScope();
        return await app.SystemDb(scope).Set<IncidentEntry>().AsNoTracking().Where(e => e.ClientId == clientId).ToListAsync();
    }
}
