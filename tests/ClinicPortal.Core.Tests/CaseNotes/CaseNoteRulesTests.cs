using ClinicPortal.Core.CaseNotes;
using ClinicPortal.Core.Common;

namespace ClinicPortal.Core.Tests.CaseNotes;

public sealed class CaseNoteRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 21);
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 15, 0, 0, TimeSpan.Zero);
    private static readonly Guid Author = Guid.NewGuid();

    private static Dictionary<NoteField, string?> FullSoap() => new()
    {
        [NoteField.Subjective] = "Reports fewer urges.", [NoteField.Objective] = "Calm.",
        [NoteField.Assessment] = "Stable.", [NoteField.Plan] = "Continue weekly.",
    };

    private static CaseNote Draft(Dictionary<NoteField, string?>? sections = null) =>
        CaseNote.CreateDraft(Guid.NewGuid(), Author, NoteFormat.Soap, Today, sections ?? FullSoap(), Today, Now);

    [Fact]
    public void A_new_note_is_a_draft_and_can_be_edited()
    {
        var note = Draft();
        note.EditDraft(Today.AddDays(-1), new Dictionary<NoteField, string?> { [NoteField.Subjective] = "Edited." }, Today, Now);

        Assert.Equal(NoteStatus.Draft, note.Status);
        Assert.Equal("Edited.", note.Subjective);
        Assert.Null(note.Plan);
    }

    [Fact]
    public void Signing_locks_the_note_against_edits()
    {
        var note = Draft();
        note.Sign(Author, Now);

        var refused = Assert.Throws<DomainRuleException>(() => note.EditDraft(Today, FullSoap(), Today, Now));
        Assert.Contains("signed and locked", refused.Message);
        Assert.Equal(NoteStatus.Signed, note.Status);
        Assert.Equal(Now, note.SignedAt);
    }

    [Fact]
    public void A_note_cannot_be_signed_twice()
    {
        var note = Draft();
        note.Sign(Author, Now);

        Assert.Throws<DomainRuleException>(() => note.Sign(Author, Now.AddMinutes(1)));
        Assert.Equal(Now, note.SignedAt);
    }

    [Fact]
    public void Signing_needs_every_section_of_the_format()
    {
        var note = Draft(new() { [NoteField.Subjective] = "Only this." });

        var refused = Assert.Throws<DomainRuleException>(() => note.Sign(Author, Now));
        Assert.Contains("Objective", refused.Message);
        Assert.False(note.IsSigned);
    }

    [Fact]
    public void Only_the_author_signs()
    {
        Assert.Throws<DomainRuleException>(() => Draft().Sign(Guid.NewGuid(), Now));
    }

    [Fact]
    public void Addenda_are_only_for_signed_notes()
    {
        var note = Draft();
        Assert.Throws<DomainRuleException>(() => note.AddAddendum(Author, "Too early.", Now));

        note.Sign(Author, Now);
        var addendum = note.AddAddendum(Author, "Correction: date of the call was Monday.", Now.AddHours(1));

        Assert.Single(note.Addenda);
        Assert.Equal(Now.AddHours(1), addendum.CreatedAt);
        Assert.Equal(Author, addendum.AuthorId);
    }

    [Fact]
    public void An_empty_addendum_is_refused()
    {
        var note = Draft();
        note.Sign(Author, Now);
        Assert.Throws<DomainRuleException>(() => note.AddAddendum(Author, "   ", Now));
        Assert.Empty(note.Addenda);
    }

    [Fact]
    public void Fields_outside_the_format_are_ignored()
    {
        var note = CaseNote.CreateDraft(Guid.NewGuid(), Author, NoteFormat.Dap, Today,
            new Dictionary<NoteField, string?> { [NoteField.Data] = "Data.", [NoteField.Subjective] = "Not a DAP field." }, Today, Now);

        Assert.Equal("Data.", note.Data);
        Assert.Null(note.Subjective);
    }

    [Fact]
    public void Empty_future_dated_or_overlong_notes_are_refused()
    {
        Assert.Throws<DomainRuleException>(() => Draft(new() { [NoteField.Subjective] = " " }));
        Assert.Throws<DomainRuleException>(() => CaseNote.CreateDraft(Guid.NewGuid(), Author, NoteFormat.Soap, Today.AddDays(1), FullSoap(), Today, Now));
        Assert.Throws<DomainRuleException>(() => Draft(new() { [NoteField.Subjective] = new string('x', CaseNote.FieldMax + 1) }));
    }

    [Theory]
    [InlineData(NoteFormat.Soap, 4)]
    [InlineData(NoteFormat.Dap, 3)]
    [InlineData(NoteFormat.Birp, 4)]
    [InlineData(NoteFormat.FreeText, 1)]
    public void Each_format_has_its_own_sections(NoteFormat format, int sections)
    {
        Assert.Equal(sections, NoteTemplates.For(format).Count);
    }
}
