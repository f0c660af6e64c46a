using System.Xml.Linq;
using ClinicPortal.Infrastructure.Database;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ClinicPortal.Infrastructure.Security;

/// <summary>
/// Keeps the Data Protection key ring in the clinic database (table data_protection_keys) instead of a
/// local folder. The key manager calls this rarely (start-up, key roll-over, an unknown key id) and
/// synchronously, so it opens its own short-lived database context each time.
/// </summary>
public sealed class DatabaseXmlRepository(IServiceScopeFactory scopes, TimeProvider clock) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        return db.Set<DataProtectionKey>().AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).ToList()
            .Select(xml => XElement.Parse(xml)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        db.Add(new DataProtectionKey(friendlyName, element.ToString(SaveOptions.DisableFormatting), clock.GetUtcNow()));
        db.SaveChanges();
    }
}

public static class DatabaseKeyStorage
{
    /// <summary>Stores the key ring in the clinic database (see <see cref="DatabaseXmlRepository"/>).</summary>
    public static IDataProtectionBuilder PersistKeysToClinicDatabase(this IDataProtectionBuilder builder)
    {
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(o =>
            o.XmlRepository = new DatabaseXmlRepository(sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<TimeProvider>())));
        return builder;
    }

    /// <summary>Encrypts new keys with the current key-ring certificate and reads keys made under any of them (see <see cref="KeyRingCertificates"/>).</summary>
    public static IDataProtectionBuilder ProtectKeysWithClinicCertificates(this IDataProtectionBuilder builder, IConfiguration configuration, string dataRoot)
    {
        var certificates = KeyRingCertificates.Load(configuration, dataRoot);
        builder.Services.AddSingleton(certificates);
        return builder.ProtectKeysWithCertificate(certificates.Current).UnprotectKeysWithAnyCertificate([.. certificates.All]);
    }
}