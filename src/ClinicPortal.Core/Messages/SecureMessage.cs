using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Common;

namespace ClinicPortal.Core.Messages;

/// <summary>
/// One message in a client's secure thread with their clinician. Text only, and never changed once sent (the
/// database refuses an update of its text, sender or time); only <see cref="ReadAt"/>, the moment the other side
/// first opened the thread after it arrived, is set later. Client-visible: the data filters give the thread to the
/// client and to the clinicians who may read the client's record, so whoever covers the client reads it too.
/// </summary>
public sealed class SecureMessage : IClientVisibleRecord
{
    public const int BodyMax = 4000;

    public Guid Id { get; private set; }
    public Guid ClientId { get; private set; }
    /// <summary>The sign-in that wrote it: the client's own, or a clinician's.</summary>
    public Guid SenderId { get; private set; }
    public bool FromClient { get; private set; }
    public string Body { get; private set; } = "";
    public DateTimeOffset SentAt { get; private set; }
    /// <summary>When the other side first saw it: the client for a clinician's message, any clinician for the client's.</summary>
    public DateTimeOffset? ReadAt { get; private set; }

    private SecureMessage() { }

    /// <summary>A message from the client. A discharged client cannot send; the thread stays in the record.</summary>
    public static SecureMessage FromTheClient(Guid clientId, bool discharged, Guid userId, string? body, DateTimeOffset now)
    {
        if (discharged) throw new DomainRuleException(ClientDischargedMessage);
        return New(clientId, userId, fromClient: true, body, now);
    }

    /// <summary>A message from a clinician who can read the client's record. Refused on a discharged record.</summary>
    public static SecureMessage FromClinician(Client client, Guid clinicianId, string? body, DateTimeOffset now)
    {
        client.EnsureEditable();
        return New(client.Id, clinicianId, fromClient: false, body, now);
    }

    public const string ClientDischargedMessage =
        "Your time with the clinic has ended, so new messages cannot be sent. Your earlier messages stay here to read.";

    private static SecureMessage New(Guid clientId, Guid senderId, bool fromClient, string? body, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(), ClientId = clientId, SenderId = senderId, FromClient = fromClient,
        Body = Guard.Required(body, "Message", BodyMax), SentAt = now,
    };
}
