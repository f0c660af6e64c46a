using ClinicPortal.Core.BoundaryPlans;
using ClinicPortal.Core.Clients;
using ClinicPortal.Core.ProtectiveOrders;
using ClinicPortal.Core.Safety;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClinicPortal.Infrastructure.ProtectiveOrders;

internal sealed class ProtectiveOrderConfiguration : IEntityTypeConfiguration<ProtectiveOrder>
{
    public void Configure(EntityTypeBuilder<ProtectiveOrder> b)
    {
        b.ToTable("ProtectiveOrders", t =>
        {
            // The entity's rules, kept by the database too: a row written past the domain still cannot hold these.
            t.HasCheckConstraint("ck_protective_orders_expiry_after_served", "expires_on IS NULL OR expires_on > served_on");
            t.HasCheckConstraint("ck_protective_orders_distance", "(distance IS NULL AND distance_unit IS NULL) OR (distance > 0 AND distance_unit IS NOT NULL)");
            t.HasCheckConstraint("ck_protective_orders_ended", "ended_on IS NULL OR ended_on >= served_on");
        });
        b.HasKey(o => o.Id);
        b.Property(o => o.Court).HasMaxLength(ProtectiveOrder.CourtMax);
        b.Property(o => o.OrderNumber).HasMaxLength(ProtectiveOrder.NumberMax);
        b.Property(o => o.Distance).HasPrecision(8, 1);
        b.Property(o => o.Exceptions).HasMaxLength(ProtectiveOrder.ExceptionsMax);
        b.Property(o => o.Notes).HasMaxLength(ProtectiveOrder.NotesMax);
        b.Property(o => o.EndReason).HasMaxLength(ProtectiveOrder.EndReasonMax);
        b.HasRowVersion();
        b.HasIndex(o => new { o.ClientId, o.ServedOn });
        b.HasOne<Client>().WithMany().HasForeignKey(o => o.ClientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Boundary>().WithMany().HasForeignKey(o => o.BoundaryId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(o => o.CreatedById).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(o => o.Changes).WithOne().HasForeignKey(h => h.OrderId).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(o => o.Changes).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ProtectiveOrderChangeConfiguration : IEntityTypeConfiguration<ProtectiveOrderChange>
{
    public void Configure(EntityTypeBuilder<ProtectiveOrderChange> b)
    {
        b.ToTable("ProtectiveOrderChanges");
        b.HasKey(h => h.Id);
        b.Property(h => h.Id).ValueGeneratedNever(); // saved through the order's Changes: a new one is inserted
        b.Property(h => h.Summary).HasMaxLength(ProtectiveOrderChange.SummaryMax);
        b.HasIndex(h => h.ClientId);
        b.HasOne<Client>().WithMany().HasForeignKey(h => h.ClientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(h => h.ChangedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ProtectiveOrderReminderConfiguration : IEntityTypeConfiguration<ProtectiveOrderReminder>
{
    public void Configure(EntityTypeBuilder<ProtectiveOrderReminder> b)
    {
        b.ToTable("ProtectiveOrderReminders");
        b.HasKey(r => r.Id);
        b.HasIndex(r => new { r.OrderId, r.ExpiresOn }).IsUnique(); // once per order and expiry date, whatever runs the job
        b.HasIndex(r => r.ClientId);
        b.HasIndex(r => r.AlertId);
        b.HasOne<Client>().WithMany().HasForeignKey(r => r.ClientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ProtectiveOrder>().WithMany().HasForeignKey(r => r.OrderId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ClinicianAlert>().WithMany().HasForeignKey(r => r.AlertId).OnDelete(DeleteBehavior.Restrict);
    }
}
