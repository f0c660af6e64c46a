using ClinicPortal.Core.Clients;

namespace ClinicPortal.Core.CheckIns;

/// <summary>
/// Journal text a client kept to themself. Stored apart from the check-in, in its own table, and readable only
/// by that client (see <see cref="IClientPrivateRecord"/>): no clinician, administrator, audit row, export or
/// report reads it. The check-in has no link to it, so loading a check-in can never bring it along.
/// </summary>
public sealed class PrivateJournalEntry : IClientPrivateRecord
{
    public Guid Id { get; private set; }
    public Guid CheckInId { get; private set; }
    public Guid ClientId { get; private set; }
    public string Text { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    private PrivateJournalEntry() { }

    internal static PrivateJournalEntry Write(CheckIn checkIn, string text, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(), CheckInId = checkIn.Id, ClientId = checkIn.ClientId, Text = text, CreatedAt = now, UpdatedAt = now,
    };

    internal void Rewrite(string text, DateTimeOffset now) => (Text, UpdatedAt) = (text, now);
}
