using ClinicPortal.Core.Clients;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClinicPortal.Infrastructure.Clients;

internal sealed class ClientConfiguration : IEntityTypeConfiguration<Client>
{
    public void Configure(EntityTypeBuilder<Client> b)
    {
        b.ToTable("Clients");
        b.HasKey(c => c.Id);
        b.Property(c => c.FullName).HasMaxLength(Client.NameMax);
        b.Property(c => c.PreferredName).HasMaxLength(Client.NameMax);
        b.Property(c => c.Pronouns).HasMaxLength(Client.PronounsMax);
        b.Property(c => c.Email).HasMaxLength(Client.EmailMax);
        b.Property(c => c.Phone).HasMaxLength(Client.PhoneMax);
        b.Property(c => c.TimeZoneId).HasMaxLength(64);
        b.Property(c => c.PresentingConcern).HasMaxLength(Client.ConcernMax);
        b.HasRowVersion(); // the client record's edit form names the version it was loaded with
        b.HasIndex(c => c.PrimaryClinicianId);
        b.HasIndex(c => c.UserId).IsUnique();
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(c => c.PrimaryClinicianId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}
