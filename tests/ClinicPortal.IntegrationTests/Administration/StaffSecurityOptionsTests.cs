using ClinicPortal.Web.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;

namespace ClinicPortal.IntegrationTests.Administration;

/// <summary>Where ClinicPortal:RequireStaffTwoFactor and ClinicPortal:SecureCookies default to what.</summary>
public sealed class StaffSecurityOptionsTests
{
    private sealed class Environment(string name) : IWebHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "ClinicPortal.Web";
        public string WebRootPath { get; set; } = "";
        public IFileProvider WebRootFileProvider { get; set; } = new NullFileProvider();
        public string ContentRootPath { get; set; } = "";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    private static StaffSecurityOptions Bind(string environment, params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();
        var options = new StaffSecurityOptions();
        StaffSecurityOptions.Bind(options, configuration, new Environment(environment));
        return options;
    }

    [Fact]
    public void A_real_installation_requires_two_step_sign_in_for_staff_and_secure_cookies()
    {
        var o = Bind("Production");
        Assert.True(o.RequireStaffTwoFactor);
        Assert.True(o.SecureCookies);
    }

    [Fact]
    public void Demo_mode_lets_the_printed_demo_logins_work_with_a_password_over_plain_http()
    {
        var o = Bind("Production", ("ClinicPortal:Demo", "true"));
        Assert.False(o.RequireStaffTwoFactor);
        Assert.False(o.SecureCookies);
    }

    [Fact]
    public void Development_keeps_two_step_sign_in_but_allows_plain_http_cookies()
    {
        var o = Bind("Development");
        Assert.True(o.RequireStaffTwoFactor);
        Assert.False(o.SecureCookies);
    }

    [Fact]
    public void Explicit_settings_win()
    {
        var o = Bind("Production", ("ClinicPortal:Demo", "true"), ("ClinicPortal:RequireStaffTwoFactor", "true"), ("ClinicPortal:SecureCookies", "true"));
        Assert.True(o.RequireStaffTwoFactor);
        Assert.True(o.SecureCookies);
        Assert.False(Bind("Production", ("ClinicPortal:RequireStaffTwoFactor", "false")).RequireStaffTwoFactor);
    }
}
