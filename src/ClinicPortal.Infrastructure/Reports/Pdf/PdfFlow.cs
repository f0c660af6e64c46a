using ClinicPortal.Core.Reports;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace ClinicPortal.Infrastructure.Reports.Pdf;

/// <summary>
/// The page cursor every block draws through: it knows the content area, starts a new page when a block does not
/// fit, and at the end stamps each page with the confidentiality footer and "Page X of Y".
/// </summary>
internal sealed class PdfFlow : IDisposable
{
    public const double Left = ReportPage.MarginLeft, Right = ReportPage.Width - ReportPage.MarginRight;
    public const double Top = ReportPage.MarginTop, Bottom = ReportPage.Height - ReportPage.MarginBottom;

    private readonly PdfDocument _document;
    private XGraphics? _gfx;

    public PdfFlow(PdfDocument document, PdfStyles styles)
    {
        (_document, Styles) = (document, styles);
        NewPage();
    }

    public PdfStyles Styles { get; }
    public XGraphics Gfx => _gfx!;
    public double Y { get; set; }
    public static double Width => Right - Left;
    public double Remaining => Bottom - Y;
    public bool AtPageTop => Y <= Top + 0.01;
    public int PageCount => _document.PageCount;

    public void NewPage()
    {
        _gfx?.Dispose();
        var page = _document.AddPage();
        page.Size = PageSize.A4;
        _gfx = XGraphics.FromPdfPage(page);
        Y = Top;
    }

    /// <summary>Starts a new page unless <paramref name="height"/> fits below the cursor (or the page is still empty).</summary>
    public void Ensure(double height)
    {
        if (height > Remaining && !AtPageTop) NewPage();
    }

    /// <summary>Vertical space that is dropped at the top of a page.</summary>
    public void Gap(double height)
    {
        if (!AtPageTop) Y = Math.Min(Bottom, Y + height);
    }

    /// <summary>Word-wraps <paramref name="text"/> to <paramref name="width"/>; line breaks in the text are kept.</summary>
    public List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        var space = Gfx.MeasureString(" ", font).Width;
        foreach (var paragraph in text.Replace("\r", "").Split('\n'))
        {
            var line = "";
            var lineWidth = 0.0;
            foreach (var word in paragraph.Replace('\t', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var wordWidth = Gfx.MeasureString(word, font).Width;
                if (line.Length > 0 && lineWidth + space + wordWidth <= width)
                {
                    (line, lineWidth) = (line + " " + word, lineWidth + space + wordWidth);
                    continue;
                }
                if (line.Length > 0) lines.Add(line);
                (line, lineWidth) = (word, wordWidth);
                while (lineWidth > width && line.Length > 1) // a word wider than the column is cut where it overflows
                {
                    var cut = line.Length - 1;
                    while (cut > 1 && Gfx.MeasureString(line[..cut], font).Width > width) cut--;
                    lines.Add(line[..cut]);
                    line = line[cut..];
                    lineWidth = Gfx.MeasureString(line, font).Width;
                }
            }
            lines.Add(line);
        }
        return lines;
    }

    /// <summary>Draws the footer on every page, now that the page count is known.</summary>
    public void Finish()
    {
        _gfx?.Dispose();
        _gfx = null;
        var total = _document.PageCount;
        for (var i = 0; i < total; i++)
        {
            using var gfx = XGraphics.FromPdfPage(_document.Pages[i], XGraphicsPdfPageOptions.Append);
            var y = Bottom + 22;
            gfx.DrawLine(Styles.RulePen, Left, y - 6, Right, y - 6);
            gfx.DrawString(ReportDocument.ConfidentialityNotice, Styles.Footer, Styles.MutedBrush, Left, y, XStringFormats.TopLeft);
            gfx.DrawString($"Page {i + 1} of {total}", Styles.Footer, Styles.MutedBrush, Right, y, XStringFormats.TopRight);
        }
    }

    public void Dispose() => _gfx?.Dispose();
}
