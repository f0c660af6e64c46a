using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClinicPortal.Infrastructure.Security;

/// <summary>
/// One ASP.NET Core Data Protection key (the XML the key manager writes). Every app instance reads the
/// same rows, so a cookie or anti-forgery token made by one instance is accepted by the others.
/// </summary>
public sealed class DataProtectionKey
{
    public int Id { get; private set; }
    public string FriendlyName { get; private set; } = "";
    public string Xml { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }

    private DataProtectionKey() { }

    public DataProtectionKey(string friendlyName, string xml, DateTimeOffset createdAt) =>
        (FriendlyName, Xml, CreatedAt) = (friendlyName, xml, createdAt);
}

internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> b)
    {
        b.ToTable("DataProtectionKeys");
        b.HasKey(k => k.Id);
        b.Property(k => k.Id).UseIdentityAlwaysColumn();
        b.Property(k => k.FriendlyName).HasMaxLength(200);
    }
}
