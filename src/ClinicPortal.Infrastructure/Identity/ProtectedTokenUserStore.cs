using ClinicPortal.Infrastructure.Database;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Infrastructure.Identity;

/// <summary>
/// Identity's store with every stored user token (the authenticator key, recovery codes) encrypted under the key
/// ring, which is itself encrypted with a certificate kept apart from the database: a copy of the database alone
/// yields neither a second factor nor a recovery code.
/// </summary>
public sealed class ProtectedTokenUserStore(ClinicDbContext context, IDataProtectionProvider protection, IdentityErrorDescriber? describer = null)
    : UserStore<ApplicationUser, IdentityRole<Guid>, ClinicDbContext, Guid>(context, describer)
{
    /// <summary>Marks a protected value; a value without it was stored before protection and is read as it is until protected.</summary>
    public const string Prefix = "dp1:";
    private const string Purpose = "ClinicPortal.UserTokens";

    private readonly IDataProtector _protector = protection.CreateProtector(Purpose);

    public override Task SetTokenAsync(ApplicationUser user, string loginProvider, string name, string? value, CancellationToken cancellationToken) =>
        base.SetTokenAsync(user, loginProvider, name, value is null ? null : Prefix + _protector.Protect(value), cancellationToken);

    public override async Task<string?> GetTokenAsync(ApplicationUser user, string loginProvider, string name, CancellationToken cancellationToken) =>
        await base.GetTokenAsync(user, loginProvider, name, cancellationToken) is { } stored
            ? stored.StartsWith(Prefix, StringComparison.Ordinal) ? _protector.Unprotect(stored[Prefix.Length..]) : stored
            : null;

    /// <summary>Protects the tokens stored before this store was used (run once at start-up).</summary>
    public static async Task<int> ProtectStoredAsync(ClinicDbContext db, IDataProtectionProvider protection, CancellationToken ct = default)
    {
        var protector = protection.CreateProtector(Purpose);
        var plain = await db.UserTokens.Where(t => t.Value != null && !t.Value.StartsWith(Prefix)).ToListAsync(ct);
        foreach (var token in plain) token.Value = Prefix + protector.Protect(token.Value!);
        await db.SaveChangesAsync(ct);
        return plain.Count;
    }
}
