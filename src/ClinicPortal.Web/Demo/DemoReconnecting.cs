using ClinicPortal.Core.BoundaryPlans;
using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Reconnecting;
using ClinicPortal.Infrastructure.Database;

namespace ClinicPortal.Web.Demo;

/// <summary>
/// The way back into contact in the demo: Casey works towards reconnecting with her mother (conditions partly met, a trial
/// plan in force, two readiness reflections, one reviewed); Rowan's move to reconnecting with his brother had its plan first.
/// Nothing here is due or open, so the demo stays settled.
/// </summary>
public static class DemoReconnecting
{
    /// <summary>A demo trial plan: for which boundary (index), written how many days ago, with whom on standby (a supportive contact).</summary>
    public sealed record DemoTrial(int Boundary, int DaysAgo, string Standby, TrialPlanDetails Details);

    public static DemoTrial? TrialFor(string fullName) => fullName switch
    {
        "Casey Placeholder" => new(0, 12, "Theo", new TrialPlanDetails(TrialChannel.PhoneCall, "One call a fortnight, twenty minutes at most",
            "A café near Casey's work, on a weekday afternoon", 60,
            ["She brings up the family's version of events after being asked not to.", "Casey feels dread for more than two days after a call.",
             "She tells the aunts about the meetings."])),
        "Rowan Mockingbird" => new(0, 8, "Mara", new TrialPlanDetails(TrialChannel.Email, "Once a fortnight",
            "The public library's café, on a Saturday morning", 45,
            ["He asks for money, or for the repayment plan to be dropped.", "He uses our parents to pass messages again."])),
        _ => null,
    };

    public static void AddReflections(ClinicDbContext db, Client client, IReadOnlyList<Boundary> boundaries, DateTimeOffset now)
    {
        if (client.FullName != "Casey Placeholder") return;
        var mother = boundaries[0];
        var first = ReadinessReflection.Create(mother, client.Id,
        [
            new(ReadinessQuestion.Resentment, "Not yet. I still replay the last birthday dinner."),
            new(ReadinessQuestion.WontAccept, "Being told I am too sensitive."),
        ], now.AddDays(-20));
        first.MarkReviewed(client.PrimaryClinicianId, now.AddDays(-18));
        db.Add(first);
        db.Add(ReadinessReflection.Create(mother, client.Id,
        [
            new(ReadinessQuestion.Resentment, "Mostly. The anger comes and goes, but it doesn't run the day any more."),
            new(ReadinessQuestion.Expectations, "I'm trying not to expect an apology."),
            new(ReadinessQuestion.WillAccept, "Short calls about ordinary things."),
            new(ReadinessQuestion.WontAccept, "Comments about my partner, or being asked to fix things with the aunts."),
            new(ReadinessQuestion.IfItGoesBadly, "Hang up, text Theo, go for a walk."),
        ], now.AddDays(-3)));
    }
}
