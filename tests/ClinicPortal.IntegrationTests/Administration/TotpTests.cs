using ClinicPortal.Testing;

namespace ClinicPortal.IntegrationTests.Administration;

/// <summary>The test's own authenticator (Testing/Totp.cs) against RFC 6238's published SHA-1 vectors (last 6 of 8 digits).</summary>
public sealed class TotpTests
{
    private const string RfcKey = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"; // "12345678901234567890"

    [Theory]
    [InlineData(59L, "287082")]
    [InlineData(1111111109L, "081804")]
    [InlineData(1234567890L, "005924")]
    [InlineData(2000000000L, "279037")]
    public void Codes_match_the_RFC_6238_test_vectors(long unixSeconds, string expected) =>
        Assert.Equal(expected, Totp.Code(RfcKey, DateTimeOffset.FromUnixTimeSeconds(unixSeconds)));

    [Fact]
    public void The_key_may_be_typed_with_spaces_and_in_lower_case() =>
        Assert.Equal(Totp.Code(RfcKey, DateTimeOffset.FromUnixTimeSeconds(59)), Totp.Code("gezd gnbv gy3t qojq gezd gnbv gy3t qojq", DateTimeOffset.FromUnixTimeSeconds(59)));
}
