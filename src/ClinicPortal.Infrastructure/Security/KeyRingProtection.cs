using ClinicPortal.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Infrastructure.Security;

/// <summary>Keys written before the key ring was encrypted hold their secret in clear: they go, and a new encrypted key replaces them.</summary>
public static class KeyRingProtection
{
    /// <summary>
    /// Deletes every stored key whose master key is in clear (an encrypted key keeps it inside an encryptedSecret
    /// element). Sign-ins and forms made under those keys end once; the key manager makes a new key when it next needs one.
    /// </summary>
    public static Task<int> DropUnencryptedKeysAsync(ClinicDbContext db, CancellationToken ct = default) =>
        db.Set<DataProtectionKey>().Where(k => k.Xml.Contains("<masterKey")).ExecuteDeleteAsync(ct);
}
