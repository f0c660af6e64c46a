using ClinicPortal.Core.SupportNetwork;

namespace ClinicPortal.Core.Tests.SupportNetwork;

public sealed class SupportRoleHistoryTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid Morgan = Guid.NewGuid();

    private static SupportPersonDetails Person(SupportRole role, string phone = "+1 555 0100") =>
        new("Sam", "friend", SupportType.Friend, role, false, phone, null, null, null, false);

    [Fact]
    public void A_role_change_is_kept_with_who_when_and_from_and_to_and_other_edits_are_not()
    {
        var person = SupportPerson.Create(Guid.NewGuid(), Person(SupportRole.Supportive), Now);

        Assert.Null(person.Update(Person(SupportRole.Supportive, "+1 555 0199"), Morgan, Now.AddDays(1)));
        var change = person.Update(Person(SupportRole.Risk), Morgan, Now.AddDays(2));

        Assert.NotNull(change);
        Assert.Equal((person.Id, person.ClientId, SupportRole.Supportive, SupportRole.Risk, Morgan, Now.AddDays(2)),
            (change.PersonId, change.ClientId, change.FromRole, change.ToRole, change.ChangedById, change.ChangedAt));
    }

    [Fact]
    public void The_role_at_a_moment_is_the_one_before_the_first_later_change()
    {
        var person = SupportPerson.Create(Guid.NewGuid(), Person(SupportRole.Supportive), Now);
        var toNeutral = person.Update(Person(SupportRole.MutualNeutral), Morgan, Now.AddDays(10))!;
        var toRisk = person.Update(Person(SupportRole.Risk), Morgan, Now.AddDays(20))!;
        SupportRoleChange[] history = [toRisk, toNeutral];

        Assert.Equal(SupportRole.Supportive, SupportRoleChange.RoleAt(person.Role, history, at => at <= Now.AddDays(5)));
        Assert.Equal(SupportRole.MutualNeutral, SupportRoleChange.RoleAt(person.Role, history, at => at <= Now.AddDays(10)));
        Assert.Equal(SupportRole.Risk, SupportRoleChange.RoleAt(person.Role, history, at => at <= Now.AddDays(30)));
        Assert.Equal(SupportRole.Risk, SupportRoleChange.RoleAt(person.Role, [], at => at <= Now)); // no history kept: the current role
    }
}
