namespace ClinicPortal.Web.Areas.Clinician.Measures;

/// <summary>The clinician's note on sent answers (the answers themselves are never changed).</summary>
public sealed class MeasureNoteForm
{
    public string? Text { get; set; }
}
