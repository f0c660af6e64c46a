namespace ClinicPortal.Core.BoundaryPlans;

public enum ContactDirection
{
    /// <summary>The boundary was first recorded at this level.</summary>
    Started,
    /// <summary>More contact than before (e.g. no contact → reconnecting).</summary>
    TowardContact,
    /// <summary>Less contact than before (e.g. reconnecting → back to no contact).</summary>
    AwayFromContact,
    /// <summary>A different arrangement with about as much contact (low ↔ structured).</summary>
    Sideways,
}

/// <summary>
/// A move between contact levels: an event on the client's timeline. Every move is allowed —
/// returning to no contact when safety breaks down is always an option — but its direction is named.
/// </summary>
public sealed record ContactLevelChange(ContactLevel? From, ContactLevel To)
{
    /// <summary>How much contact each level allows; low and structured contact are both "limited".</summary>
    public static int Openness(ContactLevel level) => level switch
    {
        ContactLevel.NoContact => 0,
        ContactLevel.LowContact or ContactLevel.StructuredContact => 1,
        ContactLevel.Reconnecting => 2,
        ContactLevel.ContactResumed => 3,
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    /// <summary>True when the level actually moved (or was first set); saving other fields is not an event.</summary>
    public bool IsEvent => From != To;

    public ContactDirection Direction => From is not { } from ? ContactDirection.Started
        : Openness(To) > Openness(from) ? ContactDirection.TowardContact
        : Openness(To) < Openness(from) ? ContactDirection.AwayFromContact
        : ContactDirection.Sideways;

    public string Describe() => From is not { } from
        ? $"Boundary recorded at {BoundaryLabels.Of(To).ToLowerInvariant()}"
        : Direction switch
        {
            ContactDirection.AwayFromContact when To == ContactLevel.NoContact => $"Returned to no contact (was {BoundaryLabels.Of(from).ToLowerInvariant()})",
            ContactDirection.AwayFromContact => $"Stepped back: {BoundaryLabels.Of(from).ToLowerInvariant()} → {BoundaryLabels.Of(To).ToLowerInvariant()}",
            ContactDirection.TowardContact => $"Toward contact: {BoundaryLabels.Of(from).ToLowerInvariant()} → {BoundaryLabels.Of(To).ToLowerInvariant()}",
            _ => $"Changed: {BoundaryLabels.Of(from).ToLowerInvariant()} → {BoundaryLabels.Of(To).ToLowerInvariant()}",
        };
}
