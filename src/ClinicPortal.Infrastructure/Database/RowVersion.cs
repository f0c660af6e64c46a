using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClinicPortal.Infrastructure.Database;

/// <summary>
/// PostgreSQL's <c>xmin</c> system column as a row's version: it changes with every write of the row, so an UPDATE
/// that names the version a form was loaded with matches nothing once another window has saved, and EF throws
/// <see cref="DbUpdateConcurrencyException"/>. No migration is needed: every table has the column.
/// </summary>
public static class RowVersion
{
    public const string Column = "xmin";

    /// <summary>Makes the row's version a concurrency token of <typeparamref name="T"/>.</summary>
    public static void HasRowVersion<T>(this EntityTypeBuilder<T> b) where T : class =>
        b.Property<uint>(Column).HasColumnType("xid").ValueGeneratedOnAddOrUpdate().IsConcurrencyToken();

    /// <summary>The version of a tracked row; 0 for none (a one-per-client row not created yet).</summary>
    public static uint VersionOf(this DbContext db, object? row) => row is null ? 0 : (uint)db.Entry(row).Property(Column).CurrentValue!;

    /// <summary>
    /// Refuses the change unless <paramref name="row"/> still has <paramref name="version"/> (the version its form was
    /// loaded with). Checked here before anything is changed, and by the UPDATE itself for a save racing this one.
    /// </summary>
    public static void ExpectVersion(this DbContext db, object? row, uint version)
    {
        if (db.VersionOf(row) != version) throw new DbUpdateConcurrencyException("The row has a newer version than the form.");
    }
}
