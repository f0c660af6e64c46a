using ClinicPortal.Core.CaseNotes;

namespace ClinicPortal.Web.Areas.Clinician.CaseNotes;

/// <summary>Filters for one client's note list. Text is only ever posted, never put in a URL.</summary>
public sealed class NoteFilter
{
    public NoteFormat? Format { get; set; }
    public NoteStatus? Status { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    public string? Text { get; set; }
    /// <summary>Only the notes written from this session (the link from a session's row).</summary>
    public Guid? Session { get; set; }
}
