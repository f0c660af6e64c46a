using ClinicPortal.Core.Accounts;
using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.CheckIns;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.Testing;
using ClinicPortal.Web.Demo;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ClinicPortal.IntegrationTests.ClientCheckIns;

/// <summary>
/// A journal entry the client keeps private is stored, and only they can read it: not their clinician's
/// pages, not an administrator's, not the audit log, and not a report-like query under any staff or system scope.
/// </summary>
public sealed class PrivateJournalTests(DemoClinicApp app) : IClassFixture<DemoClinicApp>
{
    private const string Private = "PRIVATE-7f3a: I still keep the ring in a drawer";
    private const string Shared = "SHARED-2b9c: Sunday evenings are the hardest";

    [Fact]
    public async Task A_private_journal_reaches_no_clinician_or_admin_page_and_a_shared_one_reaches_the_clinician()
    {
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail, "Piper Private");
        var client = await CheckInArrange.SignedInAsync(app, login);
        await client.PostFormAsync("/client/check-ins/new", "/client/check-ins/new", CheckInArrange.Form(journal: Private, attempted: "true", channel: "Text"));
        await client.PostFormAsync("/client/check-ins/new", "/client/check-ins/new", CheckInArrange.Form(journal: Shared, share: true, setback: "true"));

        // Stored, and the client reads both, each marked.
        var stored = Assert.Single(await CheckInArrange.StoredPrivateJournalsAsync(app, login.Client.Id));
        Assert.Equal(Private, stored.Text);
        var mine = await client.GetPageAsync("/client/check-ins");
        Assert.Contains(Private, mine);
        Assert.Contains(Shared, mine);
        Assert.Contains("Only you can see this", mine);
        Assert.Contains(Private, await client.GetPageAsync($"/client/check-ins/{stored.CheckInId}"));

        var clinician = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var id = login.Client.Id;
        var checkInsPage = await clinician.GetPageAsync($"/clinician/clients/{id}/check-ins");
        Assert.Contains(Shared, checkInsPage);
        foreach (var path in new[] { "/clinician", $"/clinician/clients/{id}", $"/clinician/clients/{id}/check-ins", $"/clinician/clients/{id}/progress",
                     $"/clinician/clients/{id}/safety", $"/clinician/clients/{id}/notes", "/clinician/alerts" })
            Assert.DoesNotContain("PRIVATE-7f3a", await clinician.GetPageAsync(path));

