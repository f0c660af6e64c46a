using System.Text;
using ClinicPortal.Core.Common;
using ClinicPortal.Core.Incidents;

namespace ClinicPortal.Core.Tests.Incidents;

public sealed class AttachmentRulesTests
{
    [Theory]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10 }, AttachmentFormat.Jpeg)]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0 }, AttachmentFormat.Png)]
    public void Pictures_are_known_by_their_first_bytes(byte[] start, AttachmentFormat expected) =>
        Assert.Equal(expected, AttachmentRules.Detect(start));

    [Fact]
    public void WebP_and_PDF_are_known_by_their_headers()
    {
        Assert.Equal(AttachmentFormat.WebP, AttachmentRules.Detect("RIFF\0\0\0\0WEBPVP8 "u8));
        Assert.Equal(AttachmentFormat.Pdf, AttachmentRules.Detect("%PDF-1.7\n"u8));
        Assert.Null(AttachmentRules.Detect("RIFF\0\0\0\0AVI LIST"u8)); // a RIFF that is not WebP
    }

    [Fact]
    public void A_file_named_like_a_picture_but_holding_html_is_refused()
    {
        var html = Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>");
        Assert.Null(AttachmentRules.Detect(html));
        var refused = Assert.Throws<DomainRuleException>(() => AttachmentRules.Check(html, 0));
        Assert.Equal(AttachmentRules.NotAllowedMessage, refused.Message);
    }

    [Fact]
    public void A_pdf_header_after_other_bytes_is_not_a_pdf() =>
        Assert.Null(AttachmentRules.Detect("<html>%PDF-1.4"u8)); // polyglots put the header further in

    [Fact]
    public void Size_emptiness_and_count_are_refused_with_their_own_message()
    {
        var jpeg = new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 };
        Assert.Equal(AttachmentRules.EmptyMessage, Assert.Throws<DomainRuleException>(() => AttachmentRules.Check([], 0)).Message);
        var over = new byte[AttachmentRules.MaxBytes + 1];
        jpeg.CopyTo(over, 0);
        Assert.Equal(AttachmentRules.TooLargeMessage, Assert.Throws<DomainRuleException>(() => AttachmentRules.Check(over, 0)).Message);
        Assert.Equal(AttachmentRules.TooManyMessage,
            Assert.Throws<DomainRuleException>(() => AttachmentRules.Check(jpeg, AttachmentRules.MaxPerEntry)).Message);
        var atLimit = new byte[AttachmentRules.MaxBytes];
        jpeg.CopyTo(atLimit, 0);
        Assert.Equal(AttachmentFormat.Jpeg, AttachmentRules.Check(atLimit, AttachmentRules.MaxPerEntry - 1));
    }

    [Fact]
    public void The_neutral_file_name_says_nothing_but_its_kind()
    {
        var id = Guid.Parse("3f2a9c1e-0000-4000-8000-000000000001");
        Assert.Equal("attachment-3f2a9c1e.jpg", AttachmentRules.NeutralFileName(id, AttachmentFormat.Jpeg));
        Assert.Equal("attachment-3f2a9c1e.pdf", AttachmentRules.NeutralFileName(id, AttachmentFormat.Pdf));
    }

    [Fact]
    public void The_hash_is_the_hex_sha256_of_the_stored_bytes()
    {
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", AttachmentRules.Hash("abc"u8));
        Assert.NotEqual(AttachmentRules.Hash("abc"u8), AttachmentRules.Hash("abd"u8));
    }
}
