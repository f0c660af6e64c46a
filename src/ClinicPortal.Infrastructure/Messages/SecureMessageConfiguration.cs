using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Messages;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClinicPortal.Infrastructure.Messages;

/// <summary>The thread's rows; the database refuses a change to a sent message's text (0040_secure_messages.sql).</summary>
internal sealed class SecureMessageConfiguration : IEntityTypeConfiguration<SecureMessage>
{
    public void Configure(EntityTypeBuilder<SecureMessage> b)
    {
        b.ToTable("SecureMessages");
        b.HasKey(m => m.Id);
        b.Property(m => m.Body).HasMaxLength(SecureMessage.BodyMax);
        b.HasIndex(m => new { m.ClientId, m.SentAt });
        b.HasOne<Client>().WithMany().HasForeignKey(m => m.ClientId).OnDelete(DeleteBehavior.Restrict);
    }
}
