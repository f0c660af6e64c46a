using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace ClinicPortal.Infrastructure.Reports.Pdf;

/// <summary>
/// Resolves every font PDFsharp asks for to the DejaVu Sans TrueType files (Debian's fonts-dejavu-core), so
/// reports look the same on every machine; PDFsharp embeds the glyphs it uses.
/// </summary>
public sealed class DejaVuFontResolver(string directory) : IFontResolver
{
    public const string Family = "DejaVu Sans";
    public const string DefaultDirectory = "/usr/share/fonts/truetype/dejavu";

    private static readonly string[] Faces = ["DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique", "DejaVuSans-BoldOblique"];
    private readonly ConcurrentDictionary<string, byte[]> _cache = new();

    public string Directory { get; } = directory;

    /// <summary>Every family resolves to DejaVu Sans; bold and italic pick the matching face.</summary>
    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(Faces[(bold ? 1 : 0) + (italic ? 2 : 0)]);

    public byte[] GetFont(string faceName) => _cache.GetOrAdd(faceName, face =>
    {
        var path = Path.Combine(Directory, face + ".ttf");
        return File.Exists(path)
            ? File.ReadAllBytes(path)
            : throw new FileNotFoundException($"The report font {face}.ttf is missing from {Directory}: install the Debian package fonts-dejavu-core.", path);
    });

    public void EnsureInstalled()
    {
        foreach (var face in Faces) GetFont(face);
    }
}

/// <summary>Process-wide PDFsharp settings: the font resolver, set once.</summary>
public static class PdfSetup
{
    private static readonly Lock Gate = new();

    /// <summary>Sets the DejaVu font resolver; throws with the package to install when the fonts are missing.</summary>
    public static void Configure(string? fontDirectory = null)
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is not null) return;
            var resolver = new DejaVuFontResolver(string.IsNullOrWhiteSpace(fontDirectory) ? DejaVuFontResolver.DefaultDirectory : fontDirectory);
            resolver.EnsureInstalled();
            GlobalFontSettings.FontResolver = resolver;
        }
    }
}
