using System.Net;
using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.Reports;
using ClinicPortal.IntegrationTests.Administration;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.Testing;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.IntegrationTests.Reports;

/// <summary>Disclosure accounting: every report export records who it was for, and administrators can list the disclosures.</summary>
public sealed class ReportDisclosureTests(DemoClinicApp app) : IClassFixture<DemoClinicApp>
{
    private static IEnumerable<KeyValuePair<string, string>> Form(string recipient, string? name) =>
    [
        new("From", Arrange.ClinicDay(-30)), new("To", Arrange.ClinicDay(-1)), new("Audience", "Provider"), new("Sections", "Attendance"),
        new("Recipient", recipient), new("RecipientName", name ?? ""),
    ];

    [Theory]
    [InlineData("Clinician")]
    [InlineData("LawyerOrAdvocate")]
    [InlineData("Court")]
    [InlineData("Other")]
    public async Task A_report_for_anyone_but_the_client_needs_the_recipients_name_and_nothing_is_exported_without_it(string recipient)
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Dana Disclosed");
        var session = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var reports = $"/clinician/clients/{client.Id}/reports";

        foreach (var target in new[] { reports, $"{reports}/pdf" })
        {
            var response = await session.PostFormAsync(reports, target, Form(recipient, "   "));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("The recipient&#x27;s name is required.", await response.Content.ReadAsStringAsync());
        }
        Assert.DoesNotContain(await Arrange.AuditAsync(app, client.Id), a => a.Action == AuditActions.Export);
    }

    [Fact]
    public async Task Each_export_records_its_recipient_and_administrators_can_list_the_disclosures()
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Ezra Exported");
        var session = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var reports = $"/clinician/clients/{client.Id}/reports";

        var pdf = await session.PostFormAsync(reports, $"{reports}/pdf", Form("Court", "  Family Court, Dept. 4 "));
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var print = await session.PostFormAsync(reports, reports, Form("Client", "not kept"));
        Assert.Equal(HttpStatusCode.OK, print.StatusCode);

        await using (var scope = app.SystemScope())
        {
            var exports = await app.SystemDb(scope).AuditEntries.Where(a => a.ClientId == client.Id && a.Action == AuditActions.Export).OrderBy(a => a.Id).ToListAsync();
            Assert.Equal([(AuditRecords.ProgressReport, "court", "Family Court, Dept. 4"), (AuditRecords.ProgressReportPrintView, "client", null)],
                exports.Select(e => (e.RecordType, e.DisclosedTo, e.Recipient)).ToArray<(string, string?, string?)>());
        }

        var admin = await AdminArrange.AdminAsync(app);
        var page = await admin.GetPageAsync($"/admin/audit?client={client.Id}&disclosures=true");
        Assert.Equal(2, Count(page, "data-testid=\"audit-row\""));
        Assert.Contains("court", page);
        Assert.Contains("Family Court, Dept. 4", page);
        Assert.Contains("name=\"disclosures\" value=\"true\" checked", page.Replace("checked=\"checked\"", "checked"));
        Assert.True(Count(await admin.GetPageAsync($"/admin/audit?client={client.Id}"), "data-testid=\"audit-row\"") > 2); // the views too

        var csv = (await admin.Http.GetStringAsync($"/admin/audit/export?client={client.Id}&disclosures=true")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith(",ip_address,disclosed_to,recipient", csv[0]);
        Assert.Equal(2, csv.Length - 1);
        Assert.Contains(csv, l => l.EndsWith(",court,\"Family Court, Dept. 4\""));
    }

    private static int Count(string text, string what) => (text.Length - text.Replace(what, "").Length) / what.Length;
}
