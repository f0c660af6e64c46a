using ClinicPortal.Core.Clients;
using ClinicPortal.Core.ContactSafety;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClinicPortal.Infrastructure.ContactSafety;

internal sealed class ContactSafetyProfileConfiguration : IEntityTypeConfiguration<ContactSafetyProfile>
{
    public void Configure(EntityTypeBuilder<ContactSafetyProfile> b)
    {
        b.ToTable("ContactSafetyProfiles");
        b.HasKey(p => p.ClientId);
        b.Ignore(p => p.SafeTimes);
        b.Property(p => p.NeverContact).HasColumnType("text[]");
        b.Property(p => p.Note).HasMaxLength(ContactSafetyProfile.NoteMax);
        b.HasRowVersion();
        b.HasOne<Client>().WithOne().HasForeignKey<ContactSafetyProfile>(p => p.ClientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(p => p.UpdatedById).OnDelete(DeleteBehavior.Restrict);
    }
}
