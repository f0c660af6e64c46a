using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace ClinicPortal.IntegrationTests.Reports;

/// <summary>A font a PDF uses, and whether its glyphs travel inside the file.</summary>
internal sealed record PdfFont(string Name, bool Embedded);

/// <summary>
/// Reads report PDFs in-process with PdfPig (Apache-2.0): text in reading order, pages and fonts. Files land in
/// reports/ in the test output folder so a person can open them.
/// </summary>
internal static class PdfTools
{
    public static string OutputFolder { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "reports")).FullName;

    public static async Task<string> SaveAsync(byte[] pdf, string name)
    {
        var path = Path.Combine(OutputFolder, name + ".pdf");
        await File.WriteAllBytesAsync(path, pdf);
        return path;
    }

    /// <summary>
    /// The text, page by page, one line per baseline with the words of a line in left-to-right order and one
    /// space between them, so table rows read as "Label value" (like <c>pdftotext -layout</c> with runs of spaces folded).
    /// </summary>
    public static string Text(string pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var lines = new List<string>();
        foreach (var page in document.GetPages())
        {
            var words = page.GetWords().Where(w => !string.IsNullOrWhiteSpace(w.Text)).OrderByDescending(w => w.BoundingBox.Bottom).ToList();
            var line = new List<UglyToad.PdfPig.Content.Word>();
            foreach (var word in words)
            {
                if (line.Count > 0 && Math.Abs(line[0].BoundingBox.Bottom - word.BoundingBox.Bottom) > 2.5)
                {
                    lines.Add(Join(line));
                    line.Clear();
                }
                line.Add(word);
            }
            if (line.Count > 0) lines.Add(Join(line));
        }
        return string.Join("\n", lines);

        static string Join(List<UglyToad.PdfPig.Content.Word> words) => string.Join(" ", words.OrderBy(w => w.BoundingBox.Left).Select(w => w.Text));
    }

    public static int Pages(string pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.NumberOfPages;
    }

    /// <summary>Every font on every page (by its PDF name, e.g. "ABCDEF+DejaVu Sans,Bold"), embedded when its descriptor carries the font file.</summary>
    public static IReadOnlyList<PdfFont> Fonts(string pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var scanner = document.Structure.TokenScanner;
        var fonts = new Dictionary<string, bool>();
        foreach (var page in document.GetPages())
        {
            if (!page.Dictionary.TryGet(NameToken.Resources, scanner, out DictionaryToken resources)
                || !resources.TryGet(NameToken.Font, scanner, out DictionaryToken fontTable)) continue;
            foreach (var entry in fontTable.Data.Values)
            {
                if (!UglyToad.PdfPig.Parser.Parts.DirectObjectFinder.TryGet(entry, scanner, out DictionaryToken font)) continue;
                var name = font.TryGet(NameToken.BaseFont, scanner, out NameToken baseFont) ? baseFont.Data : "?";
                // A composite (Type0) font keeps its descriptor on the descendant font.
                var described = font.TryGet(NameToken.DescendantFonts, scanner, out ArrayToken descendants)
                    && UglyToad.PdfPig.Parser.Parts.DirectObjectFinder.TryGet(descendants.Data[0], scanner, out DictionaryToken descendant)
                    ? descendant : font;
                var embedded = described.TryGet(NameToken.FontDescriptor, scanner, out DictionaryToken descriptor)
                    && (descriptor.Data.ContainsKey(NameToken.FontFile.Data) || descriptor.Data.ContainsKey(NameToken.FontFile2.Data) || descriptor.Data.ContainsKey(NameToken.FontFile3.Data));
                fonts[name] = embedded;
            }
        }
        return fonts.Select(f => new PdfFont(f.Key, f.Value)).ToList();
    }

    /// <summary>Width and height of the first page in points, and how many words it has.</summary>
    public static (double Width, double Height, int Words) FirstPage(string pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var page = document.GetPage(1);
        return (page.Width, page.Height, page.GetWords().Count());
    }
}
