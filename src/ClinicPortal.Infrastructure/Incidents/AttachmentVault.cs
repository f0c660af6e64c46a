using System.Buffers.Binary;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace ClinicPortal.Infrastructure.Incidents;

/// <summary>
/// Encrypts attachments at rest. Each file gets its own random 256-bit key and 96-bit nonce (AES-256-GCM); the file key
/// is itself protected by ASP.NET Core Data Protection, whose key ring lives in the database encrypted with the key-ring
/// certificate kept apart from it (Infrastructure/Security). A copy of the database alone therefore reads no attachment.
/// The attachment's and client's ids are the associated data, so sealed bytes moved to another row do not open.
/// Layout: version (1 byte), wrapped-key length (2), wrapped key, nonce (12), tag (16), ciphertext.
/// </summary>
public sealed class AttachmentVault(IDataProtectionProvider protection)
{
    private const byte Version = 1;
    private const int KeySize = 32, NonceSize = 12, TagSize = 16;
    private readonly IDataProtector _keys = protection.CreateProtector("ClinicPortal.IncidentAttachments.FileKey.v1");

    public byte[] Seal(ReadOnlySpan<byte> plain, Guid attachmentId, Guid clientId)
    {
        var key = RandomNumberGenerator.GetBytes(KeySize);
        try
        {
            var wrapped = _keys.Protect(key);
            var sealedBytes = new byte[1 + 2 + wrapped.Length + NonceSize + TagSize + plain.Length];
            var span = sealedBytes.AsSpan();
            span[0] = Version;
            BinaryPrimitives.WriteUInt16BigEndian(span[1..], checked((ushort)wrapped.Length));
            wrapped.CopyTo(span[3..]);
            var at = 3 + wrapped.Length;
            var nonce = span.Slice(at, NonceSize);
            RandomNumberGenerator.Fill(nonce);
            using var aes = new AesGcm(key, TagSize);
            aes.Encrypt(nonce, plain, span[(at + NonceSize + TagSize)..], span.Slice(at + NonceSize, TagSize), Associated(attachmentId, clientId));
            return sealedBytes;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>The plain bytes; throws <see cref="CryptographicException"/> when they were altered or belong to another row.</summary>
    public byte[] Open(ReadOnlySpan<byte> sealedBytes, Guid attachmentId, Guid clientId)
    {
        if (sealedBytes.Length < 3 || sealedBytes[0] != Version) throw new CryptographicException("Unknown attachment format.");
        var wrappedLength = BinaryPrimitives.ReadUInt16BigEndian(sealedBytes[1..]);
        var at = 3 + wrappedLength;
        var key = _keys.Unprotect(sealedBytes.Slice(3, wrappedLength).ToArray());
        try
        {
            var plain = new byte[sealedBytes.Length - at - NonceSize - TagSize];
            using var aes = new AesGcm(key, TagSize);
            aes.Decrypt(sealedBytes.Slice(at, NonceSize), sealedBytes[(at + NonceSize + TagSize)..], sealedBytes.Slice(at + NonceSize, TagSize), plain,
                Associated(attachmentId, clientId));
            return plain;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    private static byte[] Associated(Guid attachmentId, Guid clientId) => [.. attachmentId.ToByteArray(), .. clientId.ToByteArray()];
}
