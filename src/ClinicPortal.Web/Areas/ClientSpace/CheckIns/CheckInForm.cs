using ClinicPortal.Core.CheckIns;
using ClinicPortal.Web.Mvc;

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

    public CheckInAnswers ToAnswers() =>
        new(Mood, Urge, Sleep, ContactAttempted, Channel, ContactNote, BrokeContact, SelfCare, Journal, ShareJournal);

    public static CheckInForm From(CheckIn c, PrivateJournalEntry? privateJournal) => new()
    {
        Mood = c.Mood, Urge = c.Urge, Sleep = (int?)c.Sleep, ContactAttempted = c.ContactAttempted, Channel = c.Channel?.ToString(),
        ContactNote = c.ContactNote, BrokeContact = c.BrokeContact, SelfCare = [.. c.SelfCare],
        Journal = c.SharedJournal ?? privateJournal?.Text, ShareJournal = c.SharedJournal is not null,
    };
}
