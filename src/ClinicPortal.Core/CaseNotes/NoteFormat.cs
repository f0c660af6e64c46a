namespace ClinicPortal.Core.CaseNotes;

public enum NoteFormat
{
    Soap = 0,
    Dap = 1,
    Birp = 2,
    FreeText = 3,
}

public enum NoteStatus
{
    Draft = 0,
    /// <summary>Locked: only addenda may follow.</summary>
    Signed = 1,
}

/// <summary>Every section a note can hold; each format uses its own subset.</summary>
public enum NoteField
{
    Subjective, Objective, Assessment, Plan, Data, Behavior, Intervention, Response, Body,
}

public sealed record NoteFieldTemplate(NoteField Field, string Label, string Hint);

/// <summary>The sections of each clinical note format, in the order clinicians write them.</summary>
public static class NoteTemplates
{
    private static readonly IReadOnlyDictionary<NoteFormat, NoteFieldTemplate[]> Templates = new Dictionary<NoteFormat, NoteFieldTemplate[]>
    {
        [NoteFormat.Soap] =
        [
            new(NoteField.Subjective, "Subjective", "What the client reports, in their words"),
            new(NoteField.Objective, "Objective", "What you observed"),
            new(NoteField.Assessment, "Assessment", "Your clinical impression"),
            new(NoteField.Plan, "Plan", "Next steps and homework"),
        ],
        [NoteFormat.Dap] =
        [
            new(NoteField.Data, "Data", "What was reported and observed"),
            new(NoteField.Assessment, "Assessment", "Your interpretation"),
            new(NoteField.Plan, "Plan", "Next steps"),
        ],
        [NoteFormat.Birp] =
        [
            new(NoteField.Behavior, "Behavior", "Presentation and concerns"),
            new(NoteField.Intervention, "Intervention", "What you did in session"),
            new(NoteField.Response, "Response", "How the client responded"),
            new(NoteField.Plan, "Plan", "Next steps"),
        ],
        [NoteFormat.FreeText] =
        [
            new(NoteField.Body, "Note", "Free-text session note"),
        ],
    };

    public static IReadOnlyList<NoteFieldTemplate> For(NoteFormat format) =>
        Templates.TryGetValue(format, out var fields) ? fields : throw new ArgumentOutOfRangeException(nameof(format));

    public static string DisplayName(NoteFormat format) => format switch
    {
        NoteFormat.Soap => "SOAP",
        NoteFormat.Dap => "DAP",
        NoteFormat.Birp => "BIRP",
        _ => "Free text",
    };
}
