using System.Net;
using System.Text.RegularExpressions;
using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.Incidents;
using ClinicPortal.Infrastructure.Incidents;
using ClinicPortal.IntegrationTests.ClientCheckIns;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.IntegrationTests.Reports;
using ClinicPortal.Testing;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.IntegrationTests.Incidents;

/// <summary>The chronological export through the pages, its PDF read back with PdfPig.</summary>
public sealed class IncidentExportTests(DemoClinicApp app) : IClassFixture<DemoClinicApp>
{
    private static List<KeyValuePair<string, string>> Form(IEnumerable<Guid> entries, string recipient = "Court", string? name = "Family Court, Dept. 4",
        int fromDays = -30)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("From", Arrange.ClinicDay(fromDays)), new("To", Arrange.ClinicDay(0)), new("Recipient", recipient), new("RecipientName", name ?? ""),
        };
        form.AddRange(entries.Select(e => new KeyValuePair<string, string>("Entries", e.ToString())));
        return form;
    }

    private sealed record Arranged(ClientLogin Login, IncidentEntry First, IncidentEntry Second, IncidentEntry Kept, IncidentAttachment Picture);

    private async Task<Arranged> ArrangeAsync(string name)
    {
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail, name);
        var now = DateTimeOffset.UtcNow;
        // Written out of order: the export sorts by when it happened.
        var second = await IncidentArrange.WriteAsync(app, login.Client.Id, login.UserId,
            details: IncidentArrange.Details("Second: they waited outside my work.", occurredAt: now.AddDays(-2)));
        var first = await IncidentArrange.WriteAsync(app, login.Client.Id, login.UserId,
            details: IncidentArrange.Details("First: a message from a new number.", occurredAt: now.AddDays(-5)));
        var kept = await IncidentArrange.WriteAsync(app, login.Client.Id, login.UserId, isPrivate: true,
            details: IncidentArrange.Details("Kept to myself: a call at night.", occurredAt: now.AddDays(-3)));
        await IncidentArrange.AddendumAsync(app, login.Client.Id, first.Id, login.UserId, "Later: the number was theirs.");
        var picture = await AttachmentArrange.AddAsync(app, second, login.UserId, AttachmentFiles.JpegWithGps(120, 90));
        return new Arranged(login, first, second, kept, picture);
    }

    [Fact]
    public async Task The_clinicians_export_lists_shared_entries_in_order_with_hashes_the_statement_and_page_numbers_and_is_audited_with_its_audience()
    {
        var a = await ArrangeAsync("Cora Chronology");
        var morgan = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var page = $"/clinician/clients/{a.Login.Client.Id}/incidents/export";
        var form = await morgan.GetPageAsync(page);
        Assert.DoesNotContain(a.Kept.Id.ToString(), form); // a private entry is not even offered

        var response = await morgan.PostFormAsync(page, page, Form([a.Second.Id, a.First.Id]));

        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        var path = await PdfTools.SaveAsync(await response.Content.ReadAsByteArrayAsync(), "incident-export-clinician");
        var text = PdfTools.Text(path);
        var pages = PdfTools.Pages(path);
        Assert.Contains($"Page 1 of {pages}", text);
        Assert.Contains("Subject Cora Chronology", text);
        Assert.Contains("How this record was kept", text);
        Assert.Contains("corrected only within 30 minutes", text);
        Assert.True(text.IndexOf("First: a message", StringComparison.Ordinal) < text.IndexOf("Second: they waited", StringComparison.Ordinal));
        Assert.Contains("Later: the number was theirs.", text);
        Assert.DoesNotContain("Kept to myself", text);
        var compact = Regex.Replace(text, @"\s+", "");
        Assert.Contains(a.First.ContentHash, compact);
        Assert.Contains(a.Second.ContentHash, compact);
        Assert.Contains(a.Picture.ContentHash, compact);
        Assert.Contains("Intact:thehashcomputedagainmatches", compact);
        Assert.DoesNotContain("DOESNOTMATCH", compact);
        using (var pdf = UglyToad.PdfPig.PdfDocument.Open(path))
            Assert.Single(pdf.GetPages().SelectMany(p => p.GetImages()));

        await using var scope = app.SystemScope();
        var export = await app.SystemDb(scope).AuditEntries.SingleAsync(e => e.ClientId == a.Login.Client.Id && e.Action == AuditActions.Export);
        Assert.Equal((AuditRecords.IncidentExport, "court", "Family Court, Dept. 4"), (export.RecordType, export.DisclosedTo, export.Recipient));
        Assert.Contains(IncidentExportDocument.Reference(Guid.Parse(export.RecordId!)), text);
    }

    [Fact]
    public async Task The_clients_own_copy_may_include_their_private_entry_and_the_clinician_cannot_ask_for_it()
    {
        var a = await ArrangeAsync("Kit Keeper");
        var client = await CheckInArrange.SignedInAsync(app, a.Login);
        var page = "/client/log/copy";
        Assert.Contains(a.Kept.Id.ToString(), await client.GetPageAsync(page));

        var response = await client.PostFormAsync(page, page, Form([a.First.Id, a.Kept.Id, a.Second.Id], "Client", null));

        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var text = PdfTools.Text(await PdfTools.SaveAsync(await response.Content.ReadAsByteArrayAsync(), "incident-export-client"));
        Assert.Contains("Kept to myself: a call at night.", text);
        Assert.Contains("only the client could read this entry", text);
        var order = new[] { "First: a message", "Kept to myself", "Second: they waited" }.Select(t => text.IndexOf(t, StringComparison.Ordinal)).ToList();
        Assert.Equal(order.Order(), order);

        // The same private id posted by the clinician is refused as unknown, and nothing is exported.
        var morgan = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var staffPage = $"/clinician/clients/{a.Login.Client.Id}/incidents/export";
        var refused = await morgan.PostFormAsync(staffPage, staffPage, Form([a.First.Id, a.Kept.Id]));
        Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains(System.Text.Encodings.Web.HtmlEncoder.Default.Encode(IncidentExports.UnknownEntryMessage), await refused.Content.ReadAsStringAsync());

        var exports = (await Arrange.AuditAsync(app, a.Login.Client.Id)).Where(e => e.Action == AuditActions.Export).ToList();
        Assert.Equal(a.Login.UserId, Assert.Single(exports).UserId);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("other-client")]
    [InlineData("no-name")]
    [InlineData("outside-period")]
    public async Task Bad_choices_are_refused_with_a_message_and_nothing_is_exported(string bad)
    {
        var a = await ArrangeAsync("Bea Bad");
        var stranger = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail, "Sam Stranger");
        var theirs = await IncidentArrange.WriteAsync(app, stranger.Client.Id, stranger.UserId);
        var (form, message) = bad switch
        {
            "none" => (Form([]), IncidentExportDocument.NoEntriesMessage),
            "other-client" => (Form([a.First.Id, theirs.Id]), IncidentExports.UnknownEntryMessage),
            "no-name" => (Form([a.First.Id], "Lawyer", "  "), "The recipient's name is required."),
            _ => (Form([a.First.Id], fromDays: -1), IncidentExports.OutsidePeriodMessage),
        };
        var morgan = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var page = $"/clinician/clients/{a.Login.Client.Id}/incidents/export";

        var response = await morgan.PostFormAsync(page, page, form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(System.Text.Encodings.Web.HtmlEncoder.Default.Encode(message), await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain(await Arrange.AuditAsync(app, a.Login.Client.Id), e => e.Action == AuditActions.Export);
    }
}
