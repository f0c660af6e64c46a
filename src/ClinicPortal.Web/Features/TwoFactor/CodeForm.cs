using QRCoder;

namespace ClinicPortal.Web.Features.TwoFactor;

public sealed class CodeForm
{
    public string? Code { get; set; }
    /// <summary>An unticked box posts nothing, so the default must be false.</summary>
    public bool RememberDevice { get; set; }
    public string? ReturnUrl { get; set; }
}
