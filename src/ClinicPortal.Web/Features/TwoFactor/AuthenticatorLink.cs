using System.Text;
using QRCoder;

namespace ClinicPortal.Web.Features.TwoFactor;

/// <summary>The authenticator app's view of a key: the otpauth:// link (as a QR code) and the key typed by hand.</summary>
public static class AuthenticatorLink
{
    public const string Issuer = "ClinicPortal";
    public const int CodeMaxLength = 20;

    public static string Uri(string email, string key) =>
        $"otpauth://totp/{System.Uri.EscapeDataString(Issuer)}:{System.Uri.EscapeDataString(email)}?secret={key}&issuer={System.Uri.EscapeDataString(Issuer)}&digits=6";

    /// <summary>A PNG QR code as a data: URI (the CSP allows img-src data:, and nothing leaves the server).</summary>
    public static string QrCodeDataUri(string otpauthUri) =>
        "data:image/png;base64," + Convert.ToBase64String(PngByteQRCodeHelper.GetQRCode(otpauthUri, QRCodeGenerator.ECCLevel.Q, 5));

    /// <summary>"JBSWY3DPEHPK3PXP" → "jbsw y3dp ehpk 3pxp": easier to type into an app.</summary>
    public static string Readable(string key)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
            sb.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        return sb.ToString().TrimEnd().ToLowerInvariant();
    }

    /// <summary>What was typed, without spaces or dashes ("123 456" → "123456"), cut to a sane length.</summary>
    public static string Clean(string? code)
    {
        var kept = new string((code ?? "").Where(char.IsLetterOrDigit).ToArray());
        return kept.Length > CodeMaxLength ? kept[..CodeMaxLength] : kept;
    }
}
