using System.Globalization;
using System.Text;
using ClinicPortal.Core.Common;
using ClinicPortal.Core.Reports;

namespace ClinicPortal.Core.Incidents;

/// <summary>One attachment as the export shows it: a thumbnail (pictures, already scaled down) or a labelled box (PDFs).</summary>
public sealed record ExportAttachment(AttachmentFormat Format, int Width, int Height, int PageCount, string Hash, bool Intact,
    DateTimeOffset AddedAt, string AddedBy, byte[]? Thumbnail);

public sealed record ExportAddendum(DateTimeOffset WrittenAt, string WrittenBy, string Text, string Hash, bool Intact);

/// <summary>
/// One entry as the export prints it, already in words: the loader maps the stored entry's fields to labelled values
/// (so this file knows no entity), and says whether each hash computed again matches the stored one.
/// </summary>
public sealed record ExportEntry(Guid Id, DateTimeOffset OccurredAt, DateTimeOffset WrittenAt, DateTimeOffset? CorrectedAt, string WrittenBy,
    bool IsPrivate, IReadOnlyList<KeyValue> Fields, string Hash, bool Intact, IReadOnlyList<ExportAddendum> Addenda,
    IReadOnlyList<ExportAttachment> Attachments);

/// <param name="Subject">The client's name: the one person the document is about.</param>
/// <param name="MadeBy">"the client" or the clinician's name.</param>
public sealed record IncidentExport(Guid Reference, string Subject, string Clinic, string MadeBy, bool MadeByClient, IncidentExportAudience Audience,
    DateOnly From, DateOnly To, DateTimeOffset MadeAt, TimeZoneInfo Zone, TimeSpan CorrectionWindow, IReadOnlyList<ExportEntry> Entries);

/// <summary>A picture's thumbnail or a PDF's labelled box, with the lines printed beside it.</summary>
public sealed record AttachmentBlock(ExportAttachment Attachment, string Label, IReadOnlyList<string> Lines) : ReportBlock
{
    internal override void AppendText(StringBuilder text)
    {
        text.AppendLine(Label);
        foreach (var line in Lines) text.AppendLine(line);
    }
}

/// <summary>
/// Lays out the chronological export: a cover with the subject and the period, how the record was kept, then every
/// chosen entry in the order it happened with who wrote it and when, all its fields, its addenda, attachments and
/// hashes. Drawn by the PDF writer through the same blocks as the progress report.
/// </summary>
public static class IncidentExportDocument
{
    public const string Title = "Chronological record of incidents";
    public const string NoEntriesMessage = "Tick at least one entry to include.";
    public const int MaxEntries = 200;
    public const string TooManyMessage = "Choose at most 200 entries for one copy.";

    public static ReportDocument Compose(IncidentExport export)
    {
        if (export.Entries.Count == 0) throw new DomainRuleException(NoEntriesMessage);
        var blocks = new List<ReportBlock>
        {
            new KeyValueBlock(
            [
                new("Subject", export.Subject),
                new("Entries", $"{export.Entries.Count}, from {Day(export.From)} to {Day(export.To)}, in the order they happened"),
                new("Prepared for", export.Audience.Describe()),
                new("Prepared by", export.MadeBy),
                new("Made", $"{When(export.MadeAt, export.Zone)} ({export.Clinic})"),
                new("Reference", Reference(export.Reference)),
                new("Times", $"Clinic time, {export.Zone.Id}"),
            ]),
            new HeadingBlock("How this record was kept", 2),
            new ParagraphBlock(Statement(export)),
        };
        var number = 0;
        foreach (var entry in export.Entries.OrderBy(e => e.OccurredAt).ThenBy(e => e.WrittenAt))
            blocks.AddRange(Entry(++number, entry, export.Zone));
        return new ReportDocument(Title, blocks);
    }

    /// <summary>The short reference printed on the document and kept in the audit row, to match a copy with its disclosure.</summary>
    public static string Reference(Guid reference) => reference.ToString("N")[..12].ToUpperInvariant();

    public static string Statement(IncidentExport export)
    {
        var window = export.CorrectionWindow.TotalMinutes.ToString("0", CultureInfo.InvariantCulture);
        var who = export.MadeByClient
            ? "The client made this copy of their own record; it may include entries they kept private, which no one else could read."
            : "A clinician made this copy; entries the client kept private are never included in a copy made by staff.";
        return string.Join("\n",
            "Each entry was written in ClinicPortal by the client or by their clinician, as shown with the entry, and the time it was written was set by the server, not typed. " +
            "When it happened is what the writer entered.",
            $"An entry can be corrected only within {window} minutes of being written. After that it cannot be changed: anything added later is an addendum with its own author and time, and the original stays as it was.",
            "When each entry, addendum and attachment was written, a SHA-256 hash of its content was computed and stored. The hashes are printed here; \"intact\" means the hash computed again when this copy was made matches the stored one, so the content is as it was written (for an entry corrected within its window, as last corrected).",
            "Pictures and PDF files were checked by their content when added, had their metadata (such as the place a photo was taken) removed, and are stored encrypted (AES-256-GCM); an attachment's hash is that of the stored file.",
            "Who could read the record: the client, and the clinicians caring for them; entries the client kept private, the client alone. Clinic administrators cannot read it. Every view and every copy made is recorded in an audit log with who made it and for whom.",
            who);
    }

    private static IEnumerable<ReportBlock> Entry(int number, ExportEntry e, TimeZoneInfo zone)
    {
        yield return new HeadingBlock($"{number}. {When(e.OccurredAt, zone)}", 2);
        var written = $"{When(e.WrittenAt, zone)} by {e.WrittenBy}" + (e.CorrectedAt is { } c ? $"; corrected within its window at {When(c, zone)}" : "");
        List<KeyValue> facts = [new("Happened", When(e.OccurredAt, zone)), new("Written", written)];
        if (e.IsPrivate) facts.Add(new("Kept private", "Yes: only the client could read this entry"));
        facts.AddRange(e.Fields);
        facts.Add(new("SHA-256", Grouped(e.Hash)));
        facts.Add(new("Check", Verdict(e.Intact)));
        yield return new KeyValueBlock(facts);
        foreach (var a in e.Addenda)
        {
            yield return new HeadingBlock($"Addendum, {When(a.WrittenAt, zone)} by {a.WrittenBy}", 3);
            yield return new ParagraphBlock(a.Text);
            yield return new KeyValueBlock([new("SHA-256", Grouped(a.Hash)), new("Check", Verdict(a.Intact))]);
        }
        var n = 0;
        foreach (var a in e.Attachments)
        {
            n++;
            var kind = a.Format == AttachmentFormat.Pdf
                ? $"PDF file, {a.PageCount} {(a.PageCount == 1 ? "page" : "pages")}"
                : $"Picture, {a.Width} × {a.Height} pixels";
            yield return new AttachmentBlock(a, $"Attachment {number}.{n}",
                [kind, $"Added {When(a.AddedAt, zone)} by {a.AddedBy}", "SHA-256:", Grouped(a.Hash), Verdict(a.Intact)]);
        }
    }

    /// <summary>A hash in groups of eight, as fingerprints are printed: it wraps on paper and reads aloud in parts.</summary>
    public static string Grouped(string hash) => string.Join(' ', hash.Chunk(8).Select(c => new string(c)));

    private static string Verdict(bool intact) => intact ? "Intact: the hash computed again matches" : "DOES NOT MATCH: the stored content differs from what was written";

    public static string When(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("d MMM yyyy, HH:mm", CultureInfo.InvariantCulture);

    private static string Day(DateOnly day) => day.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
}
