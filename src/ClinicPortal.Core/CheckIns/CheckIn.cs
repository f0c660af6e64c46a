using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Common;

namespace ClinicPortal.Core.CheckIns;

/// <summary>
/// What a client answers in a check-in, as posted. Values are checked by <see cref="CheckIn"/>; nothing here
/// names the client: the check-in always belongs to the signed-in client.
/// </summary>
public sealed record CheckInAnswers(
    int? Mood,
    int? Urge,
    int? Sleep,
    bool ContactAttempted,
    string? Channel,
    string? ContactNote,
    bool BrokeContact,
    IReadOnlyCollection<string>? SelfCare,
    string? Journal,
    bool ShareJournal,
    IReadOnlyCollection<string>? Emotions = null,
    bool LookedThemUp = false,
    IReadOnlyList<PersonAnswers>? People = null,
    string? OwnReason = null);

/// <summary>A new check-in, its private journal entry if the client kept one, and whether it reports a contact attempt.</summary>
public sealed record CheckInRecorded(CheckIn CheckIn, PrivateJournalEntry? PrivateJournal, bool ReportsContactAttempt)
{
    /// <summary>The answers about each person, to be saved with the check-in.</summary>
    public IReadOnlyList<CheckInPerson> People { get; init; } = [];
}

/// <summary>What an edit did to the private journal (an entry to add or to remove) and whether a contact attempt is newly reported.</summary>
public sealed record CheckInEdited(PrivateJournalEntry? AddedJournal, PrivateJournalEntry? RemovedJournal, bool NewContactAttempt)
{
    /// <summary>The answers about each person now: they replace the check-in's earlier rows.</summary>
    public IReadOnlyList<CheckInPerson> People { get; init; } = [];
}

/// <summary>
/// A client's own check-in between sessions: mood and urge to break contact (0–10), sleep, a contact attempt
/// by the other person, a setback (the client broke contact), looking them up, feelings (<see cref="EmotionTag"/>), self-care done
/// and an optional journal entry. With more than one boundary the client may answer per person (<see cref="CheckInPerson"/>);
/// the flags here are then "about anyone".
/// The client can change it for <see cref="EditWindow"/> after saving it; then it is read-only.
/// The clinician reads the check-in; a journal entry the client keeps private is stored apart, in
/// <see cref="PrivateJournalEntry"/>, which only the client can read. This type never holds private text.
/// </summary>
public sealed class CheckIn : IClientVisibleRecord
{
    public const int ScaleMin = 0, ScaleMax = 10, ContactNoteMax = 500, JournalMax = 4000;
    public static readonly TimeSpan EditWindow = TimeSpan.FromHours(24);

    public const string ReadOnlyMessage =
        "Check-ins can be changed for 24 hours after they are saved, so this one is now read-only. You can add a new check-in at any time.";

