using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace ClinicPortal.Web.Security;

/// <summary>
/// Limits keyed by the account typed into a form, checked inside the action. Keyed by what was typed, not by whether
/// the account exists, so a refusal reads the same for known and unknown addresses. Sign-in: a tight limit per
/// account and address (someone guessing from one place) and a looser one per account (guessing from many places).
/// Neither locks the account: both end by themselves, and the password is never checked while refused.
/// </summary>
public sealed class AccountRateLimits : IDisposable
{
    public static readonly RateLimits.Limit SignInPerAccountAndAddress = new(10, TimeSpan.FromMinutes(15));
    public static readonly RateLimits.Limit SignInPerAccount = new(50, TimeSpan.FromHours(1));
    /// <summary>Reset emails to one account: enough for a lost message or two, not enough to flood an inbox.</summary>
    public static readonly RateLimits.Limit ResetMailsPerAccount = new(3, TimeSpan.FromHours(1));

    private readonly PartitionedRateLimiter<string> _signInHere, _signInAnywhere, _resetMails;

    public AccountRateLimits(IOptions<RateLimitOptions> options)
    {
        var scale = options.Value.Scale;
        _signInHere = Limiter(SignInPerAccountAndAddress, scale);
        _signInAnywhere = Limiter(SignInPerAccount, scale);
        _resetMails = Limiter(ResetMailsPerAccount, scale);
    }

    /// <summary>Takes one sign-in attempt for this account from this address; false when either limit is used up.</summary>
    public bool TrySignIn(string email, string address)
    {
        var account = Normalize(email);
        using var here = _signInHere.AttemptAcquire(account + "|" + address);
        if (!here.IsAcquired) return false;
        using var anywhere = _signInAnywhere.AttemptAcquire(account);
        return anywhere.IsAcquired;
    }

    public bool TryResetMail(string email)
    {
        using var lease = _resetMails.AttemptAcquire(Normalize(email));
        return lease.IsAcquired;
    }

    private static string Normalize(string email) => email.Trim().ToUpperInvariant();

    private static PartitionedRateLimiter<string> Limiter(RateLimits.Limit limit, int scale) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetSlidingWindowLimiter(key, _ => RateLimits.Options(limit, scale)));

    public void Dispose()
    {
        _signInHere.Dispose();
        _signInAnywhere.Dispose();
        _resetMails.Dispose();
    }
}
