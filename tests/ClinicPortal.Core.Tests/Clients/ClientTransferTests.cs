using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Common;

namespace ClinicPortal.Core.Tests.Clients;

public sealed class ClientTransferTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 4, 14, 0, 0, TimeSpan.Zero);
    private static readonly Guid Morgan = Guid.NewGuid(), Riley = Guid.NewGuid(), Admin = Guid.NewGuid();

    private static Client NewClient() =>
        Client.Create(new ClientDetails("Tess Transfer", null, null, null, null, null, "UTC", new DateOnly(2026, 1, 5), null), Morgan, new DateOnly(2026, 5, 4), Now);

    [Fact]
    public void A_transfer_moves_the_client_and_keeps_who_from_whom_and_why()
    {
        var client = NewClient();

        var transfer = ClientTransfer.Move(client, Riley, "  Morgan on leave  ", Admin, Now.AddHours(1));

        Assert.Equal(Riley, client.PrimaryClinicianId);
        Assert.Equal(Now.AddHours(1), client.UpdatedAt);
        Assert.Equal((client.Id, Morgan, Riley, "Morgan on leave", Admin, Now.AddHours(1)),
            (transfer.ClientId, transfer.FromClinicianId, transfer.ToClinicianId, transfer.Reason, transfer.TransferredById, transfer.TransferredAt));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_reason_is_required(string? reason)
    {
        var client = NewClient();
        Assert.Equal("Reason for the transfer is required.", Assert.Throws<DomainRuleException>(() => ClientTransfer.Move(client, Riley, reason, Admin, Now)).Message);
        Assert.Equal(Morgan, client.PrimaryClinicianId);
    }

    [Fact]
    public void Too_long_a_reason_the_same_clinician_or_nobody_is_refused_and_nothing_changes()
    {
        var client = NewClient();
        Assert.Throws<DomainRuleException>(() => ClientTransfer.Move(client, Riley, new string('r', ClientTransfer.ReasonMax + 1), Admin, Now));
        Assert.Contains("already assigned", Assert.Throws<DomainRuleException>(() => ClientTransfer.Move(client, Morgan, "again", Admin, Now)).Message);
        Assert.Throws<DomainRuleException>(() => ClientTransfer.Move(client, Guid.Empty, "nobody", Admin, Now));
        Assert.Equal(Morgan, client.PrimaryClinicianId);
    }
}
