using ClinicPortal.Core.Progress;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ClinicPortal.Web.Areas.Clinician.Progress;

/// <summary>What a clinician posts to record an assessment.</summary>
public sealed class AssessmentForm
{
    public DateOnly? AssessedOn { get; set; }
    public Guid? StageId { get; set; }
    public string? Evidence { get; set; }
    public Guid? NoteId { get; set; }
    /// <summary>The session the assessment was made in ("Assess stage" on a session).</summary>
    public Guid? SessionId { get; set; }

    /// <summary>The linked session as the page names it.</summary>
    [BindNever]
    public string? SessionLabel { get; set; }

    /// <summary>What the form offers (the model's stages, the notes to link): shown, never read from a post.</summary>
    [BindNever]
    public AssessmentChoices Choices { get; set; } = AssessmentChoices.None;
}

public sealed record AssessmentChoices(DateOnly Today, IReadOnlyList<Stage> Stages, IReadOnlyList<(Guid Id, string Label)> Notes)
{
    public static readonly AssessmentChoices None = new(DateOnly.MinValue, [], []);
}
