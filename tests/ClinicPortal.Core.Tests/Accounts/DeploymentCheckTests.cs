using ClinicPortal.Core.Accounts;

namespace ClinicPortal.Core.Tests.Accounts;

public sealed class DeploymentCheckTests
{
    [Theory]
    [InlineData(true, DeploymentMode.Demo)]
    [InlineData(false, DeploymentMode.Live)]
    public void An_empty_database_takes_the_mode_it_is_first_started_in(bool demo, DeploymentMode mark) =>
        Assert.Equal(new DeploymentCheck.Outcome(mark, null), DeploymentCheck.Decide(demo, null, false, false));

    [Fact]
    public void Demo_mode_is_refused_on_a_database_marked_live_or_holding_real_accounts()
    {
        Assert.Equal(DeploymentCheck.DemoOnLiveMessage, DeploymentCheck.Decide(true, DeploymentMode.Live, false, false).Refusal);
        Assert.Equal(DeploymentCheck.DemoOnLiveMessage, DeploymentCheck.Decide(true, null, false, true).Refusal);
    }

    [Fact]
    public void A_normal_start_is_refused_on_a_database_marked_demo_or_holding_demo_accounts()
    {
        Assert.Equal(DeploymentCheck.LiveOnDemoMessage, DeploymentCheck.Decide(false, DeploymentMode.Demo, false, true).Refusal);
        Assert.Equal(DeploymentCheck.LiveOnDemoMessage, DeploymentCheck.Decide(false, null, true, false).Refusal);
        Assert.Equal(DeploymentCheck.LiveOnDemoMessage, DeploymentCheck.Decide(false, null, true, true).Refusal);
    }

    [Fact]
    public void The_mark_wins_over_the_accounts_once_it_is_there()
    {
        // A demo clinic whose clinicians invited other addresses is still the demo.
        Assert.Null(DeploymentCheck.Decide(true, DeploymentMode.Demo, true, true).Refusal);
        Assert.Null(DeploymentCheck.Decide(false, DeploymentMode.Live, false, true).Refusal);
    }
}
