using ClinicPortal.Core.Reports;
using PdfSharp.Drawing;

namespace ClinicPortal.Infrastructure.Reports.Pdf;

/// <summary>The PDF building blocks: each draws one kind of <see cref="ReportBlock"/> through the page flow.</summary>
internal static class PdfBlocks
{
    private const double KeyWidth = 175, CellPadX = 4, CellPadY = 3;

    public static void Draw(PdfFlow flow, ReportBlock block)
    {
        switch (block)
        {
            case HeadingBlock h: Heading(flow, h); break;
            case ParagraphBlock p: Paragraph(flow, p); break;
            case KeyValueBlock kv: KeyValues(flow, kv); break;
            case TableBlock t: Table(flow, t); break;
            case ChartBlock c: Chart(flow, c); break;
            case SignatureBlock s: Signature(flow, s); break;
            default: throw new ArgumentOutOfRangeException(nameof(block), block.GetType().Name);
        }
    }

    public static void Heading(PdfFlow flow, HeadingBlock h)
    {
        var s = flow.Styles;
        if (h.Level <= 1)
        {
            var height = s.Title.GetHeight();
            flow.Ensure(height);
            flow.Gfx.DrawString(h.Text, s.Title, s.TitleBrush, PdfFlow.Left, flow.Y, XStringFormats.TopLeft);
            flow.Y += height + 8;
            return;
        }
        var font = h.Level == 2 ? s.Section : s.Caption;
        var lineHeight = font.GetHeight();
        flow.Gap(h.Level == 2 ? 14 : 6);
        flow.Ensure(lineHeight + 70); // keep a heading with the start of its section
        flow.Gfx.DrawString(h.Text, font, s.TitleBrush, PdfFlow.Left, flow.Y, XStringFormats.TopLeft);
        flow.Y += lineHeight + 2;
        if (h.Level == 2) flow.Gfx.DrawLine(s.RulePen, PdfFlow.Left, flow.Y, PdfFlow.Right, flow.Y);
        flow.Y += 6;
    }

    public static void Paragraph(PdfFlow flow, ParagraphBlock p)
    {
        var s = flow.Styles;
        var font = s.Body;
        var lineHeight = font.GetHeight();
        var brush = p.Tone == TextTone.Muted ? s.MutedBrush : s.TextBrush;
        if (p.Tone == TextTone.Notice)
        {
            var lines = flow.Wrap(p.Text, s.Key, PdfFlow.Width - 16);
            var box = lines.Count * lineHeight + 12;
            flow.Ensure(box);
            flow.Gfx.DrawRectangle(s.NoticePen, s.NoticeFill, PdfFlow.Left, flow.Y, PdfFlow.Width, box);
            for (var i = 0; i < lines.Count; i++)
                flow.Gfx.DrawString(lines[i], s.Key, s.TextBrush, PdfFlow.Left + 8, flow.Y + 6 + i * lineHeight, XStringFormats.TopLeft);
            flow.Y += box + 8;
            return;
        }
        foreach (var line in flow.Wrap(p.Text, font, PdfFlow.Width))
        {
            flow.Ensure(lineHeight);
            flow.Gfx.DrawString(line, font, brush, PdfFlow.Left, flow.Y, XStringFormats.TopLeft);
            flow.Y += lineHeight;
        }
        flow.Y += 5;
    }

    public static void KeyValues(PdfFlow flow, KeyValueBlock kv)
    {
        var s = flow.Styles;
        var lineHeight = s.Body.GetHeight();
        foreach (var item in kv.Items)
        {
            var keys = flow.Wrap(item.Key, s.Key, KeyWidth - 10);
            var values = flow.Wrap(item.Value, s.Body, PdfFlow.Width - KeyWidth);
            var height = Math.Max(keys.Count, values.Count) * lineHeight + 2;
            flow.Ensure(height);
            for (var i = 0; i < keys.Count; i++)
                flow.Gfx.DrawString(keys[i], s.Key, s.MutedBrush, PdfFlow.Left, flow.Y + i * lineHeight, XStringFormats.TopLeft);
            for (var i = 0; i < values.Count; i++)
                flow.Gfx.DrawString(values[i], s.Body, s.TextBrush, PdfFlow.Left + KeyWidth, flow.Y + i * lineHeight, XStringFormats.TopLeft);
            flow.Y += height;
        }
        flow.Y += 6;
    }

