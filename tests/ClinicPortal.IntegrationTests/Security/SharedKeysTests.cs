using System.Net;
using ClinicPortal.IntegrationTests.Administration;
using ClinicPortal.Testing;
using ClinicPortal.Web.Demo;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace ClinicPortal.IntegrationTests.Security;

/// <summary>Data Protection keys live in the database, so two app instances on it accept each other's cookies and tokens.</summary>
public sealed class SharedKeysTests
{
    [Fact]
    public async Task Two_app_instances_on_one_database_accept_each_others_sign_in_cookies_and_antiforgery_tokens()
    {
        await using var first = new DemoClinicApp();
        _ = first.Services; // migrate and seed before the second instance starts
        await using var second = new ClinicAppFactory(demo: true, connectionString: first.ConnectionString); // a second instance of the same demo clinic

        // One browser (one cookie jar) whose requests land on either instance, as behind a load balancer.
        var jar = new CookieContainer();
        var viaFirst = new BrowserSession(first.CreateDefaultClient(new CookieContainerHandler(jar)));
        var viaSecond = new BrowserSession(second.CreateDefaultClient(new CookieContainerHandler(jar)));

        Assert.Equal("/admin", (await viaFirst.SignInAsync(AdminArrange.AdminEmail, DemoLogins.AdminPassword)).Headers.Location?.OriginalString);
        var onSecond = await viaSecond.Http.GetAsync("/admin/staff");
        Assert.Equal(HttpStatusCode.OK, onSecond.StatusCode);
        Assert.Contains("Ada Administrator", await onSecond.Content.ReadAsStringAsync());

        // A form rendered by the first instance is posted to the second.
        var token = await viaFirst.TokenFromAsync("/admin");
        var signOut = await viaSecond.Http.PostAsync("/account/sign-out", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await viaFirst.Http.GetAsync("/admin")).StatusCode); // signed out on both

        // And the other way round.
        Assert.Equal("/clinician", (await viaSecond.SignInAsync(Clients.Arrange.MorganEmail, DemoLogins.ClinicianPassword)).Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await viaFirst.Http.GetAsync("/clinician")).StatusCode);

        // The keys are rows in the shared database, not files in either instance's folder.
        Assert.True(await AdminArrange.CountAsync(first, "SELECT count(*) FROM data_protection_keys") >= 1);
        foreach (var folder in new[] { first.ScratchDirectory, second.ScratchDirectory })
            Assert.False(Directory.Exists(Path.Combine(folder, "keys")) && Directory.EnumerateFiles(Path.Combine(folder, "keys")).Any());
    }
}
