using System.Net;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicPortal.IntegrationTests.Accounts;

/// <summary>The app on a clock the test moves, with a one-hour absolute lifetime for staff sign-ins.</summary>
public sealed class ShortLifetimeApp() : ClinicAppFactory(demo: true, new Dictionary<string, string?> { ["ClinicPortal:Sessions:StaffAbsoluteHours"] = "1" })
{
    public ManualClock Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}

public sealed class SessionLifetimeTests(ShortLifetimeApp app) : IClassFixture<ShortLifetimeApp>
{
    [Fact]
    public async Task A_sign_in_ends_at_its_absolute_lifetime_however_active_it_is()
    {
        var clinician = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        for (var i = 0; i < 3; i++)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(15)); // well inside the 20-minute idle time
            Assert.Equal(HttpStatusCode.OK, (await clinician.Http.GetAsync("/clinician")).StatusCode);
        }
        app.Clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(HttpStatusCode.OK, (await clinician.Http.GetAsync("/clinician")).StatusCode); // 59 minutes

        app.Clock.Advance(TimeSpan.FromMinutes(2));
        var after = await clinician.Http.GetAsync("/clinician");

        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/sign-in", after.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, (await (await Arrange.SignedInAsync(app, Arrange.MorganEmail)).Http.GetAsync("/clinician")).StatusCode);
    }
}
