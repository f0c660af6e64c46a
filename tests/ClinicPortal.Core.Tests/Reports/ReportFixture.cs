using ClinicPortal.Core.Reconnecting;
using ClinicPortal.Core.Tests.Reconnecting;
using ClinicPortal.Core.BoundaryPlans;
using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Progress;
using ClinicPortal.Core.Reports;
using ClinicPortal.Core.Safety;
using ClinicPortal.Core.Sessions;
using ClinicPortal.Core.SupportNetwork;

namespace ClinicPortal.Core.Tests.Reports;

/// <summary>A client with a bit of everything, dated around a 30-day period ending on <see cref="Today"/> (UTC clinic).</summary>
internal sealed class ReportFixture
{
    public static readonly DateOnly Today = new(2026, 6, 30);
    public static readonly ReportPeriod Period = new(new DateOnly(2026, 6, 1), Today);
    public static readonly Guid Clinician = Guid.NewGuid();
    public static readonly StageModel Journey = BuiltInStageModels.Journey;

    public Client Client { get; } = Client.Create(new ClientDetails("Robin Example", "Rob", null, null, null, null, "UTC", new DateOnly(2026, 1, 5), null),
        Clinician, Today, At(new DateOnly(2026, 1, 5)));
    public List<StageAssessment> Assessments { get; } = [];
    public List<ReportCheckIn> CheckIns { get; } = [];
    public List<BoundaryRevision> Revisions { get; } = [];
    public List<SupportPerson> People { get; } = [];
    public List<SafetyConcern> Concerns { get; } = [];
    public List<TherapySession> Sessions { get; } = [];
    public NoteCounts Notes { get; set; } = new(0, 0);
    public List<ClinicianAlert> Alerts { get; } = [];
    public List<SupportRoleChange> RoleChanges { get; } = [];
    public List<SafetyPlanRevision> PlanRevisions { get; } = [];

    public static DateTimeOffset At(DateOnly day, int hour = 12) => new(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero);

    public ReportFixture Assess(string stage, DateOnly day, string evidence = "Seen in session.")
    {
        Assessments.Add(StageAssessment.Record(Client, Journey, Journey.Stages.Single(s => s.Name == stage).Id, day, evidence,
            null, null, Clinician, Today, At(day).AddMinutes(Assessments.Count)));
        return this;
    }

    public static BoundaryDetails Plan(string person, ContactLevel level, bool doorOpen = false) => new(person, RelationshipType.Parent, level, doorOpen,
        HowTold.Letter, [], [new("A reason", true)], [], null, null, null, null, []);

    /// <summary>A boundary saved once per (day, level) pair: the first creates it, each later one revises it.</summary>
    public ReportFixture Boundary(string person, params (DateOnly Day, ContactLevel Level)[] saves)
    {
        var (boundary, first) = ClinicPortal.Core.BoundaryPlans.Boundary.Create(Client.Id, Plan(person, saves[0].Level), Clinician, At(saves[0].Day));
        Revisions.Add(first);
        TrialContactPlan? trial = null;
        foreach (var (day, level) in saves.Skip(1))
        {
            // As the app does: a trial plan before reconnecting, and a return to no contact through it while it is in force.
            if (level == ContactLevel.Reconnecting) trial ??= TrialArrange.PlanFor(boundary, At(day));
            Revisions.Add(level == ContactLevel.NoContact && trial is { InForce: true }
                ? boundary.ReturnToNoContact(trial, new TrialExit(1, null), Clinician, At(day))
                : boundary.Revise(Plan(person, level, level is ContactLevel.Reconnecting or ContactLevel.ContactResumed), Clinician, At(day), trial)!);
        }
        return this;
    }

    public ReportFixture Person(string name, SupportRole role, bool crisis = false, DateOnly? added = null)
    {
        People.Add(SupportPerson.Create(Client.Id, new SupportPersonDetails(name, "friend", SupportType.Friend, role, crisis, "+1 555 0100", null,
            "Clinician's private note", null, false), At(added ?? new DateOnly(2026, 2, 1))));
        return this;
    }

    /// <summary>Changes the role of a person added before, on <paramref name="day"/>, keeping the change as the app does.</summary>
    public ReportFixture RoleChange(string name, SupportRole role, DateOnly day)
    {
        var person = People.Single(p => p.Name == name);
        RoleChanges.Add(person.Update(new SupportPersonDetails(person.Name, person.Relationship, person.Type, role, false, person.Phone, null, person.Notes,
            null, false), Clinician, At(day))!);
        return this;
    }

    /// <summary>A safety plan saved once per (day, warning signs, shared): the first creates it, each later one revises it.</summary>
    public ReportFixture SafetyPlan(params (DateOnly Day, string Signs, bool Shared)[] saves)
    {
        Dictionary<SafetyPlanStep, string?> Steps(string signs) => new() { [SafetyPlanStep.WarningSigns] = signs };
        var (plan, first) = ClinicPortal.Core.Safety.SafetyPlan.Create(Client.Id, Steps(saves[0].Signs), [], saves[0].Shared, Clinician, At(saves[0].Day));
        PlanRevisions.Add(first);
        foreach (var (day, signs, shared) in saves.Skip(1))
            PlanRevisions.Add(plan.Update(Steps(signs), [], shared, Clinician, At(day))!);
        return this;
    }

