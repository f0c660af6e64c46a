using ClinicPortal.Core.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ClinicPortal.Web.Mvc;

/// <summary>
/// Which failures of a change are refusals to explain on the page rather than errors: a broken domain rule
/// (its own message), or a save that lost a race with another window (one message for every record).
/// </summary>
public static class Refusals
{
    public const string ChangedElsewhere =
        "This was saved in another window since you opened it. Check the latest version before you try again.";

    /// <summary>The message for the page, or null when the failure is not a refusal (a bug, the database down...).</summary>
    public static string? MessageFor(Exception e) => e switch
    {
        DomainRuleException rule => rule.Message,
        _ when IsStale(e) => ChangedElsewhere,
        _ => null,
    };

    /// <summary>Whether the change lost a race with another window: the page then shows the newer version.</summary>
    public static bool IsStale(Exception e) => e is DbUpdateConcurrencyException
        // Two windows creating the same one-per-client row (a safety plan, a check-in prompt) at once.
        or DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } };
}
