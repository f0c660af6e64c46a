using QRCoder;

namespace ClinicPortal.Web.Features.TwoFactor;

public sealed class RecoveryForm
{
    public string? Code { get; set; }
    public string? ReturnUrl { get; set; }
}
