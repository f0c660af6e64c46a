using QRCoder;

namespace ClinicPortal.Web.Features.TwoFactor;

public sealed record SetupPage(string SharedKey, string QrCodeDataUri, bool Required);

public sealed record TwoFactorPage(bool Enabled, int RecoveryCodesLeft, bool RememberedHere, bool CanDisable, bool Required);

public sealed record RecoveryCodesPage(IReadOnlyList<string> Codes, string ContinueTo, bool JustEnabled);
