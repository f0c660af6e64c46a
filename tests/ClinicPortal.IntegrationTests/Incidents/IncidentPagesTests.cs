using System.Net;
using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.CheckIns;
using ClinicPortal.Core.Clinics;
using ClinicPortal.Core.Incidents;
using ClinicPortal.Core.SupportNetwork;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.IntegrationTests.BoundaryPlans;
using ClinicPortal.IntegrationTests.ClientCheckIns;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.IntegrationTests.Concurrency;
using ClinicPortal.Testing;
using ClinicPortal.Web.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ClinicPortal.IntegrationTests.Incidents;

/// <summary>The incident log's pages on both sides: the client's quick note, the clinician's tab, integrity, privacy and bad input.</summary>
public sealed class IncidentPagesTests(DemoClinicApp app) : IClassFixture<DemoClinicApp>
{
    /// <summary>Arranged clients live in Chicago (Arrange.ClientAsync); the clinician types clinic time.</summary>
    private static readonly TimeZoneInfo ClientZone = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");
    private static readonly TimeZoneInfo ClinicZone = TimeZoneInfo.FindSystemTimeZoneById(new ClinicSettings().TimeZoneId);

    private static List<KeyValuePair<string, string>> Fields(DateTimeOffset at, TimeZoneInfo zone, string account = "They wrote: \"Answer me or else.\"",
        string channel = "Text", string? who = null, bool isPrivate = false, string? place = null)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Date", local.ToString("yyyy-MM-dd")), new("Time", local.ToString("HH:mm")), new("Channel", channel), new("Account", account),
        };
        if (who is not null) fields.Add(new("Who", who));
        if (place is not null) fields.Add(new("Place", place));
        if (isPrivate) fields.Add(new("IsPrivate", "true"));
        return fields;
    }

    private async Task<List<IncidentEntry>> EntriesAsync(Guid clientId)
    {
        await using var scope = app.SystemScope();
        return await app.SystemDb(scope).Set<IncidentEntry>().IgnoreQueryFilters().AsNoTracking().Where(e => e.ClientId == clientId).ToListAsync();
    }

    [Fact]
    public async Task The_client_notes_a_contact_in_one_post_and_the_clinician_reads_it_with_who_wrote_it_and_its_check()
    {
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail, "Nia Notes");
        var boundary = await BoundaryArrange.BoundaryAsync(app, login.Client);
        var client = await CheckInArrange.SignedInAsync(app, login);
        var at = DateTimeOffset.UtcNow.AddHours(-5);

        var form = await client.GetPageAsync("/client/log/new");
        Assert.Contains("Notes of contact", await client.GetPageAsync("/client/log"));
        Assert.DoesNotContain("ncident", form); // discreet: no "incident" anywhere on the client's pages
        var saved = await client.PostFormAsync("/client/log/new", "/client/log/new",
            Fields(at, ClientZone, who: "b:" + boundary.Id, place: "Outside the pharmacy"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var entry = Assert.Single(await EntriesAsync(login.Client.Id));
        Assert.Equal($"/client/log/{entry.Id}", saved.Headers.Location!.OriginalString);
        Assert.Equal((IncidentAuthor.Client, login.UserId, boundary.Id, ContactChannel.Text, "Outside the pharmacy", false),
            (entry.WrittenBy, entry.WrittenByUserId, entry.BoundaryId, entry.Channel, entry.Place, entry.IsPrivate));
        Assert.Equal(new DateTimeOffset(at.Year, at.Month, at.Day, at.Hour, at.Minute, 0, TimeSpan.Zero), entry.OccurredAt); // typed in Chicago, stored in UTC
        Assert.True(entry.IsIntact);
        var mine = await client.GetPageAsync($"/client/log/{entry.Id}");
        Assert.Contains("data-testid=\"record-intact\"", mine);
        Assert.Contains("data-testid=\"correct-note\"", mine);
        Assert.Contains($"href=\"/client/log/{entry.Id}/files\"", mine); // pictures and files, from the note
        Assert.Contains("href=\"/client/log/copy\"", await client.GetPageAsync("/client/log"));
        Assert.DoesNotContain("ncident", mine);

        var morgan = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var list = await morgan.GetPageAsync($"/clinician/clients/{login.Client.Id}/incidents");
        Assert.Contains("Answer me or else", System.Net.WebUtility.HtmlDecode(list));
        Assert.Contains($"href=\"/clinician/clients/{login.Client.Id}/incidents/export\"", list);
        var detail = System.Net.WebUtility.HtmlDecode(await morgan.GetPageAsync($"/clinician/clients/{login.Client.Id}/incidents/{entry.Id}"));
        Assert.Contains("Written by the client", detail);
        Assert.Contains(entry.ContentHash, detail);
        Assert.Contains("data-testid=\"record-intact\"", detail);
        Assert.DoesNotContain("data-testid=\"correct-incident\"", detail); // not the clinician's to correct
        Assert.Contains($"href=\"/clinician/clients/{login.Client.Id}/incidents/{entry.Id}/files\"", detail);
        var audit = await Arrange.AuditAsync(app, login.Client.Id);
        Assert.Contains(audit, a => a is { Action: AuditActions.Create, RecordType: AuditRecords.IncidentEntry } && a.RecordId == entry.Id.ToString() && a.UserId == login.UserId);
        Assert.Contains(audit, a => a is { Action: AuditActions.View, RecordType: AuditRecords.IncidentEntry } && a.RecordId == entry.Id.ToString() && a.UserId != login.UserId);
    }

    [Fact]
    public async Task A_private_note_is_the_clients_alone_every_staff_route_answers_404_and_nothing_is_audited_or_sent()
    {
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail, "Pax Private");
        var client = await CheckInArrange.SignedInAsync(app, login);
        var outboxBefore = await OutboxCountAsync();

        var saved = await client.PostFormAsync("/client/log/new", "/client/log/new",
            Fields(DateTimeOffset.UtcNow.AddHours(-1), ClientZone, account: "Private words nobody else reads", isPrivate: true));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var entry = Assert.Single(await EntriesAsync(login.Client.Id));
        Assert.True(entry.IsPrivate);
        Assert.Contains("Private words nobody else reads", await client.GetPageAsync("/client/log"));
        Assert.Contains("data-testid=\"private-badge\"", await client.GetPageAsync($"/client/log/{entry.Id}"));

        var morgan = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var baseUrl = $"/clinician/clients/{login.Client.Id}/incidents";
        Assert.DoesNotContain("Private words", await morgan.GetPageAsync(baseUrl));
        var before = await Arrange.FingerprintAsync(app);
        foreach (var url in new[] { $"{baseUrl}/{entry.Id}", $"{baseUrl}/{entry.Id}/correct" })
            Assert.Equal(HttpStatusCode.NotFound, (await morgan.Http.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await morgan.PostFormAsync(baseUrl, $"{baseUrl}/{entry.Id}/addenda", [new("Text", "INJECTED")])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await morgan.PostFormAsync(baseUrl, $"{baseUrl}/{entry.Id}/correct",
            Fields(DateTimeOffset.UtcNow.AddHours(-2), ClinicZone, account: "INJECTED"))).StatusCode);
        Assert.Equal(before, await Arrange.FingerprintAsync(app));

        // No staff scope reads it, jobs and reports included, and no audit row (read by staff) names it.
        await using (var scope = app.SystemScope())
            Assert.False(await app.SystemDb(scope).Set<IncidentEntry>().AnyAsync(e => e.Id == entry.Id));
        Assert.DoesNotContain(await Arrange.AuditAsync(app, login.Client.Id), a => a.RecordId == entry.Id.ToString()
            || (a.RecordType == AuditRecords.IncidentEntry && a.UserId == login.UserId)); // the client's own list showed only private notes
        Assert.Equal(outboxBefore, await OutboxCountAsync());
    }

    [Fact]
    public async Task Bad_input_gets_a_clear_message_and_nothing_is_saved()
    {
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.RileyEmail, "Bea Bad");
        var other = await Arrange.ClientAsync(app, Arrange.RileyEmail, "Otto Other");
        var theirs = await BoundaryArrange.BoundaryAsync(app, other);
        var hidden = await BoundaryArrange.PersonAsync(app, login.Client, "Relay Person", SupportRole.Risk);
        var client = await CheckInArrange.SignedInAsync(app, login);
        var riley = await Arrange.SignedInAsync(app, Arrange.RileyEmail);
        var ago = DateTimeOffset.UtcNow.AddHours(-2);
        var cases = new (string Why, List<KeyValuePair<string, string>> Fields, string Message)[]
        {
            ("in the future", Fields(DateTimeOffset.UtcNow.AddHours(3), ClientZone), IncidentRules.FutureMessage),
            ("empty account", Fields(ago, ClientZone, account: "   "), "What was said or done is required."),
            ("over-long account", Fields(ago, ClientZone, account: new string('a', IncidentRules.AccountMax + 1)), $"at most {IncidentRules.AccountMax} characters"),
            ("over-long place", Fields(ago, ClientZone, place: new string('p', IncidentRules.PlaceMax + 1)), $"at most {IncidentRules.PlaceMax} characters"),
            ("another client's boundary", Fields(ago, ClientZone, who: "b:" + theirs.Id), IncidentRules.UnknownPersonMessage),
            ("a person not shared with the client", Fields(ago, ClientZone, who: "s:" + hidden.Id), IncidentRules.UnknownPersonMessage),
            ("a who that is no choice", Fields(ago, ClientZone, who: "x:" + Guid.NewGuid()), IncidentRules.UnknownPersonMessage),
            ("no channel", Fields(ago, ClientZone, channel: ""), IncidentRules.ChannelMessage),
            ("an unknown channel", Fields(ago, ClientZone, channel: "Pigeon"), IncidentRules.ChannelMessage),
            ("no date", Fields(ago, ClientZone).Where(f => f.Key != "Date").ToList(), IncidentRules.WhenMessage),
        };
        var before = await Arrange.FingerprintAsync(app, includeAudit: true, exceptViews: true);

        foreach (var (why, fields, message) in cases)
        {
            var refused = await client.PostFormAsync("/client/log/new", "/client/log/new", fields);
            Assert.True(refused.StatusCode == HttpStatusCode.OK, $"{why}: {refused.StatusCode}");
            Assert.Contains(message, System.Net.WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
            var staff = await riley.PostFormAsync($"/clinician/clients/{login.Client.Id}/incidents/new", $"/clinician/clients/{login.Client.Id}/incidents/new",
                why == "a person not shared with the client" ? Fields(ago, ClinicZone, who: "b:" + theirs.Id) : fields);
            Assert.True(staff.StatusCode == HttpStatusCode.OK, $"{why} (clinician): {staff.StatusCode}");
        }

        Assert.Equal(before, await Arrange.FingerprintAsync(app, includeAudit: true, exceptViews: true));
        Assert.Empty(await EntriesAsync(login.Client.Id));
    }

    [Fact]
    public async Task After_the_window_a_correction_is_refused_with_a_pointer_to_the_addendum_which_is_kept_beside_the_entry()
    {
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail, "Cy Closed");
        var entry = await IncidentArrange.WriteAsync(app, login.Client.Id, login.UserId);
        await IncidentArrange.BackdateAsync(app, entry.Id, TimeSpan.FromHours(1));
        var client = await CheckInArrange.SignedInAsync(app, login);
        var page = $"/client/log/{entry.Id}";

        var show = await client.GetPageAsync(page);
        Assert.DoesNotContain("data-testid=\"correct-note\"", show);
        Assert.Contains(IncidentRules.WindowClosedMessage, System.Net.WebUtility.HtmlDecode(await client.GetPageAsync($"{page}/correct")));
        var before = await Arrange.FingerprintAsync(app, includeAudit: true, exceptViews: true);
        var refused = await client.PostFormAsync(page, $"{page}/correct", Fields(DateTimeOffset.UtcNow.AddHours(-2), ClientZone, account: "Rewritten"));
        Assert.Contains(IncidentRules.WindowClosedMessage, System.Net.WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.Equal(before, await Arrange.FingerprintAsync(app, includeAudit: true, exceptViews: true));

        var added = await client.PostFormAsync(page, $"{page}/addenda", [new("Text", "It was a Tuesday, not a Monday.")]);

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var shown = System.Net.WebUtility.HtmlDecode(await client.GetPageAsync(page));
        Assert.Contains("It was a Tuesday, not a Monday.", shown);
        Assert.Contains("by you", shown);
        Assert.Contains(entry.Account, shown);
        var morgan = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        Assert.Contains("It was a Tuesday, not a Monday.", System.Net.WebUtility.HtmlDecode(
            await morgan.GetPageAsync($"/clinician/clients/{login.Client.Id}/incidents/{entry.Id}")));
        Assert.Contains(await Arrange.AuditAsync(app, login.Client.Id), a => a is { Action: AuditActions.Addendum, RecordType: AuditRecords.IncidentEntry } && a.RecordId == entry.Id.ToString());
    }

    [Fact]
    public async Task The_clinician_writes_corrects_inside_the_window_and_adds_an_addendum_and_the_client_reads_them()
    {
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail, "Wyn Written");
        var person = await BoundaryArrange.PersonAsync(app, login.Client, "Relay Friend", SupportRole.Risk);
        var morgan = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var baseUrl = $"/clinician/clients/{login.Client.Id}/incidents";
        Assert.Contains("Relay Friend", await morgan.GetPageAsync($"{baseUrl}/new")); // the clinician may name anyone in the network

        var saved = await morgan.PostFormAsync($"{baseUrl}/new", $"{baseUrl}/new",
            Fields(DateTimeOffset.UtcNow.AddDays(-1), ClinicZone, account: "Relayed: \"They want the ring back.\"", channel: "ThroughSomeoneElse", who: "s:" + person.Id));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var entry = Assert.Single(await EntriesAsync(login.Client.Id));
        Assert.Equal((IncidentAuthor.Clinician, login.Client.PrimaryClinicianId, person.Id), (entry.WrittenBy, entry.WrittenByUserId, entry.SupportPersonId));

        var correct = $"{baseUrl}/{entry.Id}/correct";
        Assert.Contains("data-testid=\"correctable-until\"", await morgan.GetPageAsync(correct));
        var fields = HtmlForm.FieldsOf(await morgan.GetPageAsync(correct), correct).With("Account", "Relayed: \"They want the ring and the keys back.\"");
        Assert.Equal(HttpStatusCode.Redirect, (await morgan.PostFormAsync(correct, correct, fields)).StatusCode);
        var corrected = Assert.Single(await EntriesAsync(login.Client.Id));
        Assert.NotNull(corrected.CorrectedAt);
        Assert.NotEqual(entry.ContentHash, corrected.ContentHash);
        Assert.True(corrected.IsIntact);

        await IncidentArrange.BackdateAsync(app, entry.Id, TimeSpan.FromHours(2));
        Assert.Equal(HttpStatusCode.Redirect, (await morgan.PostFormAsync($"{baseUrl}/{entry.Id}", $"{baseUrl}/{entry.Id}/addenda", [new("Text", "Client confirmed the words in session.")])).StatusCode);

        var client = await CheckInArrange.SignedInAsync(app, login);
        var seen = System.Net.WebUtility.HtmlDecode(await client.GetPageAsync($"/client/log/{entry.Id}"));
        Assert.Contains("They want the ring and the keys back.", seen);
        Assert.Contains("Written by your clinician", seen);
        Assert.Contains("Client confirmed the words in session.", seen);
        Assert.DoesNotContain("Relay Friend", seen); // a person the clinician did not share is not named to the client
        Assert.DoesNotContain("data-testid=\"correct-note\"", seen);
    }

    [Fact]
    public async Task Another_clients_entry_id_is_not_found_on_either_side()
    {
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail, "Ida Ids");
        var other = await CheckInArrange.ClientWithSignInAsync(app, Arrange.RileyEmail, "Ola Other");
        var theirs = await IncidentArrange.WriteAsync(app, other.Client.Id, other.UserId, details: IncidentArrange.Details("Ola's own words"));
        var client = await CheckInArrange.SignedInAsync(app, login);
        var morgan = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var before = await Arrange.FingerprintAsync(app);

        foreach (var url in new[] { $"/client/log/{theirs.Id}", $"/client/log/{theirs.Id}/correct" })
            Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostFormAsync("/client/log", $"/client/log/{theirs.Id}/addenda", [new("Text", "INJECTED")])).StatusCode);
        var mineUrl = $"/clinician/clients/{login.Client.Id}/incidents/{theirs.Id}";
        Assert.Equal(HttpStatusCode.NotFound, (await morgan.Http.GetAsync(mineUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await morgan.PostFormAsync("/clinician", $"{mineUrl}/addenda", [new("Text", "INJECTED")])).StatusCode);

        Assert.Equal(before, await Arrange.FingerprintAsync(app));
    }

    [Fact]
    public async Task Nothing_sent_names_an_incident_or_the_other_person()
    {
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail, "Mae Mail");
        var boundary = await BoundaryArrange.BoundaryAsync(app, login.Client, BoundaryArrange.Plan("Zebulon Unmentionable"));
        var client = await CheckInArrange.SignedInAsync(app, login);
        var morgan = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);

        await client.PostFormAsync("/client/log/new", "/client/log/new", Fields(DateTimeOffset.UtcNow.AddHours(-1), ClientZone, who: "b:" + boundary.Id));
        await morgan.PostFormAsync($"/clinician/clients/{login.Client.Id}/incidents/new", $"/clinician/clients/{login.Client.Id}/incidents/new",
            Fields(DateTimeOffset.UtcNow.AddHours(-1), ClinicZone, who: "b:" + boundary.Id));
        Assert.Equal(2, (await EntriesAsync(login.Client.Id)).Count);

        // Whatever the outbox holds since, and whatever reached the mail folder, names neither an incident nor the person.
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT row_to_json(o)::text FROM outbox_messages o WHERE created_at > @since", connection);
        command.Parameters.AddWithValue("since", since);
        var queued = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) queued.Add(reader.GetString(0));
        var mail = Directory.Exists(app.MailDirectory) ? ReceivedMail.InFolder(app.MailDirectory).Select(m => m.Subject + "\n" + m.Text).ToList() : [];
        foreach (var text in queued.Concat(mail))
        {
            Assert.DoesNotContain("ncident", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Zebulon", text);
        }
    }

    private async Task<long> OutboxCountAsync()
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM outbox_messages", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
