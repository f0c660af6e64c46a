using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Common;

namespace ClinicPortal.Core.Incidents;

/// <summary>
/// A later addition to an incident entry (the correction once the window has closed). Never changed once written; its own
/// hash covers its text, author and time. Readable by whoever may read its entry (the data filter goes through the entry).
/// </summary>
public sealed class IncidentAddendum : IClientVisibleRecord
{
    public Guid Id { get; private set; }
    public Guid IncidentId { get; private set; }
    public Guid ClientId { get; private set; }
    public string Text { get; private set; } = "";
    public IncidentAuthor WrittenBy { get; private set; }
    public Guid WrittenByUserId { get; private set; }
    public DateTimeOffset WrittenAt { get; private set; }
    public string ContentHash { get; private set; } = "";

    private IncidentAddendum() { }

    internal static IncidentAddendum Write(IncidentEntry entry, string? text, IncidentAuthor by, Guid byUserId, DateTimeOffset now)
    {
        if (byUserId == Guid.Empty) throw new ArgumentException("An addendum has an author.", nameof(byUserId));
        if (!Enum.IsDefined(by)) throw new ArgumentOutOfRangeException(nameof(by));
        var addendum = new IncidentAddendum
        {
            Id = Guid.NewGuid(), IncidentId = entry.Id, ClientId = entry.ClientId, Text = Guard.Required(text, "Addendum", IncidentRules.AddendumMax),
            WrittenBy = by, WrittenByUserId = byUserId, WrittenAt = IncidentRules.Stored(now),
        };
        addendum.ContentHash = IncidentHash.Of(addendum);
        return addendum;
    }

    public bool IsIntact => string.Equals(ContentHash, IncidentHash.Of(this), StringComparison.Ordinal);
}
