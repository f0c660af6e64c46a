using System.Security.Cryptography;

namespace ClinicPortal.Core.Accounts;

/// <summary>
/// A short code a clinician reads out or writes down in session, for a client whose inbox is not safe: ten characters
/// from an alphabet without look-alikes (about 49 bits), typed with or without the dash, in any case.
/// </summary>
public static class InPersonCode
{
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    public const int Length = 10;

    public static string New()
    {
        var chars = Enumerable.Range(0, Length).Select(_ => Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)]).ToArray();
        return $"{new string(chars, 0, 5)}-{new string(chars, 5, 5)}";
    }

    /// <summary>The code as it is hashed and compared: dashes and spaces dropped, upper case; null when it cannot be a code.</summary>
    public static string? Normalize(string? typed)
    {
        var cleaned = new string((typed ?? "").Where(ch => ch is not ('-' or ' ')).ToArray()).ToUpperInvariant();
        return cleaned.Length == Length && cleaned.All(Alphabet.Contains) ? cleaned : null;
    }
}
