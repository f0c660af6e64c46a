using System.Net;
using System.Text.RegularExpressions;
using ClinicPortal.Core.Auditing;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.Testing;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.IntegrationTests.Administration;

public sealed partial class AuditViewerTests(DemoClinicApp app) : IClassFixture<DemoClinicApp>
{
    private static List<long> RowIds(string html) => RowId().Matches(html).Select(m => long.Parse(m.Groups[1].Value)).ToList();

    /// <summary>Inserts audit rows straight into the log (the app's own user may insert; it may not change or delete).</summary>
    private async Task InsertAsync(int count, Guid? userId, Guid? clientId, string action, DateTimeOffset at)
    {
        await using var scope = app.SystemScope();
        var db = app.SystemDb(scope);
        for (var i = 0; i < count; i++)
            db.AuditEntries.Add(new AuditEntry(at.AddSeconds(i), userId, "clinician", clientId, action, AuditRecords.CaseNote, Guid.NewGuid().ToString(), "10.0.0.1"));
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Filters_narrow_by_user_client_action_and_dates_and_show_no_clinical_content()
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Fay Filtered");
        var note = await Arrange.NoteAsync(app, client, signed: true, subjective: "Words only Morgan reads");
        var morgan = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        await morgan.GetPageAsync($"/clinician/clients/{client.Id}/notes/{note.Id}");
        var morganId = await Arrange.UserIdAsync(app, Arrange.MorganEmail);
        var old = new DateTimeOffset(2024, 3, 10, 15, 0, 0, TimeSpan.Zero);
        await InsertAsync(3, morganId, client.Id, AuditActions.Sign, old);
        var admin = await AdminArrange.AdminAsync(app);

        var byClient = await admin.GetPageAsync($"/admin/audit?client={client.Id}");
        await using (var scope = app.SystemScope())
        {
            var expected = await app.SystemDb(scope).AuditEntries.Where(a => a.ClientId == client.Id).OrderByDescending(a => a.Id).Select(a => a.Id).ToListAsync();
            Assert.Equal(expected, RowIds(byClient));
        }
        Assert.Contains(note.Id.ToString(), byClient);
        Assert.Contains("Dr. Morgan Example", byClient);
        Assert.DoesNotContain("Words only Morgan reads", byClient);
        Assert.DoesNotContain("Fay Filtered", byClient);
        Assert.DoesNotContain("Confidential concern", byClient);

        var byAction = await admin.GetPageAsync($"/admin/audit?client={client.Id}&action={AuditActions.View}");
        Assert.NotEmpty(RowIds(byAction));
        Assert.Equal(RowIds(byClient).Count - 3, RowIds(byAction).Count + RowIds(await admin.GetPageAsync($"/admin/audit?client={client.Id}&action=create")).Count);

        var byDates = await admin.GetPageAsync($"/admin/audit?client={client.Id}&from=2024-03-10&to=2024-03-10");
        Assert.Equal(3, RowIds(byDates).Count);
        Assert.Empty(RowIds(await admin.GetPageAsync($"/admin/audit?client={client.Id}&from=2024-03-11&to=2024-03-20")));

        var byUser = await admin.GetPageAsync($"/admin/audit?user={morganId}&client={client.Id}&action={AuditActions.Sign}");
        Assert.Equal(3, RowIds(byUser).Count);
        var adminId = await Arrange.UserIdAsync(app, AdminArrange.AdminEmail);
        Assert.Empty(RowIds(await admin.GetPageAsync($"/admin/audit?user={adminId}&client={client.Id}")));
    }

    [Fact]
    public async Task Keyset_pages_walk_the_whole_log_newest_first_without_gaps_or_repeats_and_back()
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Pia Paged");
        await InsertAsync(123, null, client.Id, AuditActions.View, DateTimeOffset.UtcNow.AddDays(-1));
        var admin = await AdminArrange.AdminAsync(app);

        var seen = new List<long>();
        var pages = new List<string>();
        // With a date range too: that path plans each query afresh inside a transaction.
        var url = $"/admin/audit?client={client.Id}&from={DateTime.UtcNow.AddDays(-3):yyyy-MM-dd}&to={DateTime.UtcNow.AddDays(1):yyyy-MM-dd}";
        while (true)
        {
            var html = await admin.GetPageAsync(url);
            pages.Add(url);
            seen.AddRange(RowIds(html));
            var older = OlderLink().Match(html);
            if (!older.Success) break;
            url = WebUtility.HtmlDecode(older.Groups[1].Value);
            Assert.Contains("older=", url);
        }

        Assert.Equal(3, pages.Count); // 50 + 50 + 23
        Assert.Equal(123, seen.Count);
        Assert.Equal(seen.OrderDescending(), seen);
        Assert.Equal(seen.Count, seen.Distinct().Count());

