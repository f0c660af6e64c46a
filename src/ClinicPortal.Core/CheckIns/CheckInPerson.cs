using ClinicPortal.Core.Clients;

namespace ClinicPortal.Core.CheckIns;

/// <summary>What the client answered in a check-in about one person: the posted answers, by boundary.</summary>
public sealed record PersonAnswers(Guid BoundaryId, int? Urge, bool ContactAttempted, bool GotInTouch, bool LookedUp);

/// <summary>
/// A check-in's answers about one person the client has a boundary with, asked when the plan has more than one
/// boundary. The check-in's own flags stay the sum of these (any person), so the caseload, the alerts and old
/// check-ins read them as before; these rows tell the clinician which person.
/// </summary>
public sealed class CheckInPerson : IClientVisibleRecord
{
    public Guid Id { get; private set; }
    public Guid CheckInId { get; private set; }
    public Guid ClientId { get; private set; }
    public Guid BoundaryId { get; private set; }
    /// <summary>The urge to contact this person, 0–10, when the client gave one.</summary>
    public int? Urge { get; private set; }
    /// <summary>This person tried to reach the client.</summary>
    public bool ContactAttempted { get; private set; }
    /// <summary>The client got in touch with this person (a setback).</summary>
    public bool GotInTouch { get; private set; }
    /// <summary>The client looked this person up or checked their profiles.</summary>
    public bool LookedUp { get; private set; }

    private CheckInPerson() { }

    internal static CheckInPerson For(CheckIn checkIn, PersonAnswers a) => new()
    {
        Id = Guid.NewGuid(), CheckInId = checkIn.Id, ClientId = checkIn.ClientId, BoundaryId = a.BoundaryId,
        Urge = a.Urge, ContactAttempted = a.ContactAttempted, GotInTouch = a.GotInTouch, LookedUp = a.LookedUp,
    };

    /// <summary>Whether the row says anything (an untouched person section is not stored).</summary>
    internal static bool IsAnswered(PersonAnswers a) => a.Urge is not null || a.ContactAttempted || a.GotInTouch || a.LookedUp;
}

/// <summary>One person's answers as the client's and the clinician's pages show them, named by the person in the plan.</summary>
public sealed record PersonAnswerView(string PersonName, int? Urge, bool ContactAttempted, bool GotInTouch, bool LookedUp);

/// <summary>The same words for one person's answers on the client's and the clinician's pages.</summary>
public static class PersonAnswerWords
{
    /// <param name="subject">"you" on the client's pages, "client" on the clinician's.</param>
    public static IEnumerable<string> Of(PersonAnswerView p, string subject)
    {
        var you = subject == "you";
        if (p.Urge is { } urge) yield return $"urge {urge} out of 10";
        if (p.ContactAttempted) yield return you ? "they tried to reach you" : "tried to reach the client";
        if (p.GotInTouch) yield return you ? "you got in touch" : "client got in touch";
        if (p.LookedUp) yield return you ? "you looked them up" : "client looked them up";
    }
}

/// <summary>A person of the client's plan, as a choice on a page: their boundary, by the name in the plan.</summary>
public sealed record CheckInPersonChoice(Guid BoundaryId, string PersonName);
