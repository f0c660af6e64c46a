using ClinicPortal.Core.Clinics;
using ClinicPortal.Core.Common;

namespace ClinicPortal.Core.Cover;

/// <summary>Where a cover stands at a moment.</summary>
public enum CoverState
{
    Upcoming = 0,
    Active = 1,
    Ended = 2,
    Revoked = 3,
}

/// <summary>
/// Temporary cover: while it runs, the covering clinician reaches one client of the granting clinician's caseload
/// as that clinician does (the record, alerts, notes). It runs from the start of <see cref="StartsOn"/> to the end of
/// <see cref="EndsOn"/> in clinic time; <see cref="StartsAt"/> and <see cref="EndsAt"/> hold those instants, which the
/// data filters compare with the clock, so it ends by itself without a job. Revoking ends it early, and it stops
/// applying once the client moves to another clinician. A row names who may read, never what is in the record.
/// </summary>
public sealed class CoverGrant
{
    /// <summary>Long absences are a transfer, not cover.</summary>
    public const int MaxDays = 92;

    public Guid Id { get; private set; }
    public Guid ClientId { get; private set; }
    /// <summary>The client's clinician when the cover was given: the cover applies only while they still are.</summary>
    public Guid GrantorClinicianId { get; private set; }
    public Guid CoveringClinicianId { get; private set; }
    public DateOnly StartsOn { get; private set; }
    public DateOnly EndsOn { get; private set; }
    public DateTimeOffset StartsAt { get; private set; }
    public DateTimeOffset EndsAt { get; private set; }
    /// <summary>The grantor themself, or an administrator.</summary>
    public Guid GrantedById { get; private set; }
    public DateTimeOffset GrantedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }
    public Guid? RevokedById { get; private set; }

    private CoverGrant() { }

    /// <summary>
    /// Gives cover of one client. Refused with a message for the page: a grantor other than oneself (unless an
    /// administrator), oneself or an inactive clinician as cover, a client outside the grantor's caseload, dates out of
    /// order or past, too long a cover, or one overlapping a cover the same clinician already has of the client.
    /// </summary>
    /// <param name="clientsClinicianId">The client's primary clinician now.</param>
    /// <param name="existing">The client's covers by the same covering clinician (any state).</param>
    public static CoverGrant Give(Guid clientId, Guid clientsClinicianId, Guid grantorClinicianId, CoverTerms terms, bool coveringIsActiveClinician,
        IEnumerable<CoverGrant> existing, CoverActor by, DateOnly today, TimeZoneInfo zone, DateTimeOffset now)
    {
        CheckMayManage(by, grantorClinicianId);
        CheckTerms(grantorClinicianId, terms, coveringIsActiveClinician, today);
        if (clientsClinicianId != grantorClinicianId)
            throw new DomainRuleException("Choose clients from the caseload of the clinician who gives the cover.");
        if (existing.Any(g => g.ClientId == clientId && g.CoveringClinicianId == terms.CoveringClinicianId && g.Overlaps(terms, now)))
            throw new DomainRuleException("That clinician already covers one of these clients for some of those days: revoke that cover first, or choose other dates.");

        return new CoverGrant
        {
            Id = Guid.NewGuid(), ClientId = clientId, GrantorClinicianId = grantorClinicianId, CoveringClinicianId = terms.CoveringClinicianId,
            StartsOn = terms.StartsOn, EndsOn = terms.EndsOn,
            StartsAt = ClinicTime.ToUtcOrRefuse(terms.StartsOn, TimeOnly.MinValue, zone),
            EndsAt = ClinicTime.ToUtcOrRefuse(terms.EndsOn.AddDays(1), TimeOnly.MinValue, zone),
            GrantedById = by.UserId, GrantedAt = now,
        };
    }

    /// <summary>The checks that do not depend on the client: who covers, and when.</summary>
    public static void CheckTerms(Guid grantorClinicianId, CoverTerms terms, bool coveringIsActiveClinician, DateOnly today)
    {
        if (terms.CoveringClinicianId == Guid.Empty) throw new DomainRuleException("Choose the clinician who covers.");
        if (terms.CoveringClinicianId == grantorClinicianId)
            throw new DomainRuleException("Choose another clinician to cover: a clinician cannot cover their own clients.");
        if (!coveringIsActiveClinician) throw new DomainRuleException("Choose an active clinician to cover.");
        if (terms.EndsOn < terms.StartsOn) throw new DomainRuleException("The last day of the cover must be on or after its first day.");
        if (terms.EndsOn < today) throw new DomainRuleException("The last day of the cover has already passed.");
        if (terms.EndsOn.DayNumber - terms.StartsOn.DayNumber + 1 > MaxDays)
            throw new DomainRuleException($"Cover lasts at most {MaxDays} days; for a longer absence, transfer the client.");
    }

    /// <summary>Only the client's clinician, or an administrator, gives or revokes cover of their clients.</summary>
    public static void CheckMayManage(CoverActor by, Guid grantorClinicianId)
    {
        if (!by.IsAdministrator && by.UserId != grantorClinicianId)
            throw new DomainRuleException("Only the client's clinician or an administrator can give or revoke cover.");
    }

    /// <summary>Ends the cover now. Refused when it has already ended or been revoked.</summary>
    public void Revoke(CoverActor by, DateTimeOffset now)
    {
        CheckMayManage(by, GrantorClinicianId);
        if (StateAt(now) is CoverState.Ended or CoverState.Revoked) throw new DomainRuleException("This cover has already ended.");
        RevokedAt = now;
        RevokedById = by.UserId;
    }

    /// <summary>
    /// Where the cover stands. Active is exactly what the data filters let through (ClinicDbContext's client filter):
    /// not revoked, and <see cref="StartsAt"/> &lt;= now &lt; <see cref="EndsAt"/>.
    /// </summary>
    public CoverState StateAt(DateTimeOffset now) =>
        RevokedAt is not null ? CoverState.Revoked
        : now < StartsAt ? CoverState.Upcoming
        : now >= EndsAt ? CoverState.Ended
        : CoverState.Active;

    /// <summary>When the covering clinician's reach ended or ends: the revocation, else the end of the last day.</summary>
    public DateTimeOffset ReachEndsAt => RevokedAt is { } revoked && revoked < EndsAt ? revoked : EndsAt;

    private bool Overlaps(CoverTerms terms, DateTimeOffset now) =>
        StateAt(now) is CoverState.Upcoming or CoverState.Active && StartsOn <= terms.EndsOn && terms.StartsOn <= EndsOn;
}

/// <summary>Who covers, from which day to which day (both included, clinic time).</summary>
public sealed record CoverTerms(Guid CoveringClinicianId, DateOnly StartsOn, DateOnly EndsOn);

/// <summary>Who gives or revokes a cover.</summary>
public sealed record CoverActor(Guid UserId, bool IsAdministrator);
