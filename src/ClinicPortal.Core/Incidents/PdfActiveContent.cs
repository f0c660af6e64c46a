using System.IO.Compression;
using System.Text;
using ClinicPortal.Core.Common;

namespace ClinicPortal.Core.Incidents;

/// <summary>
/// Finds what makes a PDF act rather than show: scripts, launching programs, embedded files, rich media, forms that
/// send data. Read from the raw bytes before any library parses the file: the names outside stream data (with their
/// #xx escapes decoded, so /J#61vaScript is /JavaScript) and inside object streams, which hold whole dictionaries
/// compressed. Infrastructure walks the parsed objects as well; this is the check that needs no PDF library.
/// </summary>
public static class PdfActiveContent
{
    /// <summary>
    /// The names refused anywhere in a dictionary. /OpenAction and /AA on their own only open a page or a view;
    /// with a script or a launch they carry one of these names, which is refused wherever it stands.
    /// </summary>
    public static readonly IReadOnlySet<string> Refused = new HashSet<string>(StringComparer.Ordinal)
    {
        "JavaScript", "JS", "Launch", "EmbeddedFile", "EmbeddedFiles", "RichMedia", "XFA", "SubmitForm", "ImportData",
    };

    /// <summary>Decompressed object streams beyond this are refused rather than read on (a "zip bomb").</summary>
    public const int MaxInflatedBytes = 64 * 1024 * 1024;

    public const string ActiveMessage =
        "That PDF contains scripts, embedded files or actions that run when it is opened, so it cannot be added. Print it to a new PDF (or take screenshots) and add that instead.";

    /// <summary>Throws <see cref="DomainRuleException"/> when the PDF carries active content.</summary>
    public static void Check(ReadOnlySpan<byte> pdf)
    {
        if (Find(pdf) is not null) throw new DomainRuleException(ActiveMessage);
    }

    /// <summary>The first refused name found, or null.</summary>
    public static string? Find(ReadOnlySpan<byte> pdf)
    {
        var budget = MaxInflatedBytes;
        var at = 0;
        while (at < pdf.Length)
        {
            var keyword = NextStreamKeyword(pdf, at);
            if (keyword < 0) return FindName(pdf[at..]);
            if (FindName(pdf[at..keyword]) is { } found) return found;

            var bodyStart = keyword + 6;
            if (bodyStart < pdf.Length && pdf[bodyStart] == '\r') bodyStart++;
            if (bodyStart < pdf.Length && pdf[bodyStart] == '\n') bodyStart++;
            var end = pdf[bodyStart..].IndexOf("endstream"u8);
            var bodyEnd = end < 0 ? pdf.Length : bodyStart + end;
            if (IsObjectStream(pdf, at, keyword))
            {
                // Random bytes of images and fonts are never read as names (they would match by chance); object streams are.
                var inflated = Inflate(pdf[bodyStart..bodyEnd], ref budget);
                if (FindName(inflated) is { } inside) return inside;
            }
            at = end < 0 ? pdf.Length : bodyEnd + 9;
        }
        return null;
    }

    /// <summary>The "stream" keyword that opens stream data (followed by an end of line), not the end of "endstream".</summary>
    private static int NextStreamKeyword(ReadOnlySpan<byte> pdf, int from)
    {
        var at = from;
        while (at < pdf.Length)
        {
            var i = pdf[at..].IndexOf("stream"u8);
            if (i < 0) return -1;
            var k = at + i;
            var next = k + 6 < pdf.Length ? pdf[k + 6] : (byte)'\n';
            var opens = (next == '\r' || next == '\n') && !(k >= 3 && pdf[(k - 3)..k].SequenceEqual("end"u8));
            if (opens) return k;
            at = k + 6;
        }
        return -1;
    }

    /// <summary>Whether the dictionary just before the stream (since its "obj") says /Type /ObjStm.</summary>
    private static bool IsObjectStream(ReadOnlySpan<byte> pdf, int from, int keyword)
    {
        var window = pdf[Math.Max(from, keyword - 4096)..keyword];
        var obj = window.LastIndexOf("obj"u8);
        var dictionary = obj < 0 ? window : window[obj..];
        return Names(dictionary).Contains("ObjStm");
    }

    private static byte[] Inflate(ReadOnlySpan<byte> body, ref int budget)
    {
        try
        {
            using var input = new MemoryStream(body.ToArray());
            using var zlib = new ZLibStream(input, CompressionMode.Decompress);
            using var output = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = zlib.Read(buffer)) > 0)
            {
                budget -= read;
                if (budget < 0) throw new DomainRuleException(ActiveMessage); // too much to check is refused, not waved through
                output.Write(buffer, 0, read);
            }
            return output.ToArray();
        }
        catch (InvalidDataException)
        {
            // Not zlib data: the parsed-object walk in Infrastructure reads it through the PDF library, or the file is refused there.
            return [];
        }
    }

    private static string? FindName(ReadOnlySpan<byte> text)
    {
        foreach (var name in Names(text))
            if (Refused.Contains(name)) return name;
        return null;
    }

    /// <summary>Every PDF name in the bytes, #xx escapes decoded.</summary>
    private static List<string> Names(ReadOnlySpan<byte> text)
    {
        var names = new List<string>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '/') continue;
            var name = new StringBuilder();
            var j = i + 1;
            for (; j < text.Length && !IsDelimiter(text[j]); j++)
            {
                if (text[j] == '#' && j + 2 < text.Length && IsHex(text[j + 1]) && IsHex(text[j + 2]))
                {
                    name.Append((char)Convert.ToByte(Encoding.ASCII.GetString(text.Slice(j + 1, 2)), 16));
                    j += 2;
                }
                else name.Append((char)text[j]);
            }
            if (name.Length > 0) names.Add(name.ToString());
            i = j - 1;
        }
        return names;
    }

    private static bool IsDelimiter(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)'\f' or 0
        or (byte)'(' or (byte)')' or (byte)'<' or (byte)'>' or (byte)'[' or (byte)']' or (byte)'{' or (byte)'}' or (byte)'/' or (byte)'%';

    private static bool IsHex(byte b) => b is >= (byte)'0' and <= (byte)'9' or >= (byte)'a' and <= (byte)'f' or >= (byte)'A' and <= (byte)'F';
}
