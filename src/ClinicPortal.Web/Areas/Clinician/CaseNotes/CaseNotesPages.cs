using ClinicPortal.Core.CaseNotes;

namespace ClinicPortal.Web.Areas.Clinician.CaseNotes;

public sealed record NoteListItem(Guid Id, DateOnly ServiceDate, NoteFormat Format, NoteStatus Status, string AuthorName, int Addenda, string? Opening);

public sealed record NoteListPage(bool ReadOnly, NoteFilter Filter, IReadOnlyList<NoteListItem> Notes);

/// <param name="SessionLabel">The session the note is written from, as the page names it.</param>
public sealed record NoteFormPage(Guid? NoteId, NoteForm Form, string? SessionLabel = null)
{
    public bool IsNew => NoteId is null;
}

public sealed record AddendumView(string AuthorName, DateTimeOffset CreatedAt, string Text);

public sealed record NotePage(bool ClientReadOnly, CaseNote Note, string AuthorName, string? SignedByName, IReadOnlyList<AddendumView> Addenda, TimeZoneInfo Zone,
    string? SessionLabel = null)
{
    /// <summary>The addendum text a refused post sent, shown again in the box.</summary>
    public string? AddendumDraft { get; init; }

    /// <summary>The note's version as shown, posted back by "Sign and lock" (Mvc/VersionForm).</summary>
    public uint Version { get; init; }
}
