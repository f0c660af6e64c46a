using System.Security.Cryptography;

namespace ClinicPortal.Testing;

/// <summary>
/// Computes authenticator codes the way a phone app does (RFC 6238 TOTP over RFC 4226 HOTP: HMAC-SHA1,
/// 30-second steps, 6 digits), independently of ASP.NET Core Identity, so tests can prove the app accepts
/// what a real authenticator would show.
/// </summary>
public static class Totp
{
    public static string Code(string base32Key, DateTimeOffset at, int stepOffset = 0)
    {
        var counter = at.ToUnixTimeSeconds() / 30 + stepOffset;
        var message = new byte[8];
        for (var i = 7; i >= 0; i--, counter >>= 8) message[i] = (byte)(counter & 0xff);

        var hash = HMACSHA1.HashData(Base32Decode(base32Key), message);
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6");
    }

    public static string Now(string base32Key) => Code(base32Key, DateTimeOffset.UtcNow);

    /// <summary>A code that is certainly wrong now (not the current one nor its neighbours).</summary>
    public static string Wrong(string base32Key)
    {
        var near = Enumerable.Range(-3, 7).Select(s => Code(base32Key, DateTimeOffset.UtcNow, s)).ToHashSet();
        return Enumerable.Range(0, 20).Select(i => ((123456 + i * 111111) % 1_000_000).ToString("D6")).First(c => !near.Contains(c));
    }

    /// <summary>RFC 4648 base32 (A–Z, 2–7), ignoring spaces, case and padding, as the key is shown to people.</summary>
    public static byte[] Base32Decode(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var clean = text.Replace(" ", "").Replace("-", "").TrimEnd('=').ToUpperInvariant();
        var bytes = new List<byte>(clean.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            var value = alphabet.IndexOf(c);
            if (value < 0) throw new FormatException($"'{c}' is not a base32 character.");
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)((buffer >> bits) & 0xff));
            }
        }
        return bytes.ToArray();
    }
}
