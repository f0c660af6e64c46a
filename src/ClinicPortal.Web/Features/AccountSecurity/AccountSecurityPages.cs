namespace ClinicPortal.Web.Features.AccountSecurity;

public sealed record AccountSecurityPage(IReadOnlyList<SignInRow> RecentSignIns, TimeZoneInfo Zone, bool TwoFactorEnabled);

public sealed record SignInRow(DateTimeOffset At, string Browser, string Device, string MaskedAddress);
