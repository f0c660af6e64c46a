using ClinicPortal.Core.BoundaryPlans;
using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Reconnecting;
using ClinicPortal.Core.SupportNetwork;
using ClinicPortal.Infrastructure.Database;

namespace ClinicPortal.Web.Demo;

/// <summary>
/// One or two boundaries per demo client, each saved in two or three revisions over past weeks
/// (so history and contact-level events show), and a support network with every role.
/// Casey's review date has passed, so the caseload flags it.
/// </summary>
public static class DemoBoundaries
{
    private sealed record Version(int DaysAgo, BoundaryDetails Details);
    private sealed record Person(string Name, string? Relationship, SupportType Type, SupportRole Role, bool Crisis, string? Phone, bool Shared,
        string? Notes = null, int? Boundary = null);

    public static void AddFor(ClinicDbContext db, Client client, DateOnly today, DateTimeOffset now)
    {
        var (boundaries, people) = PlanFor(client.FullName, today);
        var saved = new List<Boundary>();
        foreach (var versions in boundaries)
        {
            var (boundary, first) = Boundary.Create(client.Id, versions[0].Details, client.PrimaryClinicianId, now.AddDays(-versions[0].DaysAgo));
            db.Add(boundary);
            db.Add(first);
            saved.Add(boundary);
        }
        var network = new List<SupportPerson>();
        foreach (var p in people)
        {
            var details = new SupportPersonDetails(p.Name, p.Relationship, p.Type, p.Role, p.Crisis, p.Phone, null, p.Notes,
                p.Boundary is { } index ? saved[index].Id : null, p.Shared);
            var person = SupportPerson.Create(client.Id, details, now.AddDays(-5));
            db.Add(person);
            network.Add(person);
        }
        // Later versions after the network exists: a trial-contact plan (standby from the network) comes before "Reconnecting".
        var trial = DemoReconnecting.TrialFor(client.FullName);
        for (var i = 0; i < boundaries.Count; i++)
        {
            TrialContactPlan? plan = null;
            if (trial is { } t && t.Boundary == i)
            {
                plan = TrialContactPlan.Create(saved[i], t.Details, network.Single(n => n.Name == t.Standby), client.PrimaryClinicianId,
                    now.AddDays(-t.DaysAgo));
                db.Add(plan);
            }
            foreach (var later in boundaries[i].Skip(1))
                if (saved[i].Revise(later.Details, client.PrimaryClinicianId, now.AddDays(-later.DaysAgo), plan) is { } revision)
                    db.Add(revision);
        }
        DemoReconnecting.AddReflections(db, client, saved, now);
    }

    private static PlanItem S(string text) => new(text, true);
    private static PlanItem P(string text) => new(text, false);
    private static ConditionItem SC(string text) => new(text, true);
    private static ConditionItem PC(string text) => new(text, false);
    private static ChannelEntry C(BoundaryChannel channel, ChannelStatus status) => new(channel, status);

    private static readonly Person Lifeline = new("988 Suicide & Crisis Lifeline", "call or text", SupportType.Helpline, SupportRole.Supportive, true, "988", true);

