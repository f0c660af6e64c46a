using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Safety;
using ClinicPortal.Core.SupportNetwork;
using ClinicPortal.Infrastructure.Database;

namespace ClinicPortal.Web.Demo;

/// <summary>
/// Safety concerns of several types and severities for each demo client, with actions, history and alerts:
/// Jordan has the one open imminent alert; Jordan and Sky have a shared safety plan.
/// </summary>
public static class DemoSafety
{
    private sealed record Scenario(ConcernType Type, ConcernSeverity Severity, ConcernStatus Status, int NoticedDaysAgo, int? LastDaysAgo,
        string? Involved, string Description, int? ReviewInDays, string? Resolution = null,
        (ConcernActionKind Kind, int DaysAgo, string? Note)[]? Actions = null, bool AlertAcknowledged = true);

    public static void AddFor(ClinicDbContext db, Client client, DateOnly today, DateTimeOffset now)
    {
        var index = DemoClients.All.ToList().FindIndex(p => p.FullName == client.FullName);
        if (index < 0) return;
        var clinician = client.PrimaryClinicianId;
        var daysInCare = today.DayNumber - client.IntakeDate.DayNumber;

        foreach (var s in Scenarios[index])
        {
            int Days(int ago) => Math.Min(ago, daysInCare);
            var recordedAt = now.AddDays(-Days(s.NoticedDaysAgo));
            var concern = SafetyConcern.Record(client.Id, new SafetyConcernDetails(s.Type, null, s.Severity,
                s.Status == ConcernStatus.Resolved ? ConcernStatus.Open : s.Status, today.AddDays(-Days(s.NoticedDaysAgo)),
                s.LastDaysAgo is { } last ? today.AddDays(-Days(last)) : null, s.Involved, s.Description,
                s.Status == ConcernStatus.Resolved ? null : today.AddDays(s.ReviewInDays ?? 14), null), clinician, today, recordedAt);
            foreach (var (kind, daysAgo, note) in s.Actions ?? [])
                concern.AddAction(kind, today.AddDays(-Days(daysAgo)), note, clinician, today, now.AddDays(-Days(daysAgo)));
            if (s.Status == ConcernStatus.Resolved)
                concern.Update(new SafetyConcernDetails(s.Type, null, s.Severity, ConcernStatus.Resolved, concern.FirstNoticed, concern.LastOccurrence,
                    s.Involved, s.Description, null, s.Resolution), clinician, today, now.AddDays(-Days(5)));
            db.Add(concern);

            if (AlertRules.ConcernNeedsAlert(null, null, s.Severity, s.Status))
            {
                var alert = ClinicianAlert.Raise(client.Id, AlertKind.ConcernRaised, s.Severity, recordedAt, concern.Id);
                if (s.AlertAcknowledged) alert.Acknowledge(clinician, recordedAt.AddHours(2), AlertResponse.SafetyPlanReviewed, null);
                else if (s.Severity == ConcernSeverity.Imminent) EscalatedLongAgo(alert, recordedAt);
                db.Add(alert);
            }
        }

        // The support network was added to this unit of work just before (DemoBoundaries): its risk contacts are never helpers.
        var risk = db.Set<SupportPerson>().Local.Where(p => p.ClientId == client.Id && p.Role == SupportRole.Risk).Select(p => p.Name).ToList();
        if (Plans.TryGetValue(index, out var steps))
        {
            var (plan, revision) = SafetyPlan.Create(client.Id, steps, risk, shared: true, clinician, now.AddDays(-Math.Min(7, daysInCare)));
            db.AddRange(plan, revision);
        }
    }

    /// <summary>
    /// An imminent alert left open for days was passed on long ago, as the escalation job would have done: the demo clinic
    /// starts settled, rather than escalating (and writing notices) in its first minutes, under a test's feet.
    /// </summary>
    private static void EscalatedLongAgo(ClinicianAlert alert, DateTimeOffset raisedAt)
    {
        var backupAt = raisedAt.AddMinutes(Escalation.DefaultBackupAfterMinutes);
        alert.Escalate(EscalationLevel.Backup, backupAt);
        alert.Escalate(EscalationLevel.Administrators, backupAt.AddMinutes(Escalation.DefaultAdministratorsAfterMinutes));
    }