        // "Newer" from the last page gives back the middle page exactly.
        var last = await admin.GetPageAsync(url);
        var newer = WebUtility.HtmlDecode(NewerLink().Match(last).Groups[1].Value);
        Assert.Equal(RowIds(await admin.GetPageAsync(pages[1])), RowIds(await admin.GetPageAsync(newer)));
    }

    [Fact]
    public async Task The_csv_export_has_the_filtered_rows_and_is_itself_audited()
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Cal Csv");
        await InsertAsync(60, null, client.Id, AuditActions.View, DateTimeOffset.UtcNow.AddHours(-2));
        var admin = await AdminArrange.AdminAsync(app);
        var adminId = await Arrange.UserIdAsync(app, AdminArrange.AdminEmail);

        var response = await admin.Http.GetAsync($"/admin/audit/export?client={client.Id}&action=view");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition?.ToString());
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id,at_utc,user_id,user_name,user_email,role,client_id,action,record_type,record_id,ip_address", lines[0]);
        Assert.Equal(60, lines.Length - 1);
        Assert.All(lines.Skip(1), l => Assert.Contains($",{client.Id},view,", l));
        Assert.DoesNotContain("Cal Csv", string.Join("\n", lines));
        await using var scope = app.SystemScope();
        Assert.True(await app.SystemDb(scope).AuditEntries.AnyAsync(a => a.Action == AuditActions.Export && a.RecordType == AuditRecords.AuditLog
            && a.UserId == adminId && a.ClientId == client.Id));
    }

    [Fact]
    public async Task The_viewer_and_its_csv_name_staff_only_and_hide_the_last_part_of_every_address()
    {
        var login = await ClientCheckIns.CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail, "Priya Private");
        await using (var scope = app.SystemScope())
        {
            var db = app.SystemDb(scope);
            db.AuditEntries.Add(new AuditEntry(DateTimeOffset.UtcNow, login.UserId, "client", login.Client.Id, AuditActions.View, AuditRecords.CheckIn, null, "203.0.113.77"));
            db.AuditEntries.Add(new AuditEntry(DateTimeOffset.UtcNow, await Arrange.UserIdAsync(app, Arrange.MorganEmail), "clinician", login.Client.Id,
                AuditActions.View, AuditRecords.Client, login.Client.Id.ToString(), "2001:db8:85a3:8d3:1319:8a2e:370:7348"));
            await db.SaveChangesAsync();
        }
        var admin = await AdminArrange.AdminAsync(app);

        var page = WebUtility.HtmlDecode(await admin.GetPageAsync($"/admin/audit?client={login.Client.Id}"));
        var csv = await admin.Http.GetStringAsync($"/admin/audit/export?client={login.Client.Id}");

        foreach (var shown in new[] { page, csv })
        {
            Assert.Contains(login.UserId.ToString(), shown);
            Assert.Contains(login.Client.Id.ToString(), shown);
            Assert.Contains("Dr. Morgan Example", shown);
            Assert.Contains("203.0.113.x", shown);
            Assert.Contains("2001:db8:85a3:…", shown);
            foreach (var hidden in new[] { "Priya", login.Email, "203.0.113.77", "1319:8a2e" })
                Assert.DoesNotContain(hidden, shown);
        }
    }

    [Theory]
    [InlineData("client=not-a-guid", "Client id must be a client")]
    [InlineData("user=nobody", "not a valid user id")]
    [InlineData("action=steal", "Choose an action from the list.")]
    [InlineData("from=31/12/2025", "The From date is not a date")]
    [InlineData("from=2025-02-10&to=2025-02-01", "The From date is after the To date.")]
    [InlineData("older=abc", "The page link is not valid.")]
    public async Task Bad_filters_get_a_clear_message_and_no_rows(string query, string message)
    {
        var admin = await AdminArrange.AdminAsync(app);

        var response = await admin.Http.GetAsync($"/admin/audit?{query}");
        var export = await admin.Http.GetAsync($"/admin/audit/export?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, html);
        Assert.Empty(RowIds(html));
        Assert.Equal(HttpStatusCode.BadRequest, export.StatusCode);
    }

    [Fact]
    public void Csv_fields_are_quoted_and_cannot_start_a_spreadsheet_formula()
    {
        Assert.Equal("plain", Web.Areas.Admin.Audit.AuditController.Csv("plain"));
        Assert.Equal("\"a,b\"", Web.Areas.Admin.Audit.AuditController.Csv("a,b"));
        Assert.Equal("\"say \"\"hi\"\"\"", Web.Areas.Admin.Audit.AuditController.Csv("say \"hi\""));
        Assert.Equal("'=HYPERLINK(1)", Web.Areas.Admin.Audit.AuditController.Csv("=HYPERLINK(1)"));
        Assert.Equal("'@SUM", Web.Areas.Admin.Audit.AuditController.Csv("@SUM"));
    }

    [GeneratedRegex("data-testid=\"audit-row\" data-id=\"(\\d+)\"")]
    private static partial Regex RowId();

    [GeneratedRegex("href=\"([^\"]+)\" data-testid=\"older\"")]
    private static partial Regex OlderLink();

    [GeneratedRegex("href=\"([^\"]+)\" data-testid=\"newer\"")]
    private static partial Regex NewerLink();
}
