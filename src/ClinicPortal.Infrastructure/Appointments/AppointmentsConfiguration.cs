using ClinicPortal.Core.Appointments;
using ClinicPortal.Core.Clients;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClinicPortal.Infrastructure.Appointments;

/// <summary>A clinician's weekly windows: not clinical, read by their clients to choose a time.</summary>
internal sealed class AvailabilityWindowConfiguration : IEntityTypeConfiguration<AvailabilityWindow>
{
    public void Configure(EntityTypeBuilder<AvailabilityWindow> b)
    {
        b.ToTable("AvailabilityWindows");
        b.HasKey(w => w.Id);
        b.HasIndex(w => w.ClinicianId);
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(w => w.ClinicianId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AppointmentRequestConfiguration : IEntityTypeConfiguration<AppointmentRequest>
{
    public void Configure(EntityTypeBuilder<AppointmentRequest> b)
    {
        b.ToTable("AppointmentRequests");
        b.HasKey(r => r.Id);
        b.Property(r => r.DeclineReason).HasMaxLength(AppointmentRequest.ReasonMax);
        b.HasRowVersion();
        b.HasIndex(r => new { r.ClientId, r.CreatedAt });
        b.HasOne<Client>().WithMany().HasForeignKey(r => r.ClientId).OnDelete(DeleteBehavior.Restrict);
    }
}