    public Guid Id { get; private set; }
    public Guid ClientId { get; private set; }
    public int Mood { get; private set; }
    public int Urge { get; private set; }
    public SleepQuality? Sleep { get; private set; }
    public bool ContactAttempted { get; private set; }
    public ContactChannel? Channel { get; private set; }
    public string? ContactNote { get; private set; }
    /// <summary>A setback: the client broke contact.</summary>
    public bool BrokeContact { get; private set; }
    /// <summary>The self-care items ticked, as worded when ticked (the clinician may reword the list later).</summary>
    public string[] SelfCare { get; private set; } = [];
    /// <summary>Journal text the client chose to share with their clinician. Private text is never here.</summary>
    public string? SharedJournal { get; private set; }
    /// <summary>The client looked the person (anyone, with several boundaries) up or checked their profiles.</summary>
    public bool LookedThemUp { get; private set; }
    public EmotionTag[] Emotions { get; private set; } = [];
    /// <summary>A reason of the client's own for their boundary, in their words; the clinician may add it to the plan (<see cref="OwnReasons"/>).</summary>
    public string? OwnReason { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    private CheckIn() { }

    /// <summary>Checks every answer first; nothing is built when one is refused.
    /// <paramref name="boundaryIds"/> are the client's boundaries: answers about anyone else are refused.</summary>
    public static CheckInRecorded Record(Guid clientId, CheckInAnswers answers, IReadOnlyCollection<string> selfCareOptions, DateTimeOffset now,
        IReadOnlyCollection<Guid>? boundaryIds = null)
    {
        if (clientId == Guid.Empty) throw new ArgumentException("A check-in belongs to a client.", nameof(clientId));
        var valid = Validate(answers, selfCareOptions, boundaryIds ?? []);
        var checkIn = new CheckIn { Id = Guid.NewGuid(), ClientId = clientId, CreatedAt = now };
        checkIn.Apply(valid, now);
        var journal = valid.PrivateJournal is { } text ? PrivateJournalEntry.Write(checkIn, text, now) : null;
        return new CheckInRecorded(checkIn, journal, checkIn.ContactAttempted) { People = checkIn.PeopleFrom(valid) };
    }

    public DateTimeOffset EditableUntil => CreatedAt + EditWindow;

    public bool IsEditable(DateTimeOffset now) => now < EditableUntil;

    /// <summary>
    /// Changes the answers within the edit window. <paramref name="privateJournal"/> is this check-in's private
    /// entry if it has one; the result says whether to add or remove one. Items ticked earlier stay valid even
    /// if the clinician has since changed the list.
    /// </summary>
    public CheckInEdited Edit(CheckInAnswers answers, IReadOnlyCollection<string> selfCareOptions, PrivateJournalEntry? privateJournal, DateTimeOffset now,
        IReadOnlyCollection<Guid>? boundaryIds = null)
    {
        if (!IsEditable(now)) throw new DomainRuleException(ReadOnlyMessage);
        if (privateJournal is not null && privateJournal.CheckInId != Id)
            throw new ArgumentException("That journal entry belongs to another check-in.", nameof(privateJournal));
        var valid = Validate(answers, selfCareOptions.Concat(SelfCare).ToList(), boundaryIds ?? []);
        var newAttempt = valid.ContactAttempted && !ContactAttempted;
        Apply(valid, now);
        var people = PeopleFrom(valid);

        if (valid.PrivateJournal is { } text)
        {
            if (privateJournal is null) return new CheckInEdited(PrivateJournalEntry.Write(this, text, now), null, newAttempt) { People = people };
            privateJournal.Rewrite(text, now);
            return new CheckInEdited(null, null, newAttempt) { People = people };
        }
        return new CheckInEdited(null, privateJournal, newAttempt) { People = people };
    }

    public const string UnknownPersonMessage = "One of the people in this check-in is not in your plan. Reload the page and try again.";

    private List<CheckInPerson> PeopleFrom(Valid v) => v.People.Select(p => CheckInPerson.For(this, p)).ToList();

    private sealed record Valid(int Mood, int Urge, SleepQuality? Sleep, bool ContactAttempted, ContactChannel? Channel, string? ContactNote,
        bool BrokeContact, string[] SelfCare, string? SharedJournal, string? PrivateJournal, bool LookedThemUp, EmotionTag[] Emotions,
        IReadOnlyList<PersonAnswers> People, string? OwnReason);

    private static Valid Validate(CheckInAnswers a, IReadOnlyCollection<string> selfCareOptions, IReadOnlyCollection<Guid> boundaryIds)
    {
        var mood = Scale(a.Mood, "your mood");
        var urge = Scale(a.Urge, "the urge to contact them");
        SleepQuality? sleep = null;
        if (a.Sleep is { } s)
        {
            if (!Enum.IsDefined((SleepQuality)s)) throw new DomainRuleException("Choose how you slept from the list.");
            sleep = (SleepQuality)s;
        }

        var people = new List<PersonAnswers>();
        foreach (var p in a.People ?? [])
        {
            if (!boundaryIds.Contains(p.BoundaryId) || people.Any(k => k.BoundaryId == p.BoundaryId))
                throw new DomainRuleException(UnknownPersonMessage);
            if (p.Urge is { } u && u is < ScaleMin or > ScaleMax)
                throw new DomainRuleException($"The number for the urge to contact them must be from {ScaleMin} to {ScaleMax}.");
            if (CheckInPerson.IsAnswered(p)) people.Add(p);
        }
        var attempted = a.ContactAttempted || people.Any(p => p.ContactAttempted);
        var emotions = EmotionTags.Parse(a.Emotions);

        ContactChannel? channel = null;
        string? note = null;
        if (attempted)
        {
            channel = ParseChannel(a.Channel) ?? throw new DomainRuleException("Choose how they tried to reach you.");
            note = Guard.Optional(a.ContactNote, "What happened", ContactNoteMax);
        }

        var ticked = (a.SelfCare ?? []).Select(i => i.Trim()).Where(i => i.Length > 0).Distinct().ToArray();
        if (ticked.Any(i => !selfCareOptions.Contains(i)))
            throw new DomainRuleException("One of the self-care items is not on your list. Reload the page and try again.");

        var journal = Guard.Optional(a.Journal, "Journal", JournalMax);
        return new Valid(mood, urge, sleep, attempted, channel, note, a.BrokeContact || people.Any(p => p.GotInTouch), ticked,
            a.ShareJournal ? journal : null, a.ShareJournal ? null : journal, a.LookedThemUp || people.Any(p => p.LookedUp), emotions, people,
            Guard.Optional(a.OwnReason, "My own reason", OwnReasons.Max));
    }

    private static int Scale(int? value, string what)
    {
        if (value is not { } v) throw new DomainRuleException($"Choose a number from {ScaleMin} to {ScaleMax} for {what}.");
        if (v is < ScaleMin or > ScaleMax) throw new DomainRuleException($"The number for {what} must be from {ScaleMin} to {ScaleMax}.");
        return v;
    }

    /// <summary>A channel by its name in the list ("Text", "InPerson"...); numbers and unknown names are not in the list.</summary>
    public static ContactChannel? ParseChannel(string? value) =>
        ListedName.Parse<ContactChannel>(value, "Choose how they tried to reach you from the list.");

    private void Apply(Valid v, DateTimeOffset now)
    {
        (Mood, Urge, Sleep, ContactAttempted, Channel, ContactNote) = (v.Mood, v.Urge, v.Sleep, v.ContactAttempted, v.Channel, v.ContactNote);
        (BrokeContact, SelfCare, SharedJournal, UpdatedAt) = (v.BrokeContact, v.SelfCare, v.SharedJournal, now);
        (LookedThemUp, Emotions, OwnReason) = (v.LookedThemUp, v.Emotions, v.OwnReason);
    }
}
