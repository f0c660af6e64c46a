using System.Linq.Expressions;
using ClinicPortal.Core.Common;

namespace ClinicPortal.Core.Sessions;

/// <summary>
/// A clinician cannot be in two sessions at once: a scheduled session holds its clinician's time in
/// [StartsAt, EndsAt), so a booking or a move that overlaps another of their scheduled sessions is refused.
/// Ends touch without clashing (10:00-10:50 then 10:50-11:40); cancelled and held sessions free their time.
/// </summary>
public static class DoubleBooking
{
    public const string Message = "You already have a session at that time. Choose another time.";

    private static readonly QueryRule<TherapySession, TherapySession> Rule = new((s, booking) =>
        s.ClinicianId == booking.ClinicianId && s.Id != booking.Id && s.Status == SessionStatus.Scheduled
        && s.StartsAt < booking.EndsAt && booking.StartsAt < s.EndsAt);

    /// <summary>The clinician's other sessions that clash with <paramref name="booking"/>, as a query filter.</summary>
    public static Expression<Func<TherapySession, bool>> ClashesWith(TherapySession booking) => Rule.For(booking);

    public static bool Clash(TherapySession existing, TherapySession booking) => Rule.Holds(existing, booking);

    /// <summary>Refuses the booking when a clash was found.</summary>
    public static void Refuse(bool clashFound)
    {
        if (clashFound) throw new DomainRuleException(Message);
    }
}
