using ClinicPortal.Core.Incidents;
using ClinicPortal.Core.Reports;
using ClinicPortal.Infrastructure.Reports.Pdf;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace ClinicPortal.Infrastructure.Incidents;

/// <summary>
/// Writes the chronological export as an A4 PDF through the progress report's page flow and blocks (fonts, "Page N of M",
/// the confidentiality footer), adding only what the report has not: an attachment's thumbnail or labelled box.
/// </summary>
public sealed class IncidentExportWriter
{
    private const double Box = 110, Gap = 12;

    public IncidentExportWriter(string? fontDirectory = null) => PdfSetup.Configure(fontDirectory);

    public byte[] Write(ReportDocument document, DateTimeOffset createdAt)
    {
        using var pdf = new PdfDocument();
        pdf.Info.Title = document.Title;
        pdf.Info.Creator = "ClinicPortal";
        pdf.Info.CreationDate = createdAt.UtcDateTime;
        using (var flow = new PdfFlow(pdf, new PdfStyles()))
        {
            PdfBlocks.Heading(flow, new HeadingBlock(document.Title, 1));
            foreach (var block in document.Blocks)
            {
                if (block is AttachmentBlock a) Attachment(flow, a);
                else PdfBlocks.Draw(flow, block);
            }
            flow.Finish();
        }
        using var stream = new MemoryStream();
        pdf.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private static void Attachment(PdfFlow flow, AttachmentBlock block)
    {
        var s = flow.Styles;
        var a = block.Attachment;
        var textLeft = PdfFlow.Left + Box + Gap;
        // The small table font keeps a grouped hash on one line beside the box.
        var lineHeight = s.TableBody.GetHeight() + 1;
        var lines = block.Lines.SelectMany(l => flow.Wrap(l, s.TableBody, PdfFlow.Right - textLeft)).ToList();
        var height = Math.Max(Box, (lines.Count + 1) * lineHeight) + 8;
        flow.Ensure(height);
        var top = flow.Y;

        if (a.Thumbnail is { } thumbnail)
        {
            using var image = XImage.FromStream(new MemoryStream(thumbnail, writable: false));
            var scale = Math.Min(Box / image.PixelWidth, Box / image.PixelHeight);
            var (w, h) = (image.PixelWidth * scale, image.PixelHeight * scale);
            flow.Gfx.DrawImage(image, PdfFlow.Left + (Box - w) / 2, top + (Box - h) / 2, w, h);
            flow.Gfx.DrawRectangle(s.RulePen, PdfFlow.Left, top, Box, Box);
        }
        else
        {
            // A PDF (or a picture that no longer decodes) is a labelled box: its own pages are not reproduced here.
            flow.Gfx.DrawRectangle(s.HeadPen, s.HeadFill, PdfFlow.Left, top, Box, Box);
            var label = a.Format == AttachmentFormat.Pdf ? "PDF" : "Picture";
            flow.Gfx.DrawString(label, s.Section, s.TitleBrush, new XRect(PdfFlow.Left, top + Box / 2 - 18, Box, 16), XStringFormats.Center);
            var sub = a.Format == AttachmentFormat.Pdf ? $"{a.PageCount} {(a.PageCount == 1 ? "page" : "pages")}" : "not shown";
            flow.Gfx.DrawString(sub, s.Body, s.MutedBrush, new XRect(PdfFlow.Left, top + Box / 2 + 2, Box, 14), XStringFormats.Center);
        }

        flow.Gfx.DrawString(block.Label, s.Key, s.TextBrush, textLeft, top, XStringFormats.TopLeft);
        for (var i = 0; i < lines.Count; i++)
            flow.Gfx.DrawString(lines[i], s.TableBody, s.TextBrush, textLeft, top + (i + 1) * lineHeight, XStringFormats.TopLeft);
        flow.Y = top + height;
    }
}
