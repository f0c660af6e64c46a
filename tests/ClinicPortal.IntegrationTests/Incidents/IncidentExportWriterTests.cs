using System.Text.RegularExpressions;
using ClinicPortal.Core.Incidents;
using ClinicPortal.Core.Reports;
using ClinicPortal.Infrastructure.Incidents;
using ClinicPortal.IntegrationTests.Reports;

namespace ClinicPortal.IntegrationTests.Incidents;

/// <summary>The export's PDF on its own (no database): read back with PdfPig.</summary>
public sealed class IncidentExportWriterTests
{
    [Fact]
    public async Task The_pdf_holds_every_entry_in_order_with_hashes_thumbnails_and_page_numbers()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var start = new DateTimeOffset(2026, 2, 1, 14, 0, 0, TimeSpan.Zero);
        var picture = AttachmentSanitizer.Sanitize(AttachmentFiles.JpegWithGps(640, 480), 0);
        var pdfFile = AttachmentSanitizer.Sanitize(AttachmentFiles.Pdf(pages: 2), 0);
        var entries = Enumerable.Range(1, 12).Select(i => new ExportEntry(Guid.NewGuid(), start.AddDays(i), start.AddDays(i).AddHours(1), null,
            "the client", false, [new KeyValue("What was said or done", $"Account number {i:00} " + string.Concat(Enumerable.Repeat("words ", 60)))],
            AttachmentRules.Hash(BitConverter.GetBytes(i)), true, [],
            i == 3
                ? [new ExportAttachment(AttachmentFormat.Jpeg, picture.Width, picture.Height, 0, picture.Hash, true, start, "the client", AttachmentThumbnail.Make(picture.Content)),
                   new ExportAttachment(AttachmentFormat.Pdf, 0, 0, pdfFile.PageCount, pdfFile.Hash, true, start, "the client", null)]
                : [])).Reverse().ToList();
        var export = new IncidentExport(Guid.NewGuid(), "Jordan Testperson", "Demo Clinic", "the client", true,
            IncidentExportAudience.Create(IncidentExportRecipient.Client, null), new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 28), start, zone,
            TimeSpan.FromMinutes(30), entries);

        var bytes = new IncidentExportWriter().Write(IncidentExportDocument.Compose(export), start);
        var path = await PdfTools.SaveAsync(bytes, "incident-export-writer");
        var text = PdfTools.Text(path);
        var pages = PdfTools.Pages(path);

        Assert.True(pages > 1);
        Assert.Contains($"Page 1 of {pages}", text);
        Assert.Contains($"Page {pages} of {pages}", text);
        var positions = Enumerable.Range(1, 12).Select(i => text.IndexOf($"Account number {i:00}", StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
        var compact = Regex.Replace(text, @"\s+", "");
        Assert.Contains(picture.Hash, compact);
        Assert.Contains(pdfFile.Hash, compact);
        Assert.Contains(AttachmentRules.Hash(BitConverter.GetBytes(7)), compact);
        Assert.Contains("PDF file, 2 pages", text);
        Assert.Contains("How this record was kept", text);
        using var document = UglyToad.PdfPig.PdfDocument.Open(path);
        Assert.Single(document.GetPages().SelectMany(p => p.GetImages())); // the picture's thumbnail; the PDF is a labelled box
    }
}
