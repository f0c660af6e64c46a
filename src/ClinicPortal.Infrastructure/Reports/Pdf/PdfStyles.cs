using ClinicPortal.Core.Reports;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace ClinicPortal.Infrastructure.Reports.Pdf;

/// <summary>Fonts, colours and pens of the PDF, matching the print view's CSS (.report-* in site.css).</summary>
internal sealed class PdfStyles
{
    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);

    public XFont Title { get; } = Font(18, XFontStyleEx.Bold);
    public XFont Section { get; } = Font(12.5, XFontStyleEx.Bold);
    public XFont Body { get; } = Font(9.5);
    public XFont Key { get; } = Font(9, XFontStyleEx.Bold);
    public XFont TableHead { get; } = Font(8, XFontStyleEx.Bold);
    public XFont TableBody { get; } = Font(8);
    public XFont Caption { get; } = Font(8.5, XFontStyleEx.Bold);
    public XFont Footer { get; } = Font(7.5);
    public XFont ChartLabel { get; } = Font(ChartLayout.LabelSize);
    public XFont ChartLabelBold { get; } = Font(ChartLayout.LabelSize, XFontStyleEx.Bold);

    public XBrush TextBrush { get; } = Brush("#212529");
    public XBrush TitleBrush { get; } = Brush("#0b2e5e");
    public XBrush MutedBrush { get; } = Brush("#5c636a");
    public XBrush HeadFill { get; } = Brush("#eef1f5");
    public XBrush AttentionFill { get; } = Brush("#fdecea");
    public XBrush NoticeFill { get; } = Brush("#fff6d6");
    public XPen RulePen { get; } = new(Color("#ced4da"), 0.6);
    public XPen RowPen { get; } = new(Color("#e3e6ea"), 0.5);
    public XPen HeadPen { get; } = new(Color("#adb5bd"), 0.8);
    public XPen NoticePen { get; } = new(Color("#e0c36b"), 0.8);
    public XPen SignaturePen { get; } = new(Color("#212529"), 0.7);

    public static XColor Color(string hex) =>
        XColor.FromArgb(Convert.ToInt32(hex[1..3], 16), Convert.ToInt32(hex[3..5], 16), Convert.ToInt32(hex[5..7], 16));

    public static XColor Color(ChartInk ink) => Color(ChartPalette.Hex(ink));

    private static XSolidBrush Brush(string hex) => new(Color(hex));

    private static XFont Font(double size, XFontStyleEx style = XFontStyleEx.Regular) => new(DejaVuFontResolver.Family, size, style, Unicode);
}
