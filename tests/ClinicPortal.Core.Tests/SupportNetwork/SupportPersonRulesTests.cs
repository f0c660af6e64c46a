using ClinicPortal.Core.Common;
using ClinicPortal.Core.SupportNetwork;

namespace ClinicPortal.Core.Tests.SupportNetwork;

public sealed class SupportPersonRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 15, 0, 0, TimeSpan.Zero);

    private static SupportPersonDetails Friend(SupportRole role = SupportRole.Supportive, bool crisis = false, bool shared = false, string? phone = "+1 555 0100") =>
        new("Priya", "best friend", SupportType.Friend, role, crisis, phone, "priya@example.org", "Knows the plan.", null, shared);

    [Fact]
    public void A_supportive_friend_can_be_a_crisis_contact_and_shared()
    {
        var person = SupportPerson.Create(Guid.NewGuid(), Friend(crisis: true, shared: true), Now);

        Assert.True(person.IsCrisisContact);
        Assert.True(person.IsVisibleToClient);
    }

    [Fact]
    public void A_risk_person_can_never_be_a_crisis_contact()
    {
        var refused = Assert.Throws<DomainRuleException>(() => SupportPerson.Create(Guid.NewGuid(), Friend(SupportRole.Risk, crisis: true), Now));

        Assert.Equal(SupportPerson.RiskCrisisMessage, refused.Message);
        Assert.Contains("never be a crisis contact", refused.Message);
    }

    [Fact]
    public void Changing_a_crisis_contact_to_risk_later_is_refused_and_changes_nothing()
    {
        var person = SupportPerson.Create(Guid.NewGuid(), Friend(crisis: true), Now);

        var refused = Assert.Throws<DomainRuleException>(() => person.Update(Friend(SupportRole.Risk, crisis: true) with { Name = "Renamed" }, Guid.NewGuid(), Now.AddDays(1)));

        Assert.Contains("never be a crisis contact", refused.Message);
        Assert.Equal(SupportRole.Supportive, person.Role);
        Assert.True(person.IsCrisisContact);
        Assert.Equal("Priya", person.Name);
        Assert.Equal(Now, person.UpdatedAt);
    }

    [Fact]
    public void Marking_someone_risk_while_unticking_crisis_is_allowed()
    {
        var person = SupportPerson.Create(Guid.NewGuid(), Friend(crisis: true), Now);

        person.Update(Friend(SupportRole.Risk), Guid.NewGuid(), Now.AddDays(1));

        Assert.Equal(SupportRole.Risk, person.Role);
        Assert.False(person.IsCrisisContact);
    }

    [Theory]
    [InlineData(SupportRole.MutualNeutral)]
    [InlineData(SupportRole.Unknown)]
    public void Only_supportive_people_are_crisis_contacts(SupportRole role)
    {
        var refused = Assert.Throws<DomainRuleException>(() => SupportPerson.Create(Guid.NewGuid(), Friend(role, crisis: true), Now));
        Assert.Equal("Only supportive contacts can be crisis contacts.", refused.Message);
    }

    [Fact]
    public void A_crisis_contact_needs_a_phone_number()
    {
        var refused = Assert.Throws<DomainRuleException>(() => SupportPerson.Create(Guid.NewGuid(), Friend(crisis: true, phone: " "), Now));
        Assert.Equal("A crisis contact needs a phone number.", refused.Message);
    }

    [Theory]
    [InlineData(SupportRole.Risk, "never shown to the client")]
    [InlineData(SupportRole.MutualNeutral, "Only supportive contacts can be shared")]
    [InlineData(SupportRole.Unknown, "Only supportive contacts can be shared")]
    public void Only_supportive_people_can_be_shared_with_the_client(SupportRole role, string message)
    {
        var refused = Assert.Throws<DomainRuleException>(() => SupportPerson.Create(Guid.NewGuid(), Friend(role, shared: true), Now));
        Assert.Contains(message, refused.Message);
    }

    [Theory]
    [InlineData(SupportRole.Supportive, true, true)]
    [InlineData(SupportRole.Supportive, false, false)]
    [InlineData(SupportRole.MutualNeutral, false, false)]
    [InlineData(SupportRole.Risk, false, false)]
    [InlineData(SupportRole.Unknown, false, false)]
    public void Client_visibility_is_shared_and_supportive(SupportRole role, bool shared, bool visible)
    {
        var person = SupportPerson.Create(Guid.NewGuid(), Friend(role, shared: shared), Now);

        Assert.Equal(visible, person.IsVisibleToClient);
        Assert.Equal(visible, SupportPerson.VisibleToClient.Compile()(person));
    }

    public static TheoryData<string, Func<SupportPersonDetails, SupportPersonDetails>> BadInput => new()
    {
        { "Name is required", d => d with { Name = "" } },
        { "Name must be at most 120", d => d with { Name = new string('x', 121) } },
        { "Email is not a valid address", d => d with { Email = "not-an-email" } },
        { "Phone may contain only digits", d => d with { Phone = "call me" } },
        { "Notes must be at most 2000", d => d with { Notes = new string('x', 2001) } },
        { "Choose a role", d => d with { Role = (SupportRole)9 } },
        { "Choose a type", d => d with { Type = (SupportType)9 } },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public void Bad_input_is_refused_with_a_clear_message(string message, Func<SupportPersonDetails, SupportPersonDetails> spoil)
    {
        Assert.Contains(message, Assert.Throws<DomainRuleException>(() => SupportPerson.Create(Guid.NewGuid(), spoil(Friend()), Now)).Message);
    }
}
