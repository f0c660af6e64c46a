using System.Text;

namespace ClinicPortal.Core.Reports;

/// <summary>
/// A report laid out as a list of simple blocks. The PDF writer and the HTML print view each know how to draw
/// every kind of block, so the two renderings hold the same headings, figures, tables and charts in the same order.
/// </summary>
public sealed record ReportDocument(string Title, IReadOnlyList<ReportBlock> Blocks)
{
    public const string ConfidentialityNotice = "Confidential \u2014 contains protected health information";

    /// <summary>Every word of the document in order (for tests and for checking a client copy).</summary>
    public string PlainText()
    {
        var text = new StringBuilder(Title).AppendLine();
        foreach (var block in Blocks) block.AppendText(text);
        return text.AppendLine(ConfidentialityNotice).ToString();
    }
}

/// <summary>A4 portrait in PDF points (1/72 inch); charts are laid out for the content width.</summary>
public static class ReportPage
{
    public const double Width = 595.28, Height = 841.89;
    public const double MarginLeft = 50, MarginRight = 50, MarginTop = 50, MarginBottom = 62;
    public const double ContentWidth = Width - MarginLeft - MarginRight;
}

public abstract record ReportBlock
{
    internal abstract void AppendText(StringBuilder text);
}

/// <summary>Level 1 is the report title, level 2 a section, level 3 a part of a section.</summary>
public sealed record HeadingBlock(string Text, int Level) : ReportBlock
{
    internal override void AppendText(StringBuilder text) => text.AppendLine(Text);
}

public enum TextTone
{
    Normal = 0,
    /// <summary>Secondary text: explanations, "nothing in this period".</summary>
    Muted = 1,
    /// <summary>Boxed: something the reader must not miss (e.g. "No data in this period").</summary>
    Notice = 2,
}

/// <summary>Text that wraps and flows across pages; a line break in the text starts a new paragraph.</summary>
public sealed record ParagraphBlock(string Text, TextTone Tone = TextTone.Normal) : ReportBlock
{
    internal override void AppendText(StringBuilder text) => text.AppendLine(Text);
}

public sealed record KeyValue(string Key, string Value);

/// <summary>Labelled figures, one per line: "Period — 1 Jan 2026 – 31 Mar 2026".</summary>
public sealed record KeyValueBlock(IReadOnlyList<KeyValue> Items) : ReportBlock
{
    internal override void AppendText(StringBuilder text)
    {
        foreach (var item in Items) text.Append(item.Key).Append(": ").AppendLine(item.Value);
    }
}

/// <param name="Width">Relative width; the columns share the content width in proportion.</param>
public sealed record TableColumn(string Header, double Width, bool Numeric = false);

public enum RowMark
{
    None = 0,
    /// <summary>A row to notice: a regression, a week with a setback, a missed session.</summary>
    Attention = 1,
}

public sealed record TableRow(IReadOnlyList<string> Cells, RowMark Mark = RowMark.None);

/// <summary>A table whose header row repeats on every page it flows onto.</summary>
public sealed record TableBlock(string Caption, IReadOnlyList<TableColumn> Columns, IReadOnlyList<TableRow> Rows) : ReportBlock
{
    internal override void AppendText(StringBuilder text)
    {
        text.AppendLine(Caption).AppendLine(string.Join(" | ", Columns.Select(c => c.Header)));
        foreach (var row in Rows) text.AppendLine(string.Join(" | ", row.Cells));
    }
}

/// <summary>A vector chart, already laid out; <paramref name="Description"/> says in words what it shows.</summary>
public sealed record ChartBlock(ChartLayout Chart, string Description) : ReportBlock
{
    internal override void AppendText(StringBuilder text)
    {
        text.AppendLine(Description);
        foreach (var item in Chart.Legend) text.AppendLine(item.Label);
    }
}

/// <summary>Lines for the clinician's signature and the date, with the name printed under them.</summary>
public sealed record SignatureBlock(string Name, string Caption) : ReportBlock
{
    internal override void AppendText(StringBuilder text) => text.AppendLine(Caption).AppendLine(Name);
}
