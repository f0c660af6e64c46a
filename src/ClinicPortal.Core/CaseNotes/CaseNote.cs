using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Common;

namespace ClinicPortal.Core.CaseNotes;

/// <summary>
/// A session note. Drafts can be edited; signing locks it for good, and corrections become addenda.
/// </summary>
public sealed class CaseNote : IClinicalRecord
{
    public const int FieldMax = 8000;

    private readonly List<CaseNoteAddendum> _addenda = [];

    public Guid Id { get; private set; }
    public Guid ClientId { get; private set; }
    public Guid AuthorId { get; private set; }
    /// <summary>The session the note records, if any: a note may stand on its own. No foreign key is mapped.</summary>
    public Guid? SessionId { get; private set; }
    public NoteFormat Format { get; private set; }
    public NoteStatus Status { get; private set; }
    public DateOnly ServiceDate { get; private set; }
    public string? Subjective { get; private set; }
    public string? Objective { get; private set; }
    public string? Assessment { get; private set; }
    public string? Plan { get; private set; }
    public string? Data { get; private set; }
    public string? Behavior { get; private set; }
    public string? Intervention { get; private set; }
    public string? Response { get; private set; }
    public string? Body { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? SignedAt { get; private set; }
    public Guid? SignedById { get; private set; }
    public IReadOnlyList<CaseNoteAddendum> Addenda => _addenda;

    private CaseNote() { }

    public static CaseNote CreateDraft(Guid clientId, Guid authorId, NoteFormat format, DateOnly serviceDate,
        IReadOnlyDictionary<NoteField, string?> sections, DateOnly today, DateTimeOffset now)
    {
        if (!Enum.IsDefined(format)) throw new DomainRuleException("Choose a note format.");
        var note = new CaseNote
        {
            Id = Guid.NewGuid(), ClientId = clientId, AuthorId = authorId, Format = format,
            Status = NoteStatus.Draft, CreatedAt = now,
        };
        note.Apply(serviceDate, sections, today, now);
        return note;
    }

    public const string LockedMessage = "This note is signed and locked. Add an addendum to correct or extend it.";

    public bool IsSigned => Status == NoteStatus.Signed;

    public void EditDraft(DateOnly serviceDate, IReadOnlyDictionary<NoteField, string?> sections, DateOnly today, DateTimeOffset now)
    {
        if (IsSigned)
            throw new DomainRuleException(LockedMessage);
        Apply(serviceDate, sections, today, now);
    }

    public void Sign(Guid userId, DateTimeOffset now)
    {
        if (IsSigned) throw new DomainRuleException("This note is already signed.");
        if (userId != AuthorId) throw new DomainRuleException("Only the note's author can sign it.");
        var empty = NoteTemplates.For(Format).Where(t => string.IsNullOrWhiteSpace(Get(t.Field))).Select(t => t.Label).ToList();
        if (empty.Count > 0)
            throw new DomainRuleException($"Fill in every section before signing: {string.Join(", ", empty)}.");
        Status = NoteStatus.Signed;
        SignedAt = now;
        SignedById = userId;
        UpdatedAt = now;
    }

    public CaseNoteAddendum AddAddendum(Guid authorId, string? text, DateTimeOffset now)
    {
        if (!IsSigned)
            throw new DomainRuleException("Addenda are for signed notes. This note is still a draft: edit it directly.");
        var addendum = new CaseNoteAddendum(Id, authorId, Guard.Required(text, "Addendum", CaseNoteAddendum.TextMax), now);
        _addenda.Add(addendum);
        return addendum;
    }

    public void LinkSession(Guid? sessionId) => SessionId = sessionId;

    public string? Get(NoteField field) => field switch
    {
        NoteField.Subjective => Subjective,
        NoteField.Objective => Objective,
        NoteField.Assessment => Assessment,
        NoteField.Plan => Plan,
        NoteField.Data => Data,
        NoteField.Behavior => Behavior,
        NoteField.Intervention => Intervention,
        NoteField.Response => Response,
        NoteField.Body => Body,
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    private void Apply(DateOnly serviceDate, IReadOnlyDictionary<NoteField, string?> sections, DateOnly today, DateTimeOffset now)
    {
        if (serviceDate > today) throw new DomainRuleException("The session date cannot be in the future.");
        var allowed = NoteTemplates.For(Format);
        var values = allowed.ToDictionary(t => t.Field, t => Guard.Optional(sections.GetValueOrDefault(t.Field), t.Label, FieldMax));
        if (values.Values.All(v => v is null))
            throw new DomainRuleException("Write at least one section before saving.");

        string? Value(NoteField f) => values.GetValueOrDefault(f);
        (Subjective, Objective, Assessment, Plan, Data) =
            (Value(NoteField.Subjective), Value(NoteField.Objective), Value(NoteField.Assessment), Value(NoteField.Plan), Value(NoteField.Data));
        (Behavior, Intervention, Response, Body) =
            (Value(NoteField.Behavior), Value(NoteField.Intervention), Value(NoteField.Response), Value(NoteField.Body));
        ServiceDate = serviceDate;
        UpdatedAt = now;
    }
}
