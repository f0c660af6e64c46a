using ClinicPortal.Core.Common;
using ClinicPortal.Core.Safety;

namespace ClinicPortal.Core.Tests.Safety;

public sealed class SafetyConcernRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 21);
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 15, 0, 0, TimeSpan.Zero);
    private static readonly Guid Clinician = Guid.NewGuid();

    private static SafetyConcernDetails Details(
        ConcernType? type = ConcernType.Threats, string? otherType = null, ConcernSeverity? severity = ConcernSeverity.Moderate,
        ConcernStatus? status = ConcernStatus.Open, DateOnly? firstNoticed = null, DateOnly? lastOccurrence = null,
        string? involved = "Ex-partner", string? description = "Threatening voicemail left on Friday.", DateOnly? review = null,
        string? resolution = null) =>
        new(type, otherType, severity, status, firstNoticed ?? Today.AddDays(-10), lastOccurrence, involved, description,
            review ?? Today.AddDays(7), resolution);

    private static SafetyConcern Recorded(SafetyConcernDetails? details = null) =>
        SafetyConcern.Record(Guid.NewGuid(), details ?? Details(), Clinician, Today, Now);

    [Fact]
    public void Recording_a_concern_starts_its_history()
    {
        var concern = Recorded();

        var created = Assert.Single(concern.Changes);
        Assert.Equal(Clinician, created.ChangedById);
        Assert.Equal(Now, created.ChangedAt);
        Assert.Equal(["Recorded: Threats, severity moderate, open", "Next review: 28 Nov 2026"], created.Lines);
    }

    [Fact]
    public void Every_concern_type_of_the_product_brief_is_offered_once_and_has_a_label()
    {
        var offered = SafetyLabels.TypeGroups.SelectMany(g => g.Types).ToList();

        Assert.Equal(Enum.GetValues<ConcernType>().Order(), offered.Order());
        Assert.Equal(offered.Count, offered.Distinct().Count());
        Assert.Equal(offered.Count, offered.Select(SafetyLabels.Of).Distinct().Count());
        foreach (var phrase in new[] { "Repeated messages or calls", "New numbers or accounts", "through other people", "sudden affection, guilt, invented emergencies",
                     "Showing up at home or work", "Following", "Monitoring social media", "Threats", "Retaliation", "Smear campaign",
                     "Physical danger", "Financial control", "Children's safety", "Self-harm", "Suicidal thoughts", "Relapse", "Severe distress" })
            Assert.Contains(offered, t => SafetyLabels.Of(t).Contains(phrase));
    }

    [Fact]
    public void Other_needs_its_own_description_and_other_types_drop_it()
    {
        var refused = Assert.Throws<DomainRuleException>(() => Recorded(Details(type: ConcernType.Other, otherType: "  ")));
        Assert.Contains("required for \u201cOther\u201d", refused.Message);

        var other = Recorded(Details(type: ConcernType.Other, otherType: "Pet taken"));
        Assert.Equal("Other: Pet taken", SafetyLabels.TypeName(other.Type, other.OtherType));
        Assert.Null(Recorded(Details(type: ConcernType.Following, otherType: "ignored")).OtherType);
    }

    [Theory]
    [InlineData(null, ConcernStatus.Open, "Choose a severity")]
    [InlineData((ConcernSeverity)7, ConcernStatus.Open, "Choose a severity")]
    [InlineData(ConcernSeverity.Low, (ConcernStatus)9, "Choose a status")]
    public void Severity_and_status_must_be_from_the_lists(ConcernSeverity? severity, ConcernStatus status, string message)
    {
        var refused = Assert.Throws<DomainRuleException>(() => Recorded(Details(severity: severity, status: status)));
        Assert.Contains(message, refused.Message);
    }

    [Fact]
    public void Dates_must_make_sense()
    {
        Assert.Contains("cannot be in the future", Assert.Throws<DomainRuleException>(() => Recorded(Details(firstNoticed: Today.AddDays(1)))).Message);
        Assert.Contains("before the concern was first noticed", Assert.Throws<DomainRuleException>(() =>
            Recorded(Details(firstNoticed: Today.AddDays(-2), lastOccurrence: Today.AddDays(-3)))).Message);
        Assert.Contains("review date is in the past", Assert.Throws<DomainRuleException>(() => Recorded(Details(review: Today.AddDays(-1)))).Message);
        Assert.Contains("Description is required", Assert.Throws<DomainRuleException>(() => Recorded(Details(description: " "))).Message);
    }

    [Fact]
    public void Resolving_requires_a_resolution_note_and_a_refused_resolve_changes_nothing()
    {
        var concern = Recorded();
        var before = concern.State;

        var refused = Assert.Throws<DomainRuleException>(() =>
            concern.Update(Details(status: ConcernStatus.Resolved, resolution: " "), Clinician, Today, Now.AddHours(1)));

        Assert.Contains("resolution note", refused.Message);
        Assert.Equal(before, concern.State);
        Assert.Single(concern.Changes);
        Assert.Null(concern.ResolvedAt);
    }

    [Fact]
    public void Resolving_records_who_and_when_and_drops_the_review_date_and_reopening_clears_it()
    {
        var concern = Recorded();
        var later = Now.AddDays(2);

        var change = concern.Update(Details(status: ConcernStatus.Resolved, resolution: "Calls stopped after blocking."), Clinician, Today, later);

        Assert.NotNull(change);
        Assert.Equal(["Status: Open → Resolved", "Next review: 28 Nov 2026 → none", "Resolution note added"], change.Lines);
        Assert.Equal(later, concern.ResolvedAt);
        Assert.Equal(Clinician, concern.ResolvedById);
        Assert.Null(concern.NextReviewDate);

        concern.Update(Details(status: ConcernStatus.Open, resolution: "Calls stopped after blocking."), Clinician, Today, later.AddDays(1));
        Assert.Null(concern.ResolvedAt);
        Assert.True(concern.IsOpen);
    }

    [Fact]
    public void An_overdue_review_date_already_on_file_may_stay_while_other_details_change()
    {
        var concern = Recorded(Details(review: Today));
        var tomorrow = Today.AddDays(1);

        var change = concern.Update(Details(review: Today, description: "Second voicemail on Monday."), Clinician, tomorrow, Now.AddDays(1));
        Assert.Equal(["Description edited"], change!.Lines);

        Assert.Throws<DomainRuleException>(() => concern.Update(Details(review: Today.AddDays(-1)), Clinician, tomorrow, Now.AddDays(1)));
        Assert.Throws<DomainRuleException>(() => concern.Update(Details(review: Today, status: ConcernStatus.Monitoring), Clinician, tomorrow, Now.AddDays(1)));
    }

    [Fact]
    public void An_update_that_changes_nothing_records_nothing()
    {
        var concern = Recorded();

        Assert.Null(concern.Update(Details(), Clinician, Today, Now.AddHours(1)));
        Assert.Single(concern.Changes);
        Assert.Equal(Now, concern.UpdatedAt);
    }

    [Fact]
    public void A_changed_description_is_kept_in_the_history()
    {
        var concern = Recorded();

        var change = concern.Update(Details(description: "Corrected: the voicemail was on Saturday."), Clinician, Today, Now.AddHours(1));

        Assert.Equal("Threatening voicemail left on Friday.", change!.PreviousDescription);
        Assert.Null(change.PreviousResolutionNote);
        Assert.Equal("Corrected: the voicemail was on Saturday.", concern.Description);
    }

    [Fact]
    public void Actions_are_dated_not_in_the_future_and_other_needs_a_note()
    {
        var concern = Recorded();

        Assert.Contains("future", Assert.Throws<DomainRuleException>(() =>
            concern.AddAction(ConcernActionKind.PoliceReport, Today.AddDays(1), null, Clinician, Today, Now)).Message);
        Assert.Contains("Choose which action", Assert.Throws<DomainRuleException>(() =>
            concern.AddAction((ConcernActionKind)42, Today, null, Clinician, Today, Now)).Message);
        Assert.Contains("required for \u201cOther\u201d", Assert.Throws<DomainRuleException>(() =>
            concern.AddAction(ConcernActionKind.Other, Today, " ", Clinician, Today, Now)).Message);
        Assert.Empty(concern.Actions);
        Assert.Single(concern.Changes);

        var (action, change) = concern.AddAction(ConcernActionKind.ProtectiveOrderFiled, Today.AddDays(-1), "Hearing on the 3rd.", Clinician, Today, Now);

        Assert.Same(action, Assert.Single(concern.Actions));
        Assert.Equal(["Action recorded: Protective order filed (20 Nov 2026)"], change.Lines);
        Assert.Equal(2, concern.Changes.Count);
    }
}
