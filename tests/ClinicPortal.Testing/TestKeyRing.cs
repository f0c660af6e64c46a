using ClinicPortal.Infrastructure.Security;
using Microsoft.Extensions.Configuration;

namespace ClinicPortal.Testing;

/// <summary>
/// One key-ring certificate for every app a test process starts, as instances sharing a database share one in
/// production (each making its own would leave them unable to read each other's keys).
/// </summary>
public static class TestKeyRing
{
    private static readonly Lazy<string> Path_ = new(() =>
    {
        var folder = TestCluster.CreateScratchDirectory();
        KeyRingCertificates.Load(new ConfigurationBuilder().Build(), folder);
        return Path.Combine(folder, "keys", KeyRingCertificates.GeneratedFile);
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string CertificatePath => Path_.Value;

    /// <summary>The settings that point an app at it.</summary>
    public static KeyValuePair<string, string> Setting => new(KeyRingCertificates.PathKey, CertificatePath);
}
