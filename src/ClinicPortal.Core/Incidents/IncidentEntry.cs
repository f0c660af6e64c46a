using ClinicPortal.Core.CheckIns;
using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Common;

namespace ClinicPortal.Core.Incidents;

/// <summary>Who wrote an entry or an addendum.</summary>
public enum IncidentAuthor
{
    Client = 0,
    Clinician = 1,
}

/// <summary>What is entered for an incident, by the client or the clinician; checked by <see cref="IncidentEntry"/>.</summary>
public sealed record IncidentDetails(
    DateTimeOffset? OccurredAt,
    string? Place,
    Guid? BoundaryId,
    Guid? SupportPersonId,
    ContactChannel? Channel,
    string? Account,
    string? Witnesses,
    string? PoliceReportNumber,
    string? PoliceOfficer,
    string? PoliceBadge,
    string? Feeling);

/// <summary>
/// One contact attempt or incident as evidence: when it happened (not when it was written), where, who, how, the exact
/// words, witnesses and police involvement. It can be corrected by its author for <see cref="IncidentRules.CorrectionWindow"/>
/// after writing; afterwards only addenda are added. <see cref="ContentHash"/> is computed by <see cref="IncidentHash"/> at
/// every write, so a later change outside the app shows as "does not match". The client may keep an entry private
/// (<see cref="IClientChosenPrivacy"/>): then it never reaches staff.
/// </summary>
public sealed class IncidentEntry : IClientChosenPrivacy
{
    public Guid Id { get; private set; }
    public Guid ClientId { get; private set; }
    /// <summary>When it happened, in UTC (entered in clinic time); never in the future.</summary>
    public DateTimeOffset OccurredAt { get; private set; }
    public string? Place { get; private set; }
    /// <summary>One of the client's boundary people, when the entry names one.</summary>
    public Guid? BoundaryId { get; private set; }
    /// <summary>Someone in the support network passing things on, when the entry names them.</summary>
    public Guid? SupportPersonId { get; private set; }
    public ContactChannel Channel { get; private set; }
    /// <summary>What was said or done, in the exact words.</summary>
    public string Account { get; private set; } = "";
    public string? Witnesses { get; private set; }
    public string? PoliceReportNumber { get; private set; }
    public string? PoliceOfficer { get; private set; }
    public string? PoliceBadge { get; private set; }
    public string? Feeling { get; private set; }
    public bool IsPrivate { get; private set; }
    public IncidentAuthor WrittenBy { get; private set; }
    public Guid WrittenByUserId { get; private set; }
    public DateTimeOffset WrittenAt { get; private set; }
    /// <summary>The last correction inside the window; null when never corrected.</summary>
    public DateTimeOffset? CorrectedAt { get; private set; }
    /// <summary>Hex SHA-256 of the content (<see cref="IncidentHash"/>).</summary>
    public string ContentHash { get; private set; } = "";
    /// <summary>The check-in whose contact attempt this entry was made from, if any.</summary>
    public Guid? FromCheckInId { get; private set; }

    private IncidentEntry() { }

    public static IncidentEntry Write(Guid clientId, IncidentDetails details, bool isPrivate, IncidentAuthor by, Guid byUserId, DateTimeOffset now,
        Guid? fromCheckInId = null)
    {
        if (clientId == Guid.Empty) throw new ArgumentException("An incident entry belongs to a client.", nameof(clientId));
        if (byUserId == Guid.Empty) throw new ArgumentException("An incident entry has an author.", nameof(byUserId));
        if (!Enum.IsDefined(by)) throw new ArgumentOutOfRangeException(nameof(by));
        if (isPrivate && by != IncidentAuthor.Client) throw new DomainRuleException(IncidentRules.ClinicianPrivateMessage);
        var entry = new IncidentEntry
        {
            Id = Guid.NewGuid(), ClientId = clientId, IsPrivate = isPrivate, WrittenBy = by, WrittenByUserId = byUserId,
            WrittenAt = IncidentRules.Stored(now), FromCheckInId = fromCheckInId,
        };
        entry.Apply(details, now);
        return entry;
    }

    public DateTimeOffset CorrectableUntil => IncidentRules.CorrectableUntil(WrittenAt);

    public bool IsCorrectable(DateTimeOffset now) => IncidentRules.IsCorrectable(WrittenAt, now);

    /// <summary>Whether this person may correct the entry now: its author, inside the window.</summary>
    public bool CanCorrect(Guid userId, DateTimeOffset now) => userId == WrittenByUserId && IsCorrectable(now);

    /// <summary>A correction by the author inside the window; afterwards refused with a message pointing to an addendum.</summary>
    public void Correct(IncidentDetails details, bool isPrivate, Guid byUserId, DateTimeOffset now)
    {
        if (!IsCorrectable(now)) throw new DomainRuleException(IncidentRules.WindowClosedMessage);
        if (byUserId != WrittenByUserId) throw new DomainRuleException(IncidentRules.NotAuthorMessage);
        if (isPrivate && WrittenBy != IncidentAuthor.Client) throw new DomainRuleException(IncidentRules.ClinicianPrivateMessage);
        Apply(details, now);
        IsPrivate = isPrivate;
        CorrectedAt = IncidentRules.Stored(now);
    }

    /// <summary>A later addition to the entry, by the client or the clinician; addenda are never changed.</summary>
    public IncidentAddendum AddAddendum(string? text, IncidentAuthor by, Guid byUserId, DateTimeOffset now) =>
        IncidentAddendum.Write(this, text, by, byUserId, now);

    /// <summary>Whether the stored hash still matches the content.</summary>
    public bool IsIntact => string.Equals(ContentHash, IncidentHash.Of(this), StringComparison.Ordinal);

    private void Apply(IncidentDetails d, DateTimeOffset now)
    {
        IncidentRules.OnePerson(d.BoundaryId, d.SupportPersonId);
        if (d.Channel is not { } channel || !Enum.IsDefined(channel)) throw new DomainRuleException(IncidentRules.ChannelMessage);
        var occurredAt = IncidentRules.OccurredAt(d.OccurredAt, now);
        var account = IncidentRules.Account(d.Account);
        var place = Guard.Optional(d.Place, "Place", IncidentRules.PlaceMax);
        var witnesses = Guard.Optional(d.Witnesses, "Witnesses", IncidentRules.WitnessesMax);
        var report = Guard.Optional(d.PoliceReportNumber, "Police report number", IncidentRules.PoliceReportNumberMax);
        var officer = Guard.Optional(d.PoliceOfficer, "Officer", IncidentRules.PoliceOfficerMax);
        var badge = Guard.Optional(d.PoliceBadge, "Badge number", IncidentRules.PoliceBadgeMax);
        var feeling = Guard.Optional(d.Feeling, "How it felt", IncidentRules.FeelingMax);
        (OccurredAt, Place, BoundaryId, SupportPersonId, Channel, Account) = (occurredAt, place, d.BoundaryId, d.SupportPersonId, channel, account);
        (Witnesses, PoliceReportNumber, PoliceOfficer, PoliceBadge, Feeling) = (witnesses, report, officer, badge, feeling);
        ContentHash = IncidentHash.Of(this);
    }

    /// <summary>The entry's content as its form shows it again.</summary>
    public IncidentDetails Details() =>
        new(OccurredAt, Place, BoundaryId, SupportPersonId, Channel, Account, Witnesses, PoliceReportNumber, PoliceOfficer, PoliceBadge, Feeling);
}
