using System.Net.Mail;
using ClinicPortal.Core.Common;

namespace ClinicPortal.Core.Accounts;

/// <summary>A staff sign-in as the account rules see it.</summary>
public sealed record StaffMember(Guid Id, string Role, bool IsActive, bool HasAccepted)
{
    /// <summary>An administrator who can sign in now: active and past the invitation.</summary>
    public bool IsWorkingAdmin => Role == Roles.Admin && IsActive && HasAccepted;
}

/// <summary>A validated staff invitation: who, as what.</summary>
public sealed record StaffInvitationRequest(string Email, string DisplayName, string Role);

/// <summary>Rules for the clinic's own accounts: inviting clinicians and administrators, deactivating them.</summary>
public static class StaffRules
{
    public const int EmailMax = 254, DisplayNameMax = 120;
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromHours(72);
    public static readonly IReadOnlyList<string> StaffRoles = [Roles.Clinician, Roles.Admin];

    public const string LastAdminMessage =
        "This is the last active administrator. Invite (or reactivate) another administrator and let them sign in before deactivating this account.";
    public const string LastAdminSelfMessage =
        "You are the last active administrator, so you cannot deactivate yourself. Invite another administrator first.";
    public const string ExistingEmailMessage = "An account with this email address already exists.";

    public static StaffInvitationRequest ValidateInvitation(string? email, string? displayName, string? role)
    {
        var address = Guard.Required(email, "Email", EmailMax).ToLowerInvariant();
        if (!IsValidEmail(address)) throw new DomainRuleException("Email is not a valid address.");
        var name = Guard.Required(displayName, "Name", DisplayNameMax);
        if (role is null || !StaffRoles.Contains(role)) throw new DomainRuleException("Choose whether the person is a clinician or an administrator.");
        return new StaffInvitationRequest(address, name, role);
    }

    /// <summary>
    /// Refuses to deactivate the last administrator who can sign in (the clinic would lock itself out) and a
    /// clinician who still has clients in care (nobody could open those records).
    /// </summary>
    public static void EnsureCanDeactivate(StaffMember target, Guid actorId, IEnumerable<StaffMember> allStaff, int openClients)
    {
        if (!target.IsActive) throw new DomainRuleException("This account is already deactivated.");
        if (target.IsWorkingAdmin && !allStaff.Any(s => s.Id != target.Id && s.IsWorkingAdmin))
            throw new DomainRuleException(target.Id == actorId ? LastAdminSelfMessage : LastAdminMessage);
        if (target.Role == Roles.Clinician && openClients > 0)
            throw new DomainRuleException(
                $"This clinician still has {openClients} client{(openClients == 1 ? "" : "s")} who are not discharged. Reassign them on the Client assignments page first.");
    }

    public static void EnsureCanReactivate(StaffMember target)
    {
        if (target.IsActive) throw new DomainRuleException("This account is already active.");
    }

    private static bool IsValidEmail(string value) =>
        MailAddress.TryCreate(value, out var address)
        && address.Address == value
        && address.Host.Contains('.')
        && !address.Host.EndsWith('.');
}
