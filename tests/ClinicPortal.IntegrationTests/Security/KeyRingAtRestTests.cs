using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using ClinicPortal.Infrastructure.Identity;
using ClinicPortal.Infrastructure.Security;
using ClinicPortal.Testing;
using ClinicPortal.Web.Demo;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicPortal.IntegrationTests.Security;

/// <summary>A copy of the database alone must not let anyone sign in as anyone.</summary>
public sealed class KeyRingAtRestTests(DemoClinicApp app) : IClassFixture<DemoClinicApp>
{
    private sealed class CopiedKeys(IReadOnlyCollection<XElement> elements) : IXmlRepository
    {
        public IReadOnlyCollection<XElement> GetAllElements() => elements;
        public void StoreElement(XElement element, string friendlyName) => throw new InvalidOperationException("A copy is read only.");
    }

    /// <summary>A Data Protection system as someone holding a copy of the database would build it.</summary>
    private static IDataProtector FromCopy(IReadOnlyCollection<XElement> keys, X509Certificate2? certificate)
    {
        var services = new ServiceCollection();
        var builder = services.AddDataProtection().SetApplicationName("ClinicPortal").DisableAutomaticKeyGeneration();
        services.Configure<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>(o => o.XmlRepository = new CopiedKeys(keys));
        if (certificate is not null) builder.UnprotectKeysWithAnyCertificate(certificate);
        return services.BuildServiceProvider().GetRequiredService<IDataProtectionProvider>().CreateProtector("KeyRingAtRestTests");
    }

    private async Task<List<string>> StoredKeysAsync()
    {
        await using var scope = app.SystemScope();
        return await app.SystemDb(scope).Set<DataProtectionKey>().Select(k => k.Xml).ToListAsync();
    }

    [Fact]
    public async Task The_key_ring_in_the_database_is_encrypted_and_useless_without_the_certificate()
    {
        var payload = app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("KeyRingAtRestTests").Protect("sign me in");
        var stored = await StoredKeysAsync();

        Assert.NotEmpty(stored);
        Assert.All(stored.Where(x => x.StartsWith("<key")), x =>
        {
            Assert.Contains("encryptedSecret", x);
            Assert.DoesNotContain("<masterKey", x);
        });
        var copy = stored.Select(x => XElement.Parse(x)).ToList();
        Assert.ThrowsAny<CryptographicException>(() => FromCopy(copy, null).Unprotect(payload));

        // With the certificate the same copy reads: the failure above is the missing certificate, nothing else.
        var certificate = X509CertificateLoader.LoadPkcs12FromFile(TestKeyRing.CertificatePath, null, X509KeyStorageFlags.EphemeralKeySet);
        Assert.Equal("sign me in", FromCopy(copy, certificate).Unprotect(payload));
    }

    [Fact]
    public async Task Authenticator_keys_and_recovery_codes_are_stored_encrypted_and_still_work()
    {
        await using var scope = app.SystemScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByEmailAsync(DemoLogins.RileyEmail))!;
        await users.ResetAuthenticatorKeyAsync(user);
        var key = (await users.GetAuthenticatorKeyAsync(user))!;
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 5))!.ToList();

        var raw = await app.SystemDb(scope).UserTokens.AsNoTracking().Where(t => t.UserId == user.Id).Select(t => t.Value!).ToListAsync();
        Assert.Equal(2, raw.Count);
        Assert.All(raw, v => Assert.StartsWith(ProtectedTokenUserStore.Prefix, v));
        Assert.DoesNotContain(raw, v => v.Contains(key) || codes.Any(v.Contains));

        Assert.True((await users.RedeemTwoFactorRecoveryCodeAsync(user, codes[0])).Succeeded);
        Assert.Equal(4, await users.CountRecoveryCodesAsync(user));
        Assert.Equal(key, await users.GetAuthenticatorKeyAsync(user));
    }
}

/// <summary>A database from before the key ring was encrypted: its clear keys and tokens do not survive the next start.</summary>
public sealed class KeyRingUpgradeTests
{
    private sealed class Captured : IXmlRepository
    {
        public List<XElement> Elements { get; } = [];
        public IReadOnlyCollection<XElement> GetAllElements() => Elements;
        public void StoreElement(XElement element, string friendlyName) => Elements.Add(element);
    }

    [Fact]
    public async Task Clear_keys_are_dropped_and_clear_tokens_protected_at_start()
    {
        // A key as the app stored it before: no certificate, so in clear.
        var old = new Captured();
        var services = new ServiceCollection();
        services.AddDataProtection().SetApplicationName("ClinicPortal");
        services.Configure<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>(o => o.XmlRepository = old);
        services.BuildServiceProvider().GetRequiredService<IDataProtectionProvider>().CreateProtector("old").Protect("old");
        var clearKey = Assert.Single(old.Elements).ToString(SaveOptions.DisableFormatting);
        Assert.Contains("<masterKey", clearKey);

        await using var first = new DemoClinicApp();
        Guid riley;
        await using (var scope = first.SystemScope())
        {
            var db = first.SystemDb(scope);
            db.Add(new DataProtectionKey("key-old", clearKey, DateTimeOffset.UtcNow));
            riley = await db.Users.Where(u => u.Email == DemoLogins.RileyEmail).Select(u => u.Id).SingleAsync();
            db.UserTokens.Add(new IdentityUserToken<Guid> { UserId = riley, LoginProvider = "[AspNetUserStore]", Name = "AuthenticatorKey", Value = "PLAINKEY234567ABCDEFGHIJKLMNOP" });
            await db.SaveChangesAsync();
        }

        await using var restarted = new ClinicAppFactory(demo: true, connectionString: first.ConnectionString);
        await using (var scope = restarted.SystemScope())
        {
            var db = restarted.SystemDb(scope);
            Assert.False(await db.Set<DataProtectionKey>().AnyAsync(k => k.Xml.Contains("<masterKey")));
            var stored = await db.UserTokens.AsNoTracking().SingleAsync(t => t.UserId == riley && t.Name == "AuthenticatorKey");
            Assert.StartsWith(ProtectedTokenUserStore.Prefix, stored.Value);
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            Assert.Equal("PLAINKEY234567ABCDEFGHIJKLMNOP", await users.GetAuthenticatorKeyAsync((await users.FindByIdAsync(riley.ToString()))!));
        }
    }
}
