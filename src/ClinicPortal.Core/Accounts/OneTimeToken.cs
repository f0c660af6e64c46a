using System.Security.Cryptography;
using System.Text;

namespace ClinicPortal.Core.Accounts;

public static class TokenPurposes
{
    public const string AdminSetup = "admin-setup";
    public const string ClientInvitation = "client-invitation";
    public const string StaffInvitation = "staff-invitation";
    /// <summary>A forgotten password's link: 30 minutes, single use, the subject is the user.</summary>
    public const string PasswordReset = "password-reset";
    /// <summary>A code a clinician gives a client in person instead of an emailed link; the subject is the client.</summary>
    public const string InPersonCode = "in-person-code";
}

/// <summary>
/// A single-use link (first-admin setup, client invitation). Only a hash of the secret is stored,
/// so a copy of the database cannot be used to redeem one.
/// </summary>
public sealed class OneTimeToken
{
    public Guid Id { get; private set; }
    public string Purpose { get; private set; } = "";
    public Guid? SubjectId { get; private set; }
    public string TokenHash { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? UsedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }
    public Guid? CreatedById { get; private set; }
    /// <summary>Wrong answers typed with this token (an in-person code, a date of birth); <see cref="MaxFailedAttempts"/> voids it.</summary>
    public int FailedAttempts { get; private set; }

    public const int MaxFailedAttempts = 5;

    private OneTimeToken() { }

    /// <summary>Creates the token; the returned secret goes into the link and is never stored.</summary>
    public static (OneTimeToken Token, string Secret) Issue(string purpose, Guid? subjectId, Guid? createdById, TimeSpan lifetime, DateTimeOffset now) =>
        IssueFor(Base64Url(RandomNumberGenerator.GetBytes(32)), purpose, subjectId, createdById, lifetime, now);

    /// <summary>An in-person code: the secret is the normalized code (see <see cref="Accounts.InPersonCode"/>).</summary>
    public static (OneTimeToken Token, string Code) IssueCode(Guid subjectId, Guid createdById, TimeSpan lifetime, DateTimeOffset now)
    {
        var code = Accounts.InPersonCode.New();
        return (IssueFor(Accounts.InPersonCode.Normalize(code)!, TokenPurposes.InPersonCode, subjectId, createdById, lifetime, now).Token, code);
    }

    private static (OneTimeToken Token, string Secret) IssueFor(string secret, string purpose, Guid? subjectId, Guid? createdById, TimeSpan lifetime, DateTimeOffset now)
    {
        var token = new OneTimeToken
        {
            Id = Guid.NewGuid(), Purpose = purpose, SubjectId = subjectId, CreatedById = createdById,
            TokenHash = Hash(secret), CreatedAt = now, ExpiresAt = now + lifetime,
        };
        return (token, secret);
    }

    public bool IsUsable(DateTimeOffset now) => UsedAt is null && RevokedAt is null && now < ExpiresAt;

    public void MarkUsed(DateTimeOffset now) => UsedAt = now;

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;

    /// <summary>Counts a wrong answer; the token is void after <see cref="MaxFailedAttempts"/>. True when it is now void.</summary>
    public bool RecordFailure(DateTimeOffset now)
    {
        FailedAttempts++;
        if (FailedAttempts >= MaxFailedAttempts) Revoke(now);
        return RevokedAt is not null;
    }

    public static string Hash(string secret) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret ?? "")));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
