namespace ClinicPortal.Core.CaseNotes;

/// <summary>A correction or later addition to a signed note. Never edited once written.</summary>
public sealed class CaseNoteAddendum
{
    public const int TextMax = 8000;

    public Guid Id { get; private set; }
    public Guid NoteId { get; private set; }
    public Guid AuthorId { get; private set; }
    public string Text { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }

    private CaseNoteAddendum() { }

    internal CaseNoteAddendum(Guid noteId, Guid authorId, string text, DateTimeOffset now) =>
        (Id, NoteId, AuthorId, Text, CreatedAt) = (Guid.NewGuid(), noteId, authorId, text, now);
}
