using ClinicPortal.Core.CheckIns;
using ClinicPortal.Web.Mvc;

namespace ClinicPortal.Web.Areas.ClientSpace.CheckIns;

/// <summary>
/// What the check-in form posts. It has no client id on purpose: a check-in always belongs to the signed-in
/// client, so a posted "ClientId" is simply not bound. The rules live in <see cref="CheckIn"/>.
/// </summary>
public sealed class CheckInForm
{
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

/// <summary>The form page, for a new check-in (no id) or one still within its edit window.</summary>
public sealed record CheckInFormPage(Guid? CheckInId, CheckInForm Form, IReadOnlyList<string> SelfCareOptions, DateTimeOffset? EditableUntil, TimeZoneInfo Zone)
{
    public bool IsNew => CheckInId is null;
}

/// <summary>One of the client's own check-ins, with their journal (shared or private) for their eyes.</summary>
public sealed record MyCheckIn(
    Guid Id, DateTimeOffset CreatedAt, int Mood, int Urge, SleepQuality? Sleep, bool ContactAttempted, ContactChannel? Channel,
    string? ContactNote, bool BrokeContact, string[] SelfCare, string? Journal, bool JournalShared, bool Editable);

public sealed record MyCheckInsPage(IReadOnlyList<MyCheckIn> CheckIns, TimeZoneInfo Zone)
{
    /// <summary>The data block check-in-chart.js reads (oldest first); mood and urge only, no markers on the client's own chart.</summary>
    public object ChartData() => new
    {
        markers = false,
        points = CheckIns.OrderBy(c => c.CreatedAt).Select(c => new
        {
            t = c.CreatedAt.ToUnixTimeMilliseconds(), mood = c.Mood, urge = c.Urge, setback = false, contact = false,
        }),
    };
}

/// <summary>One check-in as the client's pages show it, in their time zone.</summary>
public sealed record MyCheckInView(MyCheckIn CheckIn, TimeZoneInfo Zone);

/// <summary>A check-in past its edit window (or shown after a refused change), read-only.</summary>
public sealed record MyCheckInPage(MyCheckIn CheckIn, TimeZoneInfo Zone, string? Error);
