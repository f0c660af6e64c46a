using System.Linq.Expressions;

namespace ClinicPortal.Core.Messages;

/// <summary>
/// Which messages of a thread are unread, for each side: the clinician's unread are the client's messages nobody on
/// the care team has opened yet; the client's are the clinicians' messages the client has not opened. One definition,
/// used by the pages (mark read, count) and mirrored by the database's summary (0040_secure_messages.sql).
/// </summary>
public static class MessageThread
{
    public static Expression<Func<SecureMessage, bool>> UnreadByClinician(Guid clientId) =>
        m => m.ClientId == clientId && m.FromClient && m.ReadAt == null;

    public static Expression<Func<SecureMessage, bool>> UnreadByClient(Guid clientId) =>
        m => m.ClientId == clientId && !m.FromClient && m.ReadAt == null;

    /// <summary>The standing notice beside every thread: what the thread is not for, and when to expect a reply.</summary>
    public static string ReplyTime(int days) => days switch
    {
        <= 0 => "Messages are usually answered the same working day.",
        1 => "Messages are usually answered within 1 working day.",
        _ => $"Messages are usually answered within {days} working days.",
    };

    public const string NotForEmergencies =
        "This is not for emergencies. If you are in danger or thinking of harming yourself, call one of the numbers below now.";
}
