using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Common;

namespace ClinicPortal.Core.ContactSafety;

/// <summary>What the clinician records with the client (every field, as typed, before it is checked).</summary>
public sealed record ContactSafetyDetails(
    ContactChannels SafeChannels,
    bool MayBeMonitored,
    SafeTimes? SafeTimes,
    IReadOnlyList<string?> NeverContact,
    string? Note);

/// <summary>
/// How the clinic may reach one client without putting them at risk: the safe channels, whether their phone, computer
/// or inbox may be watched, when contact is safe, and people who must never be contacted about them. The clinician
/// fills it in with the client; the client sees it and can only make it stricter (<see cref="TightenByClient"/>).
/// Every outgoing message is decided by <see cref="ContactSafetyPolicy"/> from this profile.
/// A client without a profile is "not recorded": messages go out as before and the caseload asks for one.
/// </summary>
public sealed class ContactSafetyProfile : IClientVisibleRecord
{
    public const int NoteMax = 1000, PersonMax = 120, MaxPeople = 10;
    public const string UnknownChannelMessage = "Choose safe ways of contact from the list.";
    public const string LoosenMessage =
        "Only your clinician can turn a way of contacting you back on. Ask them at your next appointment.";

    public Guid ClientId { get; private set; }
    public ContactChannels SafeChannels { get; private set; }
    public bool MayBeMonitored { get; private set; }
    /// <summary>Mask of <see cref="DayOfWeek"/> bits; 0 with no times = any time.</summary>
    public int SafeDays { get; private set; }
    public TimeOnly? SafeFrom { get; private set; }
    public TimeOnly? SafeUntil { get; private set; }
    public List<string> NeverContact { get; private set; } = [];
    public string? Note { get; private set; }
    public Guid UpdatedById { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    private ContactSafetyProfile() { }

    public static ContactSafetyProfile Create(Guid clientId, ContactSafetyDetails details, Guid byId, DateTimeOffset now)
    {
        var profile = new ContactSafetyProfile { ClientId = clientId };
        profile.Update(details, byId, now);
        return profile;
    }

    /// <summary>
    /// A client whose clinician has not recorded a profile can still stop email themself: the profile starts from what
    /// happens without one (email allowed) and can only get stricter. Null when the choice changes nothing.
    /// </summary>
    public static ContactSafetyProfile? StartByClient(Guid clientId, ContactChannels channels, bool mayBeMonitored, Guid byId, DateTimeOffset now)
    {
        var profile = new ContactSafetyProfile { ClientId = clientId, SafeChannels = ContactChannels.Email, UpdatedById = byId, UpdatedAt = now };
        return profile.TightenByClient(channels, mayBeMonitored, byId, now) ? profile : null;
    }

    public SafeTimes? SafeTimes => SafeFrom is { } from && SafeUntil is { } until ? new SafeTimes(SafeDays, from, until) : null;

    public ContactPermissions Permissions => new(SafeChannels, MayBeMonitored, SafeTimes);

    /// <summary>The clinician's edit: anything may change, looser or stricter.</summary>
    public void Update(ContactSafetyDetails d, Guid byId, DateTimeOffset now)
    {
        var channels = ValidChannels(d.SafeChannels);
        var people = d.NeverContact.Select(p => Guard.Optional(p, "Person never to contact", PersonMax)).OfType<string>()
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (people.Count > MaxPeople) throw new DomainRuleException($"List at most {MaxPeople} people never to contact.");
        var note = Guard.Optional(d.Note, "Note", NoteMax);

        (SafeChannels, MayBeMonitored, NeverContact, Note) = (channels, d.MayBeMonitored, people, note);
        (SafeDays, SafeFrom, SafeUntil) = d.SafeTimes is { } t ? (t.Days, t.From, t.Until) : (0, (TimeOnly?)null, (TimeOnly?)null);
        (UpdatedById, UpdatedAt) = (byId, now);
    }

    /// <summary>
    /// The client's own change: a channel may be turned off and "may be watched" turned on, never the reverse.
    /// Returns false when nothing changed. A loosening throws and changes nothing.
    /// </summary>
    public bool TightenByClient(ContactChannels channels, bool mayBeMonitored, Guid byId, DateTimeOffset now)
    {
        var wanted = ValidChannels(channels);
        if ((wanted & ~SafeChannels) != 0 || (MayBeMonitored && !mayBeMonitored))
            throw new DomainRuleException(LoosenMessage);
        if (wanted == SafeChannels && mayBeMonitored == MayBeMonitored) return false;
        (SafeChannels, MayBeMonitored, UpdatedById, UpdatedAt) = (wanted, mayBeMonitored, byId, now);
        return true;
    }

    private static ContactChannels ValidChannels(ContactChannels channels) =>
        (channels & ~ContactChannelLabels.Defined) != 0
            ? throw new DomainRuleException(UnknownChannelMessage)
            : channels;
}
