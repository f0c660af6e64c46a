using ClinicPortal.Core.CheckIns;
using ClinicPortal.Web.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ClinicPortal.Web.Areas.ClientSpace.CheckIns;

/// <summary>
/// What the check-in form posts. It has no client id on purpose: a check-in always belongs to the signed-in
/// client, so a posted "ClientId" is simply not bound. The rules live in <see cref="CheckIn"/>.
/// </summary>
public sealed class CheckInForm : IVersionedForm
{
    public uint Version { get; set; }

    [BindingMessage("Choose a number from 0 to 10 for your mood.")]
    public int? Mood { get; set; }
    [BindingMessage("Choose a number from 0 to 10 for the urge to contact them.")]
    public int? Urge { get; set; }
    [BindingMessage("Choose how you slept from the list.")]
    public int? Sleep { get; set; }
    [BindingMessage("Answer whether they tried to reach you.")]
    public bool ContactAttempted { get; set; }
    public string? Channel { get; set; }
    public string? ContactNote { get; set; }
    [BindingMessage("Answer whether you got in touch with them.")]
    public bool BrokeContact { get; set; }
    public List<string> SelfCare { get; set; } = [];
    public string? Journal { get; set; }
    [BindingMessage("Choose whether to share your journal.")]
    public bool ShareJournal { get; set; }
    [BindingMessage("Answer whether you looked them up or checked their profiles.")]
    public bool LookedThemUp { get; set; }
    /// <summary>Feelings by name (<see cref="EmotionTag"/>); an unknown name is refused by the rule, with its message.</summary>
    public List<string> Emotions { get; set; } = [];
    public string? OwnReason { get; set; }
    /// <summary>Answers per person, asked when the client has more than one boundary.</summary>
    [BindingMessage("An answer about one of the people could not be read. Reload the page and try again.")]
    public List<CheckInPersonRow> People { get; set; } = [];

    /// <summary>The people the client is asked about (their boundaries), set by the page, never posted.</summary>
    [BindNever]
    public IReadOnlyList<CheckInPersonChoice> Offered { get; set; } = [];

    public bool AsksPerPerson => Offered.Count > 1;

    public CheckInAnswers ToAnswers() =>
        new(Mood, Urge, Sleep, ContactAttempted, Channel, ContactNote, BrokeContact, SelfCare, Journal, ShareJournal, Emotions, LookedThemUp,
            People.Select(p => new PersonAnswers(p.BoundaryId, p.Urge, p.ContactAttempted, p.GotInTouch, p.LookedUp)).ToList(), OwnReason);

    /// <summary>The row posted for a person, or an empty one for a person not answered yet.</summary>
    public CheckInPersonRow RowFor(Guid boundaryId) =>
        People.FirstOrDefault(p => p.BoundaryId == boundaryId) ?? new CheckInPersonRow { BoundaryId = boundaryId };

    public static CheckInForm From(CheckIn c, PrivateJournalEntry? privateJournal, IEnumerable<CheckInPerson> people) => new()
    {
        Mood = c.Mood, Urge = c.Urge, Sleep = (int?)c.Sleep, ContactAttempted = c.ContactAttempted, Channel = c.Channel?.ToString(),
        ContactNote = c.ContactNote, BrokeContact = c.BrokeContact, SelfCare = [.. c.SelfCare],
        Journal = c.SharedJournal ?? privateJournal?.Text, ShareJournal = c.SharedJournal is not null,
        LookedThemUp = c.LookedThemUp, OwnReason = c.OwnReason, Emotions = [.. c.Emotions.Select(e => e.ToString())],
        People = [.. people.Select(p => new CheckInPersonRow { BoundaryId = p.BoundaryId, Urge = p.Urge, ContactAttempted = p.ContactAttempted, GotInTouch = p.GotInTouch, LookedUp = p.LookedUp })],
    };
}

/// <summary>The answers about one person, posted with the id of the client's boundary with them.</summary>
public sealed class CheckInPersonRow
{
    public Guid BoundaryId { get; set; }
    public int? Urge { get; set; }
    public bool ContactAttempted { get; set; }
    public bool GotInTouch { get; set; }
    public bool LookedUp { get; set; }
}
