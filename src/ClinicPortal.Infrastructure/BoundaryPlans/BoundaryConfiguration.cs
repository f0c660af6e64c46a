using ClinicPortal.Core.BoundaryPlans;
using ClinicPortal.Core.Clients;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClinicPortal.Infrastructure.BoundaryPlans;

internal sealed class BoundaryConfiguration : IEntityTypeConfiguration<Boundary>
{
    public void Configure(EntityTypeBuilder<Boundary> b)
    {
        b.ToTable("Boundaries");
        b.HasKey(x => x.Id);
        b.Property(x => x.PersonName).HasMaxLength(Boundary.PersonMax);
        b.Property(x => x.PlannedLength).HasMaxLength(Boundary.PlannedLengthMax);
        b.Property(x => x.Exceptions).HasMaxLength(Boundary.ExceptionsMax);
        // The checklists and ordered lists are small and always read whole: one jsonb column each.
        b.Property(x => x.Channels).AsJsonList();
        b.Property(x => x.Reasons).AsJsonList();
        b.Property(x => x.Conditions).AsJsonList();
        b.Property(x => x.Preparation).AsJsonList();
        // xmin: two tabs saving the same boundary must not both write "revision N+1".
        b.HasRowVersion();
        b.HasIndex(x => x.ClientId);
        b.HasOne<Client>().WithMany().HasForeignKey(x => x.ClientId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class BoundaryRevisionConfiguration : IEntityTypeConfiguration<BoundaryRevision>
{
    public void Configure(EntityTypeBuilder<BoundaryRevision> b)
    {
        b.ToTable("BoundaryRevisions");
        b.HasKey(x => x.Id);
        b.Property(x => x.Summary).HasMaxLength(BoundaryRevision.SummaryMax);
        b.Property(x => x.Note).HasMaxLength(BoundaryRevision.NoteMax);
        b.Property(x => x.Snapshot).HasColumnType("jsonb");
        b.HasIndex(x => new { x.BoundaryId, x.Number }).IsUnique();
        b.HasIndex(x => new { x.ClientId, x.CreatedAt });
        b.HasOne<Boundary>().WithMany().HasForeignKey(x => x.BoundaryId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Client>().WithMany().HasForeignKey(x => x.ClientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(x => x.AuthorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal static class JsonListColumn
{
    /// <summary>Stores a read-only list as jsonb, compared by its items so edits are detected.</summary>
    public static PropertyBuilder<IReadOnlyList<T>> AsJsonList<T>(this PropertyBuilder<IReadOnlyList<T>> property) =>
        property.HasColumnType("jsonb").HasConversion(
            v => BoundaryJson.Write(v),
            s => BoundaryJson.Read<List<T>>(s),
            new ValueComparer<IReadOnlyList<T>>(
                (x, y) => x!.SequenceEqual(y!),
                v => v.Aggregate(0, (hash, item) => HashCode.Combine(hash, item!.GetHashCode())),
                v => v.ToList()));
}
