using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Common;
using ClinicPortal.Core.Safety;

namespace ClinicPortal.Core.Incidents;

/// <summary>
/// An incident the clinician linked to a safety concern, so the concern shows the incidents behind it as a timeline. Both
/// belong to the same client (checked here, and by the database through the entry's (id, client) key); a private entry
/// never reaches the clinician and so can never be linked. Unlinking removes the row (audited).
/// </summary>
public sealed class ConcernIncidentLink : IClinicalRecord
{
    public const string NotThisClients = "That incident is not in this client's log.";

    public Guid Id { get; private set; }
    public Guid ClientId { get; private set; }
    public Guid ConcernId { get; private set; }
    public Guid IncidentId { get; private set; }
    public Guid LinkedById { get; private set; }
    public DateTimeOffset LinkedAt { get; private set; }

    private ConcernIncidentLink() { }

    /// <param name="incident">The entry the form named, read with the concern's client id; null when it is not one of theirs (or is private).</param>
    public static ConcernIncidentLink Between(SafetyConcern concern, IncidentEntry? incident, Guid byId, DateTimeOffset now)
    {
        if (incident is null || incident.ClientId != concern.ClientId || incident.IsPrivate) throw new DomainRuleException(NotThisClients);
        return new ConcernIncidentLink
        {
            Id = Guid.NewGuid(), ClientId = concern.ClientId, ConcernId = concern.Id, IncidentId = incident.Id, LinkedById = byId, LinkedAt = now,
        };
    }
}
