namespace ClinicPortal.Core.Clients;

/// <summary>
/// An administrator does not read clinical content, but could invite an account they control (their own mailbox) as a
/// clinician and transfer a client to it. A transfer to an account invited (or re-invited) shortly before is therefore
/// told to every other administrator.
/// </summary>
public static class AdministratorReach
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(7);

    /// <summary>Whether a transfer at <paramref name="transferredAt"/> to an account last invited at <paramref name="lastInvitedAt"/> is told to the other administrators.</summary>
    public static bool NeedsNotice(DateTimeOffset? lastInvitedAt, DateTimeOffset transferredAt) =>
        lastInvitedAt is { } invited && invited <= transferredAt && transferredAt - invited <= Window;
}
