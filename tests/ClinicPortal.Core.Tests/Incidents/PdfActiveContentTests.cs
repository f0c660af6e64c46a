using System.IO.Compression;
using System.Text;
using ClinicPortal.Core.Common;
using ClinicPortal.Core.Incidents;

namespace ClinicPortal.Core.Tests.Incidents;

public sealed class PdfActiveContentTests
{
    private static byte[] Pdf(string objects) => Encoding.ASCII.GetBytes($"%PDF-1.7\n{objects}\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");

    private const string Catalog = "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n";

    [Fact]
    public void An_inert_pdf_passes() => Assert.Null(PdfActiveContent.Find(Pdf(Catalog)));

    [Theory]
    [InlineData("<< /Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>", "JavaScript")]
    [InlineData("<< /Type /Catalog /OpenAction << /S /Launch /F (cmd.exe) >> >>", "Launch")]
    [InlineData("<< /Type /Catalog /Names << /EmbeddedFiles 3 0 R >> >>", "EmbeddedFiles")]
    [InlineData("<< /Type /Annot /Subtype /RichMedia >>", "RichMedia")]
    [InlineData("<< /AA << /O << /JS 5 0 R >> >> >>", "JS")]
    public void Scripts_launches_embedded_files_and_rich_media_are_found(string dictionary, string expected)
    {
        Assert.Equal(expected, PdfActiveContent.Find(Pdf($"1 0 obj\n{dictionary}\nendobj\n")));
        Assert.Equal(PdfActiveContent.ActiveMessage,
            Assert.Throws<DomainRuleException>(() => PdfActiveContent.Check(Pdf($"1 0 obj\n{dictionary}\nendobj\n"))).Message);
    }

    [Fact]
    public void An_open_action_that_only_opens_a_page_passes() =>
        Assert.Null(PdfActiveContent.Find(Pdf("1 0 obj\n<< /Type /Catalog /OpenAction [3 0 R /Fit] >>\nendobj\n")));

    [Fact]
    public void Names_hidden_with_hex_escapes_are_found() =>
        Assert.Equal("JavaScript", PdfActiveContent.Find(Pdf("1 0 obj\n<< /S /J#61va#53cript /JS#20 (x) >>\nendobj\n")));

    [Fact]
    public void A_script_inside_a_compressed_object_stream_is_found()
    {
        var hidden = Compress("5 0 << /S /JavaScript /JS (app.alert(1)) >>");
        var head = Encoding.ASCII.GetBytes($"%PDF-1.7\n{Catalog}4 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length {hidden.Length} >>\nstream\n");
        var tail = Encoding.ASCII.GetBytes("\nendstream\nendobj\n%%EOF\n");
        Assert.Equal("JavaScript", PdfActiveContent.Find([.. head, .. hidden, .. tail]));
    }

    [Fact]
    public void Names_that_happen_to_appear_in_other_stream_data_are_not_read()
    {
        // Image or font bytes are random: "/JS " in them is chance, not a script, and is not read as a name.
        var head = Encoding.ASCII.GetBytes($"%PDF-1.7\n{Catalog}4 0 obj\n<< /Type /XObject /Subtype /Image /Length 8 >>\nstream\n");
        var tail = Encoding.ASCII.GetBytes("\nendstream\nendobj\n%%EOF\n");
        Assert.Null(PdfActiveContent.Find([.. head, .. "ab/JS cd"u8.ToArray(), .. tail]));
    }

    private static byte[] Compress(string text)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal)) zlib.Write(Encoding.ASCII.GetBytes(text));
        return output.ToArray();
    }
}
