using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Common;

namespace ClinicPortal.Core.Tests.Clients;

public sealed class ClientRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 21);
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 15, 0, 0, TimeSpan.Zero);

    private static ClientDetails Valid() => new("Alex Sample", "Al", "they/them", new DateOnly(1990, 1, 2),
        "Alex@Example.org", "+1 (555) 010-0200", "America/Chicago", Today.AddDays(-3), "Ending contact with a parent.");

    [Fact]
    public void A_valid_client_is_created_active_and_assigned()
    {
        var clinician = Guid.NewGuid();
        var client = Client.Create(Valid(), clinician, Today, Now);

        Assert.Equal(ClientStatus.Active, client.Status);
        Assert.Equal(clinician, client.PrimaryClinicianId);
        Assert.Equal("alex@example.org", client.Email);
        Assert.Equal("Al (Alex Sample)", client.DisplayName);
    }

    [Fact]
    public void Without_a_preferred_name_staff_see_the_full_name()
    {
        Assert.Equal("Alex Sample", Client.Create(Valid() with { PreferredName = null }, Guid.NewGuid(), Today, Now).DisplayName);
        Assert.Equal("Al (Alex Sample)", Client.Display("Alex Sample", "Al"));
        Assert.Equal("Al", Client.ShortName("Alex Sample", "Al"));
        Assert.Equal("Alex Sample", Client.ShortName("Alex Sample", null));
    }

    public static TheoryData<ClientDetails, string> Invalid => new()
    {
        { Valid() with { FullName = "  " }, "Name is required" },
        { Valid() with { FullName = new string('a', Client.NameMax + 1) }, "at most" },
        { Valid() with { Email = "not-an-email" }, "Email" },
        { Valid() with { Email = "a@b" }, "Email" },
        { Valid() with { Phone = "call me" }, "Phone" },
        { Valid() with { TimeZoneId = "Mars/Olympus_Mons" }, "Time zone" },
        { Valid() with { IntakeDate = null }, "Intake date is required" },
        { Valid() with { IntakeDate = new DateOnly(2026, 11, 22) }, "future" },
        { Valid() with { DateOfBirth = new DateOnly(2030, 1, 1) }, "Date of birth" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Bad_input_is_refused_with_a_message(ClientDetails details, string message)
    {
        var e = Assert.Throws<DomainRuleException>(() => Client.Create(details, Guid.NewGuid(), Today, Now));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void A_discharged_client_is_read_only_until_readmitted()
    {
        var client = Client.Create(Valid(), Guid.NewGuid(), Today, Now);
        client.ChangeStatus(ClientStatus.Discharged, Now);

        Assert.Throws<DomainRuleException>(() => client.Update(Valid() with { FullName = "Changed" }, Today, Now));
        Assert.Throws<DomainRuleException>(client.EnsureEditable);

        client.ChangeStatus(ClientStatus.Active, Now);
        client.Update(Valid() with { FullName = "Changed" }, Today, Now);
        Assert.Equal("Changed", client.FullName);
    }

    [Fact]
    public void A_client_account_cannot_be_swapped_for_another()
    {
        var client = Client.Create(Valid(), Guid.NewGuid(), Today, Now);
        var first = Guid.NewGuid();
        client.LinkAccount(first, Now);
        client.LinkAccount(first, Now); // idempotent

        Assert.Throws<DomainRuleException>(() => client.LinkAccount(Guid.NewGuid(), Now));
    }
}
