using ClinicPortal.Core.Clients;

namespace ClinicPortal.Core.Incidents;

/// <summary>
/// A picture or PDF kept with an incident entry as evidence. Never changed or removed once added (like an addendum, it
/// carries its own author and time, so one added after the entry's correction window is plainly later). The bytes are the
/// sanitised file sealed by Infrastructure (encrypted at rest); <see cref="ContentHash"/> is the hex SHA-256 of the
/// sanitised file, recomputed on every verification. Readable by whoever may read its entry (filtered through the entry).
/// </summary>
public sealed class IncidentAttachment : IClientVisibleRecord
{
    public Guid Id { get; private set; }
    public Guid IncidentId { get; private set; }
    public Guid ClientId { get; private set; }
    public AttachmentFormat Format { get; private set; }
    /// <summary>Size of the sanitised file (before encryption).</summary>
    public int ByteCount { get; private set; }
    public int Width { get; private set; }
    public int Height { get; private set; }
    /// <summary>Pages of a PDF; 0 for a picture.</summary>
    public int PageCount { get; private set; }
    public string ContentHash { get; private set; } = "";
    public IncidentAuthor AddedBy { get; private set; }
    public Guid AddedByUserId { get; private set; }
    public DateTimeOffset AddedAt { get; private set; }
    /// <summary>The encrypted file (see Infrastructure/Incidents/AttachmentVault); never selected by lists.</summary>
    public byte[] SealedContent { get; private set; } = [];

    private IncidentAttachment() { }

    /// <param name="seal">Encrypts the sanitised bytes for this row (its id and client are bound into the ciphertext).</param>
    public static IncidentAttachment Add(IncidentEntry entry, byte[] sanitised, AttachmentFormat format, int width, int height, int pageCount,
        IncidentAuthor by, Guid byUserId, DateTimeOffset now, Func<Guid, Guid, byte[], byte[]> seal)
    {
        if (byUserId == Guid.Empty) throw new ArgumentException("An attachment has an author.", nameof(byUserId));
        var attachment = new IncidentAttachment
        {
            Id = Guid.NewGuid(), IncidentId = entry.Id, ClientId = entry.ClientId, Format = format, ByteCount = sanitised.Length,
            Width = width, Height = height, PageCount = pageCount, ContentHash = AttachmentRules.Hash(sanitised), AddedBy = by,
            AddedByUserId = byUserId, AddedAt = IncidentRules.Stored(now),
        };
        attachment.SealedContent = seal(attachment.Id, attachment.ClientId, sanitised);
        return attachment;
    }

    /// <summary>Whether the opened (decrypted) bytes are still the file that was added.</summary>
    public bool Verifies(ReadOnlySpan<byte> opened) => string.Equals(ContentHash, AttachmentRules.Hash(opened), StringComparison.Ordinal);
}
