using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ClinicPortal.Infrastructure.Files;
using Microsoft.Extensions.Configuration;

namespace ClinicPortal.Infrastructure.Security;

/// <summary>
/// The certificates that encrypt the Data Protection key ring kept in the database, so that a copy of the database
/// alone cannot forge a sign-in cookie or read a protected secret. <see cref="Current"/> encrypts new keys;
/// <see cref="All"/> (current and previous) decrypt, which is how the certificate is rotated.
/// </summary>
/// <param name="MadeFile">The file made on this start, if any: start-up says where it is, as it must be kept and backed up.</param>
public sealed record KeyRingCertificates(X509Certificate2 Current, IReadOnlyList<X509Certificate2> All, string? MadeFile)
{
    public const string PathKey = "ClinicPortal:KeyRing:CertificatePath";
    public const string PasswordKey = "ClinicPortal:KeyRing:CertificatePassword";
    public const string PreviousKey = "ClinicPortal:KeyRing:PreviousCertificatePaths";
    public const string GeneratedFile = "key-ring.pfx";

    /// <summary>
    /// The configured certificate (a PKCS#12 file), or one made on first start in the data folder, outside the
    /// database: enough for one machine; instances on several machines share a configured one.
    /// </summary>
    public static KeyRingCertificates Load(IConfiguration configuration, string dataRoot)
    {
        var password = configuration[PasswordKey];
        string? made = null;
        var current = configuration[PathKey] is { Length: > 0 } path
            ? Read(path, password)
            : Generated(Path.Combine(dataRoot, "keys", GeneratedFile), out made);
        var previous = (configuration[PreviousKey] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => Read(p, password)).ToList();
        return new KeyRingCertificates(current, [current, .. previous], made);
    }

    private static X509Certificate2 Read(string path, string? password)
    {
        if (!File.Exists(path)) throw new InvalidOperationException($"{PathKey}: the key-ring certificate {path} does not exist.");
        var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        return certificate.HasPrivateKey ? certificate
            : throw new InvalidOperationException($"The key-ring certificate {path} has no private key: it could encrypt the key ring but never read it back.");
    }

    private static X509Certificate2 Generated(string path, out string? madeFile)
    {
        madeFile = null;
        if (File.Exists(path)) return Read(path, null);
        OwnerOnlyFile.CreateFolder(Path.GetDirectoryName(path)!);
        using var rsa = RSA.Create(3072);
        var request = new CertificateRequest("CN=ClinicPortal key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var made = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(100));
        try
        {
            using var file = OwnerOnlyFile.CreateNew(path);
            file.Write(made.Export(X509ContentType.Pkcs12));
        }
        catch (IOException) when (File.Exists(path))
        {
            return Read(path, null); // another instance on this machine made it first
        }
        madeFile = path;
        return Read(path, null);
    }
}