    public ReportFixture Concern(ConcernType type, ConcernSeverity severity, DateOnly noticed, DateOnly? resolvedOn = null, string? resolution = null)
    {
        var concern = SafetyConcern.Record(Client.Id, new SafetyConcernDetails(type, null, severity, ConcernStatus.Open, noticed, null, "Ex-partner",
            "Description words", null, null), Clinician, noticed, At(noticed));
        if (resolvedOn is { } day)
            concern.Update(new SafetyConcernDetails(type, null, severity, ConcernStatus.Resolved, noticed, null, "Ex-partner", "Description words", null,
                resolution ?? "Resolved after blocking."), Clinician, day, At(day));
        Concerns.Add(concern);
        return this;
    }

    public ReportFixture Alert(AlertKind kind, ConcernSeverity severity, DateOnly raised, AlertResponse? response = null, string? note = null)
    {
        var alert = ClinicianAlert.Raise(Client.Id, kind, severity, At(raised), kind == AlertKind.ConcernRaised ? Guid.NewGuid() : null);
        if (response is { } r) alert.Acknowledge(Clinician, At(raised, 14), r, note);
        Alerts.Add(alert);
        return this;
    }

    public ReportFixture Session(DateOnly day, SessionStatus status)
    {
        var start = At(day, 15);
        var session = TherapySession.Schedule(Client.Id, Clinician, start, 50, SessionModality.Video, null, start.AddDays(-7));
        if (status == SessionStatus.Completed) session.MarkCompleted(start.AddHours(1));
        else if (status == SessionStatus.Cancelled) session.Cancel(start.AddDays(-1));
        else if (status == SessionStatus.NoShow) session.MarkNoShow(start.AddHours(1));
        Sessions.Add(session);
        return this;
    }

    public ReportFixture CheckIn(DateOnly day, int? mood, int? urge, bool setback = false, params string[] attempts)
    {
        CheckIns.Add(new ReportCheckIn(day, mood, urge, setback, attempts));
        return this;
    }

    public ReportInputs Inputs(TimeZoneInfo? zone = null) => new(Client, "Dr. Test Clinician", "Test Clinic", zone ?? TimeZoneInfo.Utc,
        BuiltInStageModels.JourneyId, BuiltInStageModels.All, Assessments, CheckIns, Revisions, People, Concerns, Sessions, Notes, Alerts,
        RoleChanges, PlanRevisions);

    public ProgressReport Build(ReportAudience audience = ReportAudience.Provider, ReportSections sections = ReportSections.All, string? summary = null,
        ReportPeriod? period = null) =>
        ProgressReportBuilder.Build(Inputs(), ReportOptions.Create(period ?? Period, sections, audience, summary),
            new ReportGeneration(Guid.NewGuid(), At(Today, 16), "Dr. Test Clinician"));

    /// <summary>Something in every section, including a risk contact and safety concerns a client copy must not show.</summary>
    public static ReportFixture Rich()
    {
        var f = new ReportFixture()
            .Assess("Considering", new DateOnly(2026, 5, 10), "Weighing low contact.")
            .Assess("Preparing", new DateOnly(2026, 6, 3), "Planning which numbers to block.")
            .Assess("Early no contact", new DateOnly(2026, 6, 12), "Relief, then guilt.")
            .Assess("Preparing", new DateOnly(2026, 6, 25), "EVIDENCE-SECRET unsure again after a family call.")
            .Boundary("Mother", (new DateOnly(2026, 3, 1), ContactLevel.LowContact), (new DateOnly(2026, 6, 10), ContactLevel.NoContact))
            .Person("Sam Supporter", SupportRole.Supportive, crisis: true)
            .Person("Rex Relay", SupportRole.Risk)
            .Person("Nia Neutral", SupportRole.MutualNeutral)
            .Concern(ConcernType.Threats, ConcernSeverity.Imminent, new DateOnly(2026, 6, 14))
            .Concern(ConcernType.RepeatedMessagesOrCalls, ConcernSeverity.Moderate, new DateOnly(2026, 5, 20), new DateOnly(2026, 6, 20), "Numbers blocked; calls stopped.")
            .Session(new DateOnly(2026, 6, 2), SessionStatus.Completed)
            .Session(new DateOnly(2026, 6, 9), SessionStatus.Completed)
            .Session(new DateOnly(2026, 6, 16), SessionStatus.NoShow)
            .Session(new DateOnly(2026, 6, 23), SessionStatus.Cancelled)
            .CheckIn(new DateOnly(2026, 6, 2), 4, 8)
            .CheckIn(new DateOnly(2026, 6, 2), 6, 6, attempts: "Text")
            .CheckIn(new DateOnly(2026, 6, 10), 5, 7, setback: true, "Call", "Text")
            .CheckIn(new DateOnly(2026, 6, 28), 7, 3);
        f.Notes = new NoteCounts(4, 3);
        return f;
    }
}
