using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Common;

namespace ClinicPortal.Core.CheckIns;

/// <summary>
/// Journal text a client kept to themself. Stored apart from the check-in, in its own table, and readable only
/// by that client (see <see cref="IClientPrivateRecord"/>): no clinician, administrator, audit row, export or
/// report reads it. The check-in has no link to it, so loading a check-in can never bring it along.
/// An entry written on its own (<see cref="Alone"/>), without mood and urge, has no check-in.
/// </summary>
public sealed class PrivateJournalEntry : IClientPrivateRecord
{
    public Guid Id { get; private set; }
    /// <summary>The check-in it was written with; null for an entry written on its own.</summary>
    public Guid? CheckInId { get; private set; }
    public Guid ClientId { get; private set; }
    public string Text { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    private PrivateJournalEntry() { }

    internal static PrivateJournalEntry Write(CheckIn checkIn, string text, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(), CheckInId = checkIn.Id, ClientId = checkIn.ClientId, Text = text, CreatedAt = now, UpdatedAt = now,
    };

    public const string EmptyMessage = "Write something to save a journal entry.";

    /// <summary>A journal entry on its own, without a check-in's mood and urge; an empty one is refused.</summary>
    public static PrivateJournalEntry Alone(Guid clientId, string? text, DateTimeOffset now)
    {
        if (clientId == Guid.Empty) throw new ArgumentException("A journal entry belongs to a client.", nameof(clientId));
        if (string.IsNullOrWhiteSpace(text)) throw new DomainRuleException(EmptyMessage);
        return new() { Id = Guid.NewGuid(), ClientId = clientId, Text = Guard.Required(text, "Journal", CheckIn.JournalMax), CreatedAt = now, UpdatedAt = now };
    }

    internal void Rewrite(string text, DateTimeOffset now) => (Text, UpdatedAt) = (text, now);
}
