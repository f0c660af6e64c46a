using ClinicPortal.Core.Accounts;
using ClinicPortal.Core.Common;

namespace ClinicPortal.Core.Tests.Accounts;

public sealed class StaffRulesTests
{
    private static readonly Guid Me = Guid.NewGuid();

    private static StaffMember Admin(Guid? id = null, bool active = true, bool accepted = true) => new(id ?? Guid.NewGuid(), Roles.Admin, active, accepted);
    private static StaffMember Clinician(bool active = true) => new(Guid.NewGuid(), Roles.Clinician, active, true);

    [Fact]
    public void An_invitation_is_normalised()
    {
        var request = StaffRules.ValidateInvitation("  Sam.Lee@Example.org ", " Dr. Sam Lee ", Roles.Clinician);

        Assert.Equal(new StaffInvitationRequest("sam.lee@example.org", "Dr. Sam Lee", Roles.Clinician), request);
    }

    [Theory]
    [InlineData(null, "Name", Roles.Clinician, "Email is required.")]
    [InlineData("sam@", "Name", Roles.Clinician, "Email is not a valid address.")]
    [InlineData("sam@localhost", "Name", Roles.Clinician, "Email is not a valid address.")]
    [InlineData("sam@example.org", " ", Roles.Admin, "Name is required.")]
    [InlineData("sam@example.org", "Name", Roles.Client, "Choose whether the person is a clinician or an administrator.")]
    [InlineData("sam@example.org", "Name", "Superuser", "Choose whether the person is a clinician or an administrator.")]
    [InlineData("sam@example.org", "Name", null, "Choose whether the person is a clinician or an administrator.")]
    public void Bad_invitations_are_refused(string? email, string? name, string? role, string message) =>
        Assert.Equal(message, Assert.Throws<DomainRuleException>(() => StaffRules.ValidateInvitation(email, name, role)).Message);

    [Fact]
    public void A_name_longer_than_the_limit_is_refused() =>
        Assert.Throws<DomainRuleException>(() => StaffRules.ValidateInvitation("a@example.org", new string('n', StaffRules.DisplayNameMax + 1), Roles.Admin));

    [Fact]
    public void The_last_active_administrator_cannot_be_deactivated_by_another_or_by_themself()
    {
        var last = Admin(Me);
        var staff = new[] { last, Clinician(), Admin(active: false), Admin(accepted: false) };

        Assert.Equal(StaffRules.LastAdminSelfMessage, Assert.Throws<DomainRuleException>(() => StaffRules.EnsureCanDeactivate(last, Me, staff, 0)).Message);
        Assert.Equal(StaffRules.LastAdminMessage, Assert.Throws<DomainRuleException>(() => StaffRules.EnsureCanDeactivate(last, Guid.NewGuid(), staff, 0)).Message);
    }

    [Fact]
    public void An_administrator_may_be_deactivated_while_another_can_sign_in()
    {
        var mine = Admin(Me);
        StaffRules.EnsureCanDeactivate(mine, Me, [mine, Admin()], 0);
    }

    [Fact]
    public void A_pending_administrator_can_always_be_deactivated()
    {
        var pending = Admin(accepted: false);
        StaffRules.EnsureCanDeactivate(pending, Me, [pending, Admin(Me)], 0);
        StaffRules.EnsureCanDeactivate(pending, Me, [pending], 0); // it is not the one keeping the clinic open
    }

    [Fact]
    public void A_clinician_with_clients_in_care_is_refused_until_they_are_reassigned()
    {
        var clinician = Clinician();
        var e = Assert.Throws<DomainRuleException>(() => StaffRules.EnsureCanDeactivate(clinician, Me, [clinician], 2));
        Assert.Contains("2 clients", e.Message);
        Assert.Contains("1 client who", Assert.Throws<DomainRuleException>(() => StaffRules.EnsureCanDeactivate(clinician, Me, [clinician], 1)).Message);
        StaffRules.EnsureCanDeactivate(clinician, Me, [clinician], 0);
    }

    [Fact]
    public void Deactivating_twice_or_reactivating_an_active_account_is_refused()
    {
        var inactive = Clinician(active: false);
        Assert.Throws<DomainRuleException>(() => StaffRules.EnsureCanDeactivate(inactive, Me, [inactive], 0));
        Assert.Throws<DomainRuleException>(() => StaffRules.EnsureCanReactivate(Clinician()));
        StaffRules.EnsureCanReactivate(inactive);
    }
}