    private static readonly Scenario[][] Scenarios =
    [
        // Jordan: ex-partner after the shared lease ended.
        [
            new(ConcernType.ShowingUpAtHomeOrWork, ConcernSeverity.Imminent, ConcernStatus.Open, 3, 1, "Ex-partner",
                "Ex-partner waited outside the client's building twice this week and knocked for several minutes on Sunday night. " +
                "Client did not open the door; a neighbour saw the same car parked across the street for hours.", 2,
                Actions: [(ConcernActionKind.PoliceReport, 1, "Non-emergency report made; the client keeps the reference number."),
                          (ConcernActionKind.HotlineReferral, 1, null)],
                AlertAcknowledged: false),
            new(ConcernType.RepeatedMessagesOrCalls, ConcernSeverity.Moderate, ConcernStatus.Resolved, 90, 60, "Ex-partner",
                "Twenty to thirty calls a day from the ex-partner's number in the week after the client moved out.", null,
                Resolution: "Calls stopped after the number was blocked and the carrier's unknown-caller filter was switched on. Nothing new for eight weeks.",
                Actions: [(ConcernActionKind.NumberBlocked, 85, null)]),
        ],
        // Casey: controlling mother, family pressure.
        [
            new(ConcernType.SmearCampaign, ConcernSeverity.Moderate, ConcernStatus.Monitoring, 40, 10, "Mother; two aunts",
                "Mother has told aunts and cousins that the client 'abandoned' her. Two relatives have messaged the client asking her to apologise.", 14),
            new(ConcernType.PullBackAttempts, ConcernSeverity.Low, ConcernStatus.Open, 12, 4, "Mother",
                "A card with sudden warmth and an invitation to a family dinner, followed two days later by a message about feeling unwell.", 7),
        ],
        // Avery: co-parenting through an app.
        [
            new(ConcernType.ChildrensSafety, ConcernSeverity.High, ConcernStatus.Open, 20, 6, "Ex-spouse",
                "The children say the ex-spouse questions them about the client's new address and daily routine after each handover.", 5,
                Actions: [(ConcernActionKind.Other, 6, "Raised with the parenting coordinator; handovers moved to the school.")]),
            new(ConcernType.MessagesThroughOthers, ConcernSeverity.Low, ConcernStatus.Resolved, 150, 120, "Children's sports coach",
                "Personal messages from the ex-spouse passed on through the children's sports coach.", null,
                Resolution: "The coach agreed to send all logistics through the parenting app only."),
        ],
        // Quinn: former manager's intimidation.
        [
            new(ConcernType.Retaliation, ConcernSeverity.Moderate, ConcernStatus.Open, 25, 9, "Former manager",
                "A recruiter mentioned a negative informal reference from the former manager.", 10),
            new(ConcernType.SevereDistress, ConcernSeverity.High, ConcernStatus.Monitoring, 15, 8, null,
                "Panic attacks after hearing that former colleagues discussed the client's departure; sleeping three to four hours a night.", 7,
                Actions: [(ConcernActionKind.SafetyPlanReviewed, 8, null)]),
        ],
        // Rowan: brother, financial exploitation.
        [
            new(ConcernType.FinancialControl, ConcernSeverity.High, ConcernStatus.Open, 30, 12, "Older brother",
                "Brother still has access to a joint savings account and made two withdrawals after contact ended.", 6,
                Actions: [(ConcernActionKind.Other, 10, "Bank appointment booked to close the joint account.")]),
            new(ConcernType.NewNumbersOrAccounts, ConcernSeverity.Low, ConcernStatus.Monitoring, 45, 20, "Older brother",
                "Friend requests from two new social media accounts that appear to belong to the brother.", 21,
                Actions: [(ConcernActionKind.NumberBlocked, 20, "Both accounts blocked.")]),
        ],
        // Sky: former friend group.
        [
            new(ConcernType.MonitoringSocialMedia, ConcernSeverity.Moderate, ConcernStatus.Open, 14, 3, "Former friend group",
                "Former friends view every story from new, anonymous accounts and comment on the client's whereabouts in a group chat.", 7,
                Actions: [(ConcernActionKind.Other, 3, "Accounts set to private; follower list reviewed together.")]),
            new(ConcernType.SuicidalThoughts, ConcernSeverity.High, ConcernStatus.Monitoring, 18, 11, null,
                "Passive thoughts ('everyone would be better off') during the first week of no contact. No plan or intent; protective factors reviewed.", 4,
                Actions: [(ConcernActionKind.HotlineReferral, 17, "988 explained; saved in the phone."),
                          (ConcernActionKind.SafetyPlanReviewed, 11, null)]),
        ],
    ];

    private static readonly Dictionary<int, IReadOnlyDictionary<SafetyPlanStep, string?>> Plans = new()
    {
        [0] = new Dictionary<SafetyPlanStep, string?>
        {
            [SafetyPlanStep.WarningSigns] = "Checking the window at night. Re-reading old messages. Feeling I 'owe' one last conversation.",
            [SafetyPlanStep.OnMyOwn] = "Box breathing for two minutes. A hot shower. Walk the block with music on.",
            [SafetyPlanStep.DistractingPeopleAndPlaces] = "The climbing gym on Elm Street. Coffee with Jess from work.",
            [SafetyPlanStep.PeopleToAskForHelp] = "My cousin Lee (any time). Priya (evenings). Jess from work (lunchtimes).",
            [SafetyPlanStep.ProfessionalsAndCrisisLines] = "Dr. Morgan Example, clinic hours Mon–Fri 9–5. After hours: 988. Danger now: 911.",
            [SafetyPlanStep.SaferEnvironment] = "Door chain on. Spare key back from the neighbour. Location sharing off. Phone charged by the bed.",
            [SafetyPlanStep.IfTheyMakeContact] = "Do not open the door or reply. Screenshot and save. Call 911 if they will not leave. Text Lee afterwards.",
            [SafetyPlanStep.ReasonsToKeepGoing] = "Sleeping through the night again. My plants. The trip with Lee in the spring.",
        },
        [5] = new Dictionary<SafetyPlanStep, string?>
        {
            [SafetyPlanStep.WarningSigns] = "Scrolling their profiles late at night. Thinking nobody would notice if I disappeared.",
            [SafetyPlanStep.OnMyOwn] = "Put the phone in the kitchen. Sketch. Cold water on my face.",
            [SafetyPlanStep.DistractingPeopleAndPlaces] = "The library study room. My sister's place on Sundays.",
            [SafetyPlanStep.PeopleToAskForHelp] = "My sister Ana. My new running group lead, Priya.",
            [SafetyPlanStep.ProfessionalsAndCrisisLines] = "Riley Sample, LCSW (Tuesdays). 988 by call or text, any time.",
            [SafetyPlanStep.SaferEnvironment] = "Accounts private. Old group chat left and muted. Medication kept by my sister this month.",
            [SafetyPlanStep.IfTheyMakeContact] = "No reply. Screenshot for my session. Tell Ana. Leave the place if they turn up.",
            [SafetyPlanStep.ReasonsToKeepGoing] = "My sister. Finishing my course. Drawing again.",
        },
    };
}
