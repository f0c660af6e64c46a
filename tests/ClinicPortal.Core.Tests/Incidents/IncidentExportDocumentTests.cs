using ClinicPortal.Core.Common;
using ClinicPortal.Core.Incidents;
using ClinicPortal.Core.Reports;

namespace ClinicPortal.Core.Tests.Incidents;

public sealed class IncidentExportDocumentTests
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly DateTimeOffset Base = new(2026, 3, 10, 15, 0, 0, TimeSpan.Zero);

    internal static ExportEntry Entry(string account, DateTimeOffset occurred, bool intact = true, bool isPrivate = false) =>
        new(Guid.NewGuid(), occurred, occurred.AddHours(2), null, "the client", isPrivate, [new("What was said or done", account), new("Channel", "Text message")],
            new string('a', 64), intact, [], []);

    private static IncidentExport Export(params ExportEntry[] entries) =>
        new(Guid.Parse("0123456789ab4cde8f0123456789abcd"), "Jordan Testperson", "Demo Clinic", "Dr. Morgan Example", false,
            IncidentExportAudience.Create(IncidentExportRecipient.Court, "Family Court"), new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31),
            Base, Zone, TimeSpan.FromMinutes(30), entries);

    [Fact]
    public void Entries_print_in_the_order_they_happened_whatever_order_they_were_chosen_in()
    {
        var text = IncidentExportDocument.Compose(Export(Entry("Second thing", Base.AddDays(2)), Entry("First thing", Base))).PlainText();
        Assert.True(text.IndexOf("First thing", StringComparison.Ordinal) < text.IndexOf("Second thing", StringComparison.Ordinal));
        Assert.Contains("1. 10 Mar 2026, 11:00", text); // clinic time, not UTC
    }

    [Fact]
    public void The_cover_names_the_subject_the_audience_and_the_statement_of_how_it_was_kept()
    {
        var text = IncidentExportDocument.Compose(Export(Entry("x", Base))).PlainText();
        Assert.Contains("Subject: Jordan Testperson", text);
        Assert.Contains("Prepared for: A court (Family Court)", text);
        Assert.Contains("Reference: 0123456789AB", text);
        Assert.Contains("corrected only within 30 minutes", text);
        Assert.Contains("entries the client kept private are never included in a copy made by staff", text);
    }

    [Fact]
    public void Each_entry_shows_its_hash_and_whether_it_matches()
    {
        var text = IncidentExportDocument.Compose(Export(Entry("kept", Base), Entry("altered", Base.AddDays(1), intact: false))).PlainText();
        Assert.Contains("SHA-256: aaaaaaaa aaaaaaaa", text);
        Assert.Contains("Intact: the hash computed again matches", text);
        Assert.Contains("DOES NOT MATCH", text);
    }

    [Fact]
    public void Addenda_and_attachments_follow_their_entry()
    {
        var entry = Entry("the call", Base) with
        {
            Addenda = [new ExportAddendum(Base.AddDays(1), "Dr. Morgan Example", "Police called back", new string('b', 64), true)],
            Attachments = [new ExportAttachment(AttachmentFormat.Pdf, 0, 0, 3, new string('c', 64), true, Base.AddHours(3), "the client", null)],
        };
        var document = IncidentExportDocument.Compose(Export(entry));
        var text = document.PlainText();
        Assert.Contains("Addendum, 11 Mar 2026, 11:00 by Dr. Morgan Example", text);
        Assert.Contains("Police called back", text);
        Assert.Contains("PDF file, 3 pages", text);
        Assert.Contains("cccccccc cccccccc", text);
        Assert.Single(document.Blocks.OfType<AttachmentBlock>());
    }

    [Fact]
    public void No_entry_chosen_is_refused() =>
        Assert.Equal(IncidentExportDocument.NoEntriesMessage, Assert.Throws<DomainRuleException>(() => IncidentExportDocument.Compose(Export())).Message);

    [Fact]
    public void Anyone_but_the_client_is_named()
    {
        Assert.Equal("The recipient's name is required.",
            Assert.Throws<DomainRuleException>(() => IncidentExportAudience.Create(IncidentExportRecipient.Lawyer, " ")).Message);
        Assert.Null(IncidentExportAudience.Create(IncidentExportRecipient.Client, "ignored").RecipientName);
        Assert.Equal("advocate", IncidentExportAudience.Create(IncidentExportRecipient.Advocate, "Safe Harbor").Code);
        Assert.Throws<DomainRuleException>(() => IncidentExportAudience.Create((IncidentExportRecipient)99, "x"));
    }
}
