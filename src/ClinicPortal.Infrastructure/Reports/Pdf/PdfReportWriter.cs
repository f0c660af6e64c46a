using ClinicPortal.Core.Reports;
using PdfSharp.Pdf;

namespace ClinicPortal.Infrastructure.Reports.Pdf;

/// <summary>Writes a <see cref="ReportDocument"/> as an A4 PDF with PDFsharp: DejaVu fonts embedded, vector charts, real pages.</summary>
public sealed class PdfReportWriter
{
    public PdfReportWriter(string? fontDirectory = null) => PdfSetup.Configure(fontDirectory);

    public byte[] Write(ReportDocument report, DateTimeOffset createdAt)
    {
        using var document = new PdfDocument();
        document.Info.Title = report.Title;
        document.Info.Creator = "ClinicPortal";
        document.Info.CreationDate = createdAt.UtcDateTime;
        using (var flow = new PdfFlow(document, new PdfStyles()))
        {
            foreach (var block in report.Blocks) PdfBlocks.Draw(flow, block);
            flow.Finish();
        }
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }
}