        var admin = await Arrange.SignedInAsync(app, DemoLogins.AdminEmail);
        foreach (var path in new[] { "/admin", "/admin/clients", "/admin/outbox" })
        {
            var html = await admin.GetPageAsync(path);
            Assert.DoesNotContain("PRIVATE-7f3a", html);
            Assert.DoesNotContain("SHARED-2b9c", html);
        }
    }

    [Fact]
    public async Task The_audit_log_names_the_check_in_never_the_private_journal()
    {
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail);
        var client = await CheckInArrange.SignedInAsync(app, login);
        await client.PostFormAsync("/client/check-ins/new", "/client/check-ins/new", CheckInArrange.Form(journal: Private));
        var stored = Assert.Single(await CheckInArrange.StoredPrivateJournalsAsync(app, login.Client.Id));
        await client.PostFormAsync($"/client/check-ins/{stored.CheckInId}", $"/client/check-ins/{stored.CheckInId}", CheckInArrange.Form(journal: Private + " (edited)"));
        await client.GetPageAsync($"/client/check-ins/{stored.CheckInId}");
        var clinician = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        await clinician.GetPageAsync($"/clinician/clients/{login.Client.Id}/check-ins");

        var audit = await Arrange.AuditAsync(app, login.Client.Id);
        Assert.Contains(audit, a => a.RecordType == AuditRecords.CheckIn && a.RecordId == stored.CheckInId.ToString());
        Assert.All(audit, a => Assert.NotEqual(stored.Id.ToString(), a.RecordId));
        Assert.DoesNotContain(audit, a => a.RecordType.Contains("journal"));

        // No column of any audit row holds the text.
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM audit_entries a WHERE a::text LIKE '%PRIVATE-7f3a%' OR a::text LIKE @id", connection);
        command.Parameters.AddWithValue("id", $"%{stored.Id}%");
        Assert.Equal(0L, (long)(await command.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task No_staff_or_system_scope_can_query_private_journals_only_the_client_themself()
    {
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail);
        var someoneElse = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail);
        var checkIn = await CheckInArrange.CheckInAsync(app, login.Client.Id, DateTimeOffset.UtcNow.AddHours(-2), journal: Private);
        var morgan = await Arrange.UserIdAsync(app, Arrange.MorganEmail);
        var admin = await Arrange.UserIdAsync(app, DemoLogins.AdminEmail);

        Assert.Single(await CheckInArrange.StoredPrivateJournalsAsync(app, login.Client.Id)); // it is there

        // A report-like query (everything for this client, as a report or an export would read it) in every scope.
        foreach (var scope in new[] { AccessScope.System, new AccessScope(AccessKind.Clinician, morgan), new AccessScope(AccessKind.Admin, admin),
                     new AccessScope(AccessKind.Client, someoneElse.UserId), AccessScope.Anonymous })
        {
            await using var db = Context(scope);
            Assert.Empty(await db.Set<PrivateJournalEntry>().Where(j => j.ClientId == login.Client.Id).ToListAsync());
            Assert.Empty(await db.Set<PrivateJournalEntry>().ToListAsync());
            var report = await db.Set<CheckIn>().Where(c => c.ClientId == login.Client.Id).Select(c => new { c.Id, c.Mood, c.SharedJournal }).ToListAsync();
            Assert.All(report, r => Assert.Null(r.SharedJournal));
        }
        await using (var clinicianDb = Context(new AccessScope(AccessKind.Clinician, morgan)))
            Assert.Single(await clinicianDb.Set<CheckIn>().Where(c => c.Id == checkIn.Id).ToListAsync()); // the check-in itself is the clinician's to read

        await using var own = Context(new AccessScope(AccessKind.Client, login.UserId));
        Assert.Equal(Private, Assert.Single(await own.Set<PrivateJournalEntry>().ToListAsync()).Text);
    }

    [Fact]
    public async Task Sharing_later_moves_the_text_and_unsharing_takes_it_back_from_the_clinician()
    {
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail);
        var client = await CheckInArrange.SignedInAsync(app, login);
        await client.PostFormAsync("/client/check-ins/new", "/client/check-ins/new", CheckInArrange.Form(journal: Private));
        var id = Assert.Single(await CheckInArrange.CheckInsAsync(app, login.Client.Id)).Id;
        var clinician = await Arrange.SignedInAsync(app, Arrange.MorganEmail);

        await client.PostFormAsync($"/client/check-ins/{id}", $"/client/check-ins/{id}", CheckInArrange.Form(journal: Private, share: true));
        Assert.Empty(await CheckInArrange.StoredPrivateJournalsAsync(app, login.Client.Id));
        Assert.Contains("PRIVATE-7f3a", await clinician.GetPageAsync($"/clinician/clients/{login.Client.Id}/check-ins"));

        await client.PostFormAsync($"/client/check-ins/{id}", $"/client/check-ins/{id}", CheckInArrange.Form(journal: "Back to private"));
        Assert.Equal("Back to private", Assert.Single(await CheckInArrange.StoredPrivateJournalsAsync(app, login.Client.Id)).Text);
        Assert.Null(Assert.Single(await CheckInArrange.CheckInsAsync(app, login.Client.Id)).SharedJournal);
        var page = await clinician.GetPageAsync($"/clinician/clients/{login.Client.Id}/check-ins");
        Assert.DoesNotContain("Back to private", page);
        Assert.DoesNotContain("PRIVATE-7f3a", page);
    }

    [Fact]
    public async Task The_progress_report_counts_check_ins_but_carries_no_journal_text()
    {
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail, "Rhea Report");
        var client = await CheckInArrange.SignedInAsync(app, login);
        await client.PostFormAsync("/client/check-ins/new", "/client/check-ins/new", CheckInArrange.Form(journal: Private, attempted: "true", channel: "Text"));
        await client.PostFormAsync("/client/check-ins/new", "/client/check-ins/new", CheckInArrange.Form(journal: Shared, share: true, setback: "true"));
        var clinician = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var reports = $"/clinician/clients/{login.Client.Id}/reports";
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("America/New_York")).DateTime);
        List<KeyValuePair<string, string>> form =
            [new("From", today.AddDays(-30).ToString("yyyy-MM-dd")), new("To", today.ToString("yyyy-MM-dd")), new("Audience", "Provider"),
             new("Sections", "CheckIns")];

        var response = await clinician.PostFormAsync(reports, reports, form);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("No check-ins in this period", html); // the report read the two check-ins
        Assert.Contains("Contact attempts reported", html);
        Assert.Contains("Text message 1", html);                    // the contact attempt's channel
        Assert.DoesNotContain("PRIVATE-7f3a", html);
        Assert.DoesNotContain("SHARED-2b9c", html);
    }

    [Fact]
    public async Task A_journal_entry_on_its_own_is_saved_without_mood_or_urge_and_only_the_client_reads_it()
    {
        const string Alone = "ALONE-5d1e: wrote this on the train, no numbers today";
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail, "Jo Journal");
        var client = await CheckInArrange.SignedInAsync(app, login);
        Assert.Contains("data-testid=\"open-journal\"", await client.GetPageAsync("/client"));
        Assert.Contains("data-testid=\"open-journal\"", await client.GetPageAsync("/client/check-ins"));

        var saved = await client.PostFormAsync("/client/journal", "/client/journal", [new("Text", Alone)]);

        Assert.Equal(System.Net.HttpStatusCode.Redirect, saved.StatusCode);
        var stored = Assert.Single(await CheckInArrange.StoredPrivateJournalsAsync(app, login.Client.Id));
        Assert.Equal((Alone, null), (stored.Text, stored.CheckInId));
        Assert.Empty(await CheckInArrange.CheckInsAsync(app, login.Client.Id)); // no mood, no urge: no check-in
        Assert.Contains(Alone, await client.GetPageAsync("/client/journal"));
        Assert.DoesNotContain(await Arrange.AuditAsync(app, login.Client.Id), a => a.RecordId == stored.Id.ToString() || a.RecordType.Contains("journal"));

        var clinician = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var id = login.Client.Id;
        foreach (var path in new[] { "/clinician", $"/clinician/clients/{id}", $"/clinician/clients/{id}/check-ins", $"/clinician/clients/{id}/progress" })
            Assert.DoesNotContain("ALONE-5d1e", await clinician.GetPageAsync(path));
        var reports = $"/clinician/clients/{id}/reports";
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("America/New_York")).DateTime);
        var report = await clinician.PostFormAsync(reports, reports,
            [new("From", today.AddDays(-30).ToString("yyyy-MM-dd")), new("To", today.ToString("yyyy-MM-dd")), new("Audience", "Provider"), new("Sections", "CheckIns")]);
        Assert.Equal(System.Net.HttpStatusCode.OK, report.StatusCode);
        Assert.DoesNotContain("ALONE-5d1e", await report.Content.ReadAsStringAsync());
        await using (var clinicianDb = Context(new AccessScope(AccessKind.Clinician, await Arrange.UserIdAsync(app, Arrange.MorganEmail))))
            Assert.Empty(await clinicianDb.Set<PrivateJournalEntry>().Where(j => j.ClientId == id).ToListAsync());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task An_empty_journal_entry_is_refused_with_a_message_and_nothing_is_saved(string text)
    {
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail);
        var client = await CheckInArrange.SignedInAsync(app, login);
        var before = await Arrange.FingerprintAsync(app, includeAudit: true);

        var response = await client.PostFormAsync("/client/journal", "/client/journal", [new("Text", text)]);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(PrivateJournalEntry.EmptyMessage), await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await Arrange.FingerprintAsync(app, includeAudit: true));
    }

    private ClinicDbContext Context(AccessScope scope) =>
        new(new DbContextOptionsBuilder<ClinicDbContext>().UseNpgsql(app.ConnectionString).Options, scope);
}
