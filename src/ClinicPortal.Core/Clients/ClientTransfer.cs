using ClinicPortal.Core.Common;

namespace ClinicPortal.Core.Clients;

/// <summary>
/// A change of primary clinician, with the administrator's reason. The reason may say why care moved,
/// so it is read like clinical content: only the client's current clinician sees the history.
/// </summary>
public sealed class ClientTransfer : IClinicalRecord
{
    public const int ReasonMax = 500;

    public Guid Id { get; private set; }
    public Guid ClientId { get; private set; }
    public Guid FromClinicianId { get; private set; }
    public Guid ToClinicianId { get; private set; }
    public string Reason { get; private set; } = "";
    public Guid TransferredById { get; private set; }
    public DateTimeOffset TransferredAt { get; private set; }

    private ClientTransfer() { }

    /// <summary>Moves the client to <paramref name="toClinicianId"/> and returns the history row to save with it.</summary>
    public static ClientTransfer Move(Client client, Guid toClinicianId, string? reason, Guid byUserId, DateTimeOffset now)
    {
        if (toClinicianId == Guid.Empty) throw new DomainRuleException("Choose a clinician.");
        if (toClinicianId == client.PrimaryClinicianId)
            throw new DomainRuleException("The client is already assigned to this clinician. Choose another clinician to transfer to.");
        var why = Guard.Required(reason, "Reason for the transfer", ReasonMax);

        var transfer = new ClientTransfer
        {
            Id = Guid.NewGuid(), ClientId = client.Id, FromClinicianId = client.PrimaryClinicianId, ToClinicianId = toClinicianId,
            Reason = why, TransferredById = byUserId, TransferredAt = now,
        };
        client.AssignTo(toClinicianId, now);
        return transfer;
    }
}