    /// <summary>
    /// Rows flow onto as many pages as they need and the header row is drawn again at the top of each. A row that
    /// fits on a page is never split; a row taller than a whole page is split between lines.
    /// </summary>
    public static void Table(PdfFlow flow, TableBlock t)
    {
        var s = flow.Styles;
        var scale = PdfFlow.Width / t.Columns.Sum(c => c.Width);
        var widths = t.Columns.Select(c => c.Width * scale).ToArray();
        var lineHeight = s.TableBody.GetHeight();
        var headLines = t.Columns.Select((c, i) => flow.Wrap(c.Header, s.TableHead, widths[i] - 2 * CellPadX)).ToList();
        var headHeight = headLines.Max(l => l.Count) * s.TableHead.GetHeight() + 2 * CellPadY;
        var captionHeight = s.Caption.GetHeight() + 3;

        var rows = t.Rows.Select(r => r.Cells.Select((c, i) => flow.Wrap(c, s.TableBody, widths[i] - 2 * CellPadX)).ToList()).ToList();
        var firstRow = rows.Count > 0 ? Math.Min(3, rows[0].Max(c => c.Count)) * lineHeight + 2 * CellPadY : 0;
        flow.Ensure(captionHeight + headHeight + firstRow);
        flow.Gfx.DrawString(t.Caption, s.Caption, s.MutedBrush, PdfFlow.Left, flow.Y, XStringFormats.TopLeft);
        flow.Y += captionHeight;
        Header();

        for (var r = 0; r < rows.Count; r++)
        {
            var cells = rows[r];
            var lines = cells.Max(c => c.Count);
            var full = lines * lineHeight + 2 * CellPadY;
            if (full > flow.Remaining && full <= PdfFlow.Bottom - PdfFlow.Top - headHeight) NextPage();
            for (var from = 0; from < lines;)
            {
                var fit = (int)Math.Floor((flow.Remaining - 2 * CellPadY) / lineHeight);
                if (fit < 1)
                {
                    NextPage();
                    continue;
                }
                var take = Math.Min(fit, lines - from);
                Row(cells, from, take, t.Rows[r].Mark);
                from += take;
                if (from < lines) NextPage();
            }
        }
        flow.Y += 8;

        void NextPage()
        {
            flow.NewPage();
            Header();
        }

        void Header()
        {
            var y = flow.Y;
            flow.Gfx.DrawRectangle(s.HeadFill, PdfFlow.Left, y, PdfFlow.Width, headHeight);
            flow.Gfx.DrawLine(s.HeadPen, PdfFlow.Left, y + headHeight, PdfFlow.Right, y + headHeight);
            var x = PdfFlow.Left;
            for (var i = 0; i < widths.Length; i++)
            {
                Cell(headLines[i], 0, headLines[i].Count, s.TableHead, x, y, widths[i], t.Columns[i].Numeric, s.TableHead.GetHeight());
                x += widths[i];
            }
            flow.Y += headHeight;
        }

        void Row(List<List<string>> cells, int from, int take, RowMark mark)
        {
            var height = take * lineHeight + 2 * CellPadY;
            if (mark == RowMark.Attention) flow.Gfx.DrawRectangle(s.AttentionFill, PdfFlow.Left, flow.Y, PdfFlow.Width, height);
            var x = PdfFlow.Left;
            for (var i = 0; i < widths.Length; i++)
            {
                Cell(cells[i], from, take, s.TableBody, x, flow.Y, widths[i], t.Columns[i].Numeric, lineHeight);
                x += widths[i];
            }
            flow.Y += height;
            flow.Gfx.DrawLine(s.RowPen, PdfFlow.Left, flow.Y, PdfFlow.Right, flow.Y);
        }

        void Cell(List<string> lines, int from, int take, XFont font, double x, double y, double width, bool numeric, double height)
        {
            for (var k = 0; k < take && from + k < lines.Count; k++)
            {
                var ly = y + CellPadY + k * height;
                if (numeric) flow.Gfx.DrawString(lines[from + k], font, s.TextBrush, x + width - CellPadX, ly, XStringFormats.TopRight);
                else flow.Gfx.DrawString(lines[from + k], font, s.TextBrush, x + CellPadX, ly, XStringFormats.TopLeft);
            }
        }
    }

    public static void Chart(PdfFlow flow, ChartBlock c)
    {
        flow.Ensure(c.Chart.Height + 4);
        PdfChart.Draw(flow.Gfx, flow.Styles, c.Chart, PdfFlow.Left, flow.Y);
        flow.Y += c.Chart.Height + 10;
    }

    public static void Signature(PdfFlow flow, SignatureBlock sig)
    {
        var s = flow.Styles;
        flow.Gap(10);
        flow.Ensure(74);
        var y = flow.Y + 36;
        flow.Gfx.DrawLine(s.SignaturePen, PdfFlow.Left, y, PdfFlow.Left + 230, y);
        flow.Gfx.DrawLine(s.SignaturePen, PdfFlow.Left + 270, y, PdfFlow.Left + 390, y);
        flow.Gfx.DrawString(sig.Caption, s.Footer, s.MutedBrush, PdfFlow.Left, y + 3, XStringFormats.TopLeft);
        flow.Gfx.DrawString("Date", s.Footer, s.MutedBrush, PdfFlow.Left + 270, y + 3, XStringFormats.TopLeft);
        flow.Gfx.DrawString(sig.Name, s.Body, s.TextBrush, PdfFlow.Left, y + 15, XStringFormats.TopLeft);
        flow.Y = y + 30;
    }
}
