using ClinicPortal.Core.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClinicPortal.Infrastructure.Auditing;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("AuditEntries");
        b.HasKey(a => a.Id);
        b.Property(a => a.Id).UseIdentityAlwaysColumn();
        b.Property(a => a.Role).HasMaxLength(20);
        b.Property(a => a.Action).HasMaxLength(40);
        b.Property(a => a.RecordType).HasMaxLength(40);
        b.Property(a => a.RecordId).HasMaxLength(64);
        b.Property(a => a.IpAddress).HasMaxLength(64);
        b.HasIndex(a => new { a.ClientId, a.Id });
        b.HasIndex(a => new { a.UserId, a.Id });
        b.HasIndex(a => a.At);
        b.HasIndex(a => new { a.Action, a.Id }); // the audit viewer's action filter, newest first
        b.Property(a => a.DisclosedTo).HasMaxLength(AuditEntry.DisclosedToMax);
        b.Property(a => a.Recipient).HasMaxLength(AuditEntry.RecipientMax);
        // The viewer's "disclosures only", newest first: a few rows among millions, found without walking the rest.
        b.HasIndex(a => a.Id).HasFilter("disclosed_to IS NOT NULL").HasDatabaseName("ix_audit_entries_disclosures");
    }
}
