using System.Net;

namespace ClinicPortal.Core.Accounts;

/// <summary>
/// One completed sign-in, for the person's own "recent sign-ins": when, the browser family, the kind of device and
/// a masked network address. Never the full address or the user-agent string (both can locate or identify someone).
/// </summary>
public sealed class SignInEvent
{
    public const int BrowserMax = 40, DeviceMax = 20, AddressMax = 64;

    public Guid Id { get; private set; }
    public Guid UserId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string Browser { get; private set; } = "";
    public string Device { get; private set; } = "";
    public string MaskedAddress { get; private set; } = "";

    private SignInEvent() { }

    public static SignInEvent Record(Guid userId, DateTimeOffset at, string? userAgent, IPAddress? address) => new()
    {
        Id = Guid.NewGuid(), UserId = userId, At = at,
        Browser = SignInDevice.BrowserFamily(userAgent), Device = SignInDevice.DeviceType(userAgent), MaskedAddress = SignInDevice.Mask(address),
    };
}
