using ClinicPortal.Core.Clients;

namespace ClinicPortal.Core.Tests.Clients;

public sealed class AdministratorReachTests
{
    private static readonly DateTimeOffset Transfer = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0, true)]          // invited and transferred at once
    [InlineData(3 * 24, true)]
    [InlineData(7 * 24, true)]     // exactly seven days: still within
    [InlineData(7 * 24 + 1, false)]
    [InlineData(30 * 24, false)]
    public void A_transfer_within_seven_days_of_the_accounts_invitation_is_told_to_the_other_administrators(int hoursBefore, bool told) =>
        Assert.Equal(told, AdministratorReach.NeedsNotice(Transfer.AddHours(-hoursBefore), Transfer));

    [Fact]
    public void An_account_never_invited_through_the_portal_is_not_flagged() => Assert.False(AdministratorReach.NeedsNotice(null, Transfer));

    [Fact]
    public void An_invitation_after_the_transfer_does_not_count() => Assert.False(AdministratorReach.NeedsNotice(Transfer.AddMinutes(1), Transfer));
}