    private static (List<Version[]> Boundaries, List<Person> People) PlanFor(string fullName, DateOnly today)
    {
        DateOnly Day(int offset) => today.AddDays(offset);
        const BoundaryChannel Phone = BoundaryChannel.PhoneBlocked, Email = BoundaryChannel.EmailBlocked, Social = BoundaryChannel.SocialMediaBlocked,
            LookUp = BoundaryChannel.StopLookingUp, Routines = BoundaryChannel.RoutinesChanged, Mutual = BoundaryChannel.MutualContactsTold;
        const ChannelStatus Planned = ChannelStatus.Planned, Done = ChannelStatus.Done, NA = ChannelStatus.NotApplicable;
        const PreparationItem Therapist = PreparationItem.TherapistInPlace, Told = PreparationItem.SupportPeopleTold,
            Needs = PreparationItem.BasicNeedsCovered, SelfCare = PreparationItem.SelfCarePlanned, Blocking = PreparationItem.BlockingDone;

        switch (fullName)
        {
            case "Jordan Testperson":
            {
                var v1 = new BoundaryDetails("Sam (ex-partner)", RelationshipType.PartnerOrEx, ContactLevel.LowContact, false, HowTold.Email,
                    [C(Phone, Planned), C(Email, Planned), C(Social, Planned), C(LookUp, Planned)],
                    [S("I felt afraid of their reactions whenever I said no."), S("They read my messages and tracked where I was."),
                     P("The last argument ended with a broken door.")],
                    [SC("A long stretch with no attempts to reach me through friends.")],
                    "Lease handover through the letting agent only.", Day(-100), "Until the lease ends", Day(-40), [Therapist]);
                var v2 = v1 with
                {
                    ContactLevel = ContactLevel.NoContact, PlannedLength = "Open-ended", ReviewDate = Day(30),
                    Exceptions = "None now that the lease has ended.",
                    Channels = [C(Phone, Done), C(Email, Done), C(Social, Done), C(LookUp, Planned), C(Routines, Done), C(Mutual, Planned)],
                    Reasons = [.. v1.Reasons, S("I sleep through the night when I don't hear from them.")],
                    Conditions = [.. v1.Conditions, PC("They acknowledge the harm without blaming me for it.")],
                    Preparation = [Therapist, Told, Needs, Blocking],
                };
                return ([[new(100, v1), new(30, v2)]],
                [
                    new("Priya", "best friend", SupportType.Friend, SupportRole.Supportive, true, "+1 555 0141", true),
                    Lifeline,
                    new("Alex", "friend of both", SupportType.Friend, SupportRole.MutualNeutral, false, null, false, "Kind, but still sees Sam weekly."),
                    new("Dana", "Sam's best friend", SupportType.Friend, SupportRole.Risk, false, null, false, "Has passed on messages from Sam twice.", 0),
                    new("Thursday running club", null, SupportType.SupportGroup, SupportRole.Unknown, false, null, false),
                ]);
            }
            case "Casey Placeholder":
            {
                var mother = new BoundaryDetails("Mother", RelationshipType.Parent, ContactLevel.LowContact, true, HowTold.Letter,
                    [C(Phone, NA), C(Social, Done), C(LookUp, NA), C(Mutual, Planned)],
                    [S("Every call ends with me apologising for things I didn't do."), S("I want to decide how often we talk."),
                     P("She shares what I tell her with the whole family.")],
                    [SC("She keeps to one call a fortnight without adding more.") with
                        { Status = ConditionStatus.Partly, StatusDate = Day(-70), Evidence = "Two fortnights in a row with a single call each." },
                     PC("She stops discussing me with my aunts.")],
                    "Family emergencies reach me through my brother.", Day(-70), "Three months, then review", Day(-5), [Therapist, SelfCare]);
                var mother2 = mother with
                {
                    Reasons = [mother.Reasons[0], S(mother.Reasons[2].Text), mother.Reasons[1]],
                    Conditions = [.. mother.Conditions, SC("She accepts 'no' without calling again the same day.")],
                    Preparation = [Therapist, Told, SelfCare],
                };
                var aunt = new BoundaryDetails("Aunt Ruth", RelationshipType.OtherFamily, ContactLevel.NoContact, true, HowTold.NotTold,
                    [C(Phone, Done), C(Social, Done), C(Mutual, Planned)],
                    [P("She relays everything I say to my mother.")], [],
                    null, Day(-30), "Open-ended", Day(60), [Therapist, Blocking]);
                return ([[new(70, mother), new(20, mother2)], [new(30, aunt)]],
                [
                    new("Theo", "partner", SupportType.Family, SupportRole.Supportive, true, "+1 555 0152", true),
                    new("Adult children of controlling parents", "weekly meeting", SupportType.SupportGroup, SupportRole.Supportive, false, null, true),
                    Lifeline,
                    new("Eli", "brother", SupportType.Family, SupportRole.MutualNeutral, false, "+1 555 0153", false, "Agreed to carry emergency news only."),
                    new("Aunt Ruth", "aunt", SupportType.Family, SupportRole.Risk, false, null, false, "Pressures Casey to 'make up' with her mother.", 1),
                    new("Jo", "neighbour", SupportType.Friend, SupportRole.Unknown, false, null, false),
                ]);
            }
            case "Avery Fictional":
            {
                var v1 = new BoundaryDetails("Ex-spouse (co-parent)", RelationshipType.PartnerOrEx, ContactLevel.LowContact, false, HowTold.InPerson,
                    [C(Phone, Planned), C(Email, NA), C(Social, Done), C(LookUp, Planned), C(Mutual, NA)],
                    [S("Our conversations about the children turn into arguments about the past."), S("The children do better when handovers are calm.")],
                    [PC("Messages stay about the children for three months in a row.")],
                    "Anything about the children.", Day(-190), "While the children are at school", Day(-100), [Therapist]);
                var v2 = v1 with
                {
                    ContactLevel = ContactLevel.StructuredContact,
                    Channels = [C(Phone, Done), C(Email, NA), C(Social, Done), C(LookUp, Done), C(Routines, Done), C(Mutual, NA)],
                    Exceptions = "Logistics about the children only, through the parenting app; handovers at the school gate.",
                    ReviewDate = Day(45),
                    Reasons = [.. v1.Reasons, S("I can answer app messages when I am ready, not at midnight.")],
                    Preparation = [Therapist, Told, Needs, SelfCare, Blocking],
                };
                return ([[new(190, v1), new(120, v2)]],
                [
                    new("Family mediator", "professional", SupportType.Professional, SupportRole.Supportive, false, "+1 555 0161", true),
                    new("Kai", "brother", SupportType.Family, SupportRole.Supportive, true, "+1 555 0162", true),
                    new("Co-parenting forum", null, SupportType.OnlineGroup, SupportRole.Supportive, false, null, false),
                    new("School office", null, SupportType.Professional, SupportRole.MutualNeutral, false, "+1 555 0163", false),
                    new("Former mother-in-law", null, SupportType.Family, SupportRole.Risk, false, null, false, "Asks the children about Avery's new address.", 0),
                    new("Old neighbour", null, SupportType.Friend, SupportRole.Unknown, false, null, false),
                ]);
            }
            case "Quinn Demonstration":
            {
                var manager = new BoundaryDetails("Former manager", RelationshipType.CoWorkerOrBoss, ContactLevel.NoContact, false, HowTold.NotTold,
                    [C(Phone, Planned), C(Email, Done), C(Social, Planned)],
                    [S("I dreaded every one-to-one for a year."), P("He shouted at me in front of the team.")],
                    [], null, Day(-35), "Open-ended", Day(25), [Therapist]);
                var manager2 = manager with
                {
                    Channels = [C(Phone, Done), C(Email, Done), C(Social, Done), C(LookUp, Planned), C(Routines, Done), C(Mutual, Planned)],
                    Reasons = [.. manager.Reasons, S("My new job is calm and I want to keep it that way.")],
                    Preparation = [Therapist, Told, Blocking],
                };
                var chat = new BoundaryDetails("Old team group chat", RelationshipType.Group, ContactLevel.LowContact, true, HowTold.NotTold,
                    [C(Social, Planned), C(Mutual, Planned)],
                    [S("News about him arrives there every week.")], [SC("The chat stops being about him.")],
                    "Direct messages with Bea are fine.", Day(-20), null, Day(40), []);
                return ([[new(35, manager), new(10, manager2)], [new(20, chat)]],
                [
                    new("Lou", "flatmate", SupportType.Friend, SupportRole.Supportive, true, "+1 555 0171", true),
                    new("Union representative", null, SupportType.Professional, SupportRole.Supportive, false, "+1 555 0172", true),
                    Lifeline,
                    new("Bea", "former colleague", SupportType.Friend, SupportRole.MutualNeutral, false, null, false, null, 1),
                    new("Dev", "former colleague", SupportType.Friend, SupportRole.Risk, false, null, false, "Forwards the manager's comments.", 0),
                    new("Career coach", null, SupportType.Professional, SupportRole.Unknown, false, null, false),
                ]);
            }
            case "Rowan Mockingbird":
            {
                var v1 = new BoundaryDetails("Older brother", RelationshipType.Sibling, ContactLevel.NoContact, true, HowTold.Letter,
                    [C(Phone, Done), C(Email, Done), C(Social, Done), C(Mutual, Planned)],
                    [S("He took money from my account twice and called it a loan."), S("I want a relationship where money is not the price.")],
                    [SC("He pays back what he took, on a plan he keeps."), SC("He talks about what happened without blaming me.")],
                    null, Day(-150), "Six months", Day(-30), [Therapist, Told, Needs, Blocking]);
                var v2 = v1 with
                {
                    Conditions = [.. v1.Conditions, PC("Our parents are no longer used as messengers.")],
                    ReviewDate = Day(-7),
                };
                var v3 = v2 with
                {
                    ContactLevel = ContactLevel.Reconnecting,
                    Exceptions = "Email only, once a fortnight; no talk about money except the repayment plan.",
                    Channels = [C(Phone, Done), C(Email, NA), C(Social, Done), C(Mutual, Done)],
                    PlannedLength = "Trial of three months", ReviewDate = Day(80),
                };
                return ([[new(150, v1), new(60, v2), new(7, v3)]],
                [
                    new("Mara", "partner", SupportType.Family, SupportRole.Supportive, true, "+1 555 0181", true),
                    new("Financial counsellor", null, SupportType.Professional, SupportRole.Supportive, false, "+1 555 0182", true),
                    new("Parents", null, SupportType.Family, SupportRole.MutualNeutral, false, null, false, "Want the brothers to reconcile quickly.", 0),
                    new("Cousin Ned", "cousin", SupportType.Family, SupportRole.Risk, false, null, false, "Lent money to the brother; pushes Rowan to 'let it go'.", 0),
                    new("Online sibling-estrangement group", null, SupportType.OnlineGroup, SupportRole.Unknown, false, null, false),
                ]);
            }
            default:
            {
                var v1 = new BoundaryDetails("College friend group", RelationshipType.Group, ContactLevel.NoContact, false, HowTold.NotTold,
                    [C(Social, Planned), C(LookUp, Planned), C(Mutual, Planned)],
                    [S("They laughed when I said I was hurt."), S("I feel worse after every time I check their posts.")],
                    [PC("An apology from the group, not just one person.")],
                    null, Day(-18), "Open-ended", Day(10), [Therapist]);
                var v2 = v1 with
                {
                    Channels = [C(Phone, Done), C(Social, Done), C(LookUp, Planned), C(Routines, Planned), C(Mutual, Planned)],
                    Reasons = [.. v1.Reasons, S("I have new friends at the climbing gym who are kind to me.")],
                    Preparation = [Therapist, SelfCare],
                };
                return ([[new(18, v1), new(3, v2)]],
                [
                    new("Mum", "mother", SupportType.Family, SupportRole.Supportive, true, "+1 555 0191", true),
                    new("Climbing gym friends", null, SupportType.Friend, SupportRole.Supportive, false, null, true),
                    Lifeline,
                    new("Nia", "roommate, friends with the group", SupportType.Friend, SupportRole.MutualNeutral, false, null, false),
                    new("Tess", "group member", SupportType.Friend, SupportRole.Risk, false, null, false, "Sends screenshots of the group chat.", 0),
                    new("Campus counselling", null, SupportType.Professional, SupportRole.Unknown, false, "+1 555 0192", false),
                ]);
            }
        }
    }
}
