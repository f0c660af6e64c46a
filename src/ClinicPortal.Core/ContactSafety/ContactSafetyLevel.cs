using System.Linq.Expressions;

namespace ClinicPortal.Core.ContactSafety;

/// <summary>What the badge on the caseload and the client header says about email to this client.</summary>
public enum ContactSafetyLevel
{
    NotRecorded = 0,
    EmailAllowed = 1,
    EmailAtSafeTimes = 2,
    NoEmail = 3,
}

public static class ContactSafetyLevels
{
    /// <summary>The one definition, usable in a database query (the caseload) and in memory.</summary>
    public static readonly Expression<Func<ContactSafetyProfile, ContactSafetyLevel>> OfProfile = p =>
        p.MayBeMonitored || (p.SafeChannels & ContactChannels.Email) == 0 ? ContactSafetyLevel.NoEmail
        : p.SafeFrom != null ? ContactSafetyLevel.EmailAtSafeTimes
        : ContactSafetyLevel.EmailAllowed;

    private static readonly Func<ContactSafetyProfile, ContactSafetyLevel> Compiled = OfProfile.Compile();

    public static ContactSafetyLevel Of(ContactSafetyProfile? profile) => profile is null ? ContactSafetyLevel.NotRecorded : Compiled(profile);

    public static string Label(ContactSafetyLevel level) => level switch
    {
        ContactSafetyLevel.EmailAllowed => "Email OK",
        ContactSafetyLevel.EmailAtSafeTimes => "Email at safe times",
        ContactSafetyLevel.NoEmail => "No email",
        _ => "Contact safety not recorded",
    };
}
