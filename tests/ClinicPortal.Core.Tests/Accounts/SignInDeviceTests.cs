using System.Net;
using ClinicPortal.Core.Accounts;

namespace ClinicPortal.Core.Tests.Accounts;

public sealed class SignInDeviceTests
{
    [Theory]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0", "Edge", "Computer")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36", "Chrome", "Computer")]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1", "Safari", "Phone")]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0 Mobile/15E148 Safari/604.1", "Chrome", "Phone")]
    [InlineData("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36", "Chrome", "Phone")]
    [InlineData("Mozilla/5.0 (Linux; Android 13; SM-X700) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/24.0 Chrome/115.0 Safari/537.36", "Samsung Internet", "Tablet")]
    [InlineData("Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1", "Safari", "Tablet")]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0", "Firefox", "Computer")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 OPR/111.0", "Opera", "Computer")]
    [InlineData("curl/8.5.0", "Other", "Computer")]
    [InlineData("", "Unknown", "Unknown")]
    [InlineData(null, "Unknown", "Unknown")]
    public void Browser_family_and_device_type_come_from_the_user_agent(string? userAgent, string browser, string device)
    {
        Assert.Equal(browser, SignInDevice.BrowserFamily(userAgent));
        Assert.Equal(device, SignInDevice.DeviceType(userAgent));
    }

    [Theory]
    [InlineData("203.0.113.77", "203.0.113.x")]
    [InlineData("::ffff:198.51.100.9", "198.51.100.x")]
    [InlineData("2001:db8:85a3:8d3:1319:8a2e:370:7348", "2001:db8:85a3:…")]
    [InlineData("::1", "0:0:0:…")]
    public void Addresses_are_masked(string address, string masked) => Assert.Equal(masked, SignInDevice.Mask(IPAddress.Parse(address)));

    [Theory]
    [InlineData("203.0.113.77", "203.0.113.x")]
    [InlineData("2001:db8:85a3:8d3:1319:8a2e:370:7348", "2001:db8:85a3:…")]
    [InlineData("not an address", SignInDevice.Unknown)]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Addresses_kept_as_text_are_masked_the_same_way(string? address, string masked) => Assert.Equal(masked, SignInDevice.MaskAddress(address));

    [Fact]
    public void A_missing_address_is_unknown() => Assert.Equal(SignInDevice.Unknown, SignInDevice.Mask(null));

    [Fact]
    public void A_sign_in_event_keeps_neither_the_user_agent_nor_the_full_address()
    {
        var e = SignInEvent.Record(Guid.NewGuid(), DateTimeOffset.UtcNow, "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0", IPAddress.Parse("192.0.2.44"));

        Assert.Equal(("Firefox", "Computer", "192.0.2.x"), (e.Browser, e.Device, e.MaskedAddress));
    }
}
