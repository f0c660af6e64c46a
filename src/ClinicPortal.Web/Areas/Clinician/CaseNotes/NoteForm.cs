using ClinicPortal.Core.CaseNotes;
using ClinicPortal.Web.Mvc;

namespace ClinicPortal.Web.Areas.Clinician.CaseNotes;

/// <summary>A note's editable fields. Which sections apply depends on the format (see <see cref="NoteTemplates"/>).</summary>
public sealed class NoteForm : IVersionedForm
{
    public uint Version { get; set; }

    public NoteFormat Format { get; set; } = NoteFormat.Soap;
    public DateOnly? ServiceDate { get; set; }
    /// <summary>The session the note is written from ("Write note" on a session); fixed once the note exists.</summary>
    public Guid? SessionId { get; set; }
    public string? Subjective { get; set; }
    public string? Objective { get; set; }
    public string? Assessment { get; set; }
    public string? Plan { get; set; }
    public string? Data { get; set; }
    public string? Behavior { get; set; }
    public string? Intervention { get; set; }
    public string? Response { get; set; }
    public string? Body { get; set; }

    public IReadOnlyDictionary<NoteField, string?> Sections() => new Dictionary<NoteField, string?>
    {
        [NoteField.Subjective] = Subjective, [NoteField.Objective] = Objective, [NoteField.Assessment] = Assessment,
        [NoteField.Plan] = Plan, [NoteField.Data] = Data, [NoteField.Behavior] = Behavior,
        [NoteField.Intervention] = Intervention, [NoteField.Response] = Response, [NoteField.Body] = Body,
    };

    public string? this[NoteField field] => Sections()[field];

    public static NoteForm From(CaseNote n) => new()
    {
        Format = n.Format, ServiceDate = n.ServiceDate, SessionId = n.SessionId, Subjective = n.Subjective, Objective = n.Objective, Assessment = n.Assessment,
        Plan = n.Plan, Data = n.Data, Behavior = n.Behavior, Intervention = n.Intervention, Response = n.Response, Body = n.Body,
    };
}
