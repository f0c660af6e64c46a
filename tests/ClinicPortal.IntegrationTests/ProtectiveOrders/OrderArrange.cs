using ClinicPortal.Core.BoundaryPlans;
using ClinicPortal.Core.Clients;
using ClinicPortal.Core.ProtectiveOrders;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ClinicPortal.IntegrationTests.ProtectiveOrders;

/// <summary>Protective orders made straight in the database, the form the pages post, and the rows a refused post must leave alone.</summary>
internal static class OrderArrange
{
    public const string Court = "Springfield County Family Court";
    public const string Number = "FC-2026-7731";

    public static ProtectiveOrderDetails Details(DateOnly? expires = null, DateOnly? served = null) => new(Court, Number, ProtectiveOrderType.Temporary, true,
        100m, DistanceUnit.Yards, "Child exchanges at the library car park", served ?? Arrange.ClinicToday().AddDays(-20), expires ?? Arrange.ClinicToday().AddDays(90), "Paper copy with the client");

    public static async Task<ProtectiveOrder> OrderAsync(ClinicAppFactory app, Client client, Boundary person, ProtectiveOrderDetails? details = null)
    {
        await using var scope = app.SystemScope();
        var db = app.SystemDb(scope);
        var order = ProtectiveOrder.Record(client.Id, person, details ?? Details(), client.PrimaryClinicianId, Arrange.ClinicToday(), DateTimeOffset.UtcNow);
        db.Add(order);
        await db.SaveChangesAsync();
        return order;
    }

    public static async Task<ProtectiveOrder?> FindAsync(ClinicAppFactory app, Guid orderId)
    {
        await using var scope = app.SystemScope();
        return await app.SystemDb(scope).Set<ProtectiveOrder>().AsNoTracking().SingleOrDefaultAsync(o => o.Id == orderId);
    }

    public static List<KeyValuePair<string, string>> Fields(Guid boundaryId, string court = Court, string? expires = null, string? served = null, string distance = "100",
        string unit = "Yards") =>
    [
        new("Court", court), new("OrderNumber", Number), new("Type", "Temporary"), new("BoundaryId", boundaryId.ToString()), new("NoContact", "true"),
        new("Distance", distance), new("DistanceUnit", unit), new("Exceptions", "Child exchanges at the library car park"),
        new("ServedOn", served ?? Arrange.ClinicDay(-20)), new("ExpiresOn", expires ?? Arrange.ClinicDay(90)), new("Notes", "Paper copy with the client"),
    ];

    /// <summary>The rows of this feature, for "nothing saved" checks beside <see cref="Arrange.FingerprintAsync"/>.</summary>
    public static async Task<string> RowsAsync(ClinicAppFactory app)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT (SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') FROM protective_orders) || '/' ||
                   (SELECT count(*) FROM protective_order_changes) || '/' || (SELECT count(*) FROM protective_order_reminders)
            """, connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
