using ClinicPortal.Core.Common;

namespace ClinicPortal.Core.Sessions;

/// <summary>
/// A note or a stage assessment written from a session names that session, which must be one of the same client's
/// sessions: an id from another client's record, or none at all, is refused with a message and nothing is saved.
/// </summary>
public static class SessionLink
{
    public const string Message = "That session does not belong to this client. Start again from the session on the Sessions page.";

    public static void Refuse(bool sessionFound)
    {
        if (!sessionFound) throw new DomainRuleException(Message);
    }
}
