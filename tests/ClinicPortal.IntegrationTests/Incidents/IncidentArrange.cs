using ClinicPortal.Core.Accounts;
using ClinicPortal.Core.CheckIns;
using ClinicPortal.Core.Incidents;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Incidents;
using ClinicPortal.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ClinicPortal.IntegrationTests.Incidents;

/// <summary>Incident entries written through the app's own <see cref="IncidentLog"/>, and read back under a chosen scope.</summary>
internal static class IncidentArrange
{
    public static IncidentDetails Details(string account = "They texted: \"You can't hide from me.\"", Guid? boundaryId = null, Guid? supportPersonId = null,
        DateTimeOffset? occurredAt = null) =>
        new(occurredAt ?? DateTimeOffset.UtcNow.AddHours(-3), "Bus stop on Elm Street", boundaryId, supportPersonId, ContactChannel.Text, account,
            "A friend was with me", "RPT-2026-0042", "Officer Sample", "4411", "Shaky");

    public static async Task<IncidentEntry> WriteAsync(ClinicAppFactory app, Guid clientId, Guid authorId, bool isPrivate = false,
        IncidentAuthor by = IncidentAuthor.Client, IncidentDetails? details = null)
    {
        await using var scope = app.SystemScope();
        return await scope.ServiceProvider.GetRequiredService<IncidentLog>().WriteAsync(clientId, details ?? Details(), isPrivate, by, authorId, default);
    }

    public static async Task<IncidentAddendum> AddendumAsync(ClinicAppFactory app, Guid clientId, Guid entryId, Guid authorId, string text,
        IncidentAuthor by = IncidentAuthor.Client)
    {
        await using var scope = app.SystemScope();
        var log = scope.ServiceProvider.GetRequiredService<IncidentLog>();
        var entry = await scope.ServiceProvider.GetRequiredService<ClinicDbContext>().Set<IncidentEntry>().IgnoreQueryFilters()
            .SingleAsync(e => e.Id == entryId && e.ClientId == clientId);
        return await log.AddAddendumAsync(entry, text, by, authorId, default);
    }

    /// <summary>Moves an entry's writing time back and hashes it as the app would have then, so it is intact and its window long closed.</summary>
    public static async Task BackdateAsync(ClinicAppFactory app, Guid entryId, TimeSpan ago)
    {
        await using var scope = app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        var e = await db.Set<IncidentEntry>().IgnoreQueryFilters().AsNoTracking().SingleAsync(x => x.Id == entryId);
        var content = EntryContent.Of(e) with { WrittenAt = IncidentRules.Stored(e.WrittenAt - ago) };
        await ExecuteAsync(app, "UPDATE incident_entries SET written_at = @at, content_hash = @hash WHERE id = @id",
            new NpgsqlParameter("at", content.WrittenAt), new NpgsqlParameter("hash", IncidentHash.Of(content)), new NpgsqlParameter("id", entryId));
    }

    public static async Task ExecuteAsync(ClinicAppFactory app, string sql, params NpgsqlParameter[] parameters)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddRange(parameters);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A database context under the given scope, as a request of that user would have.</summary>
    public static ClinicDbContext As(ClinicAppFactory app, AccessKind kind, Guid userId) =>
        new(new DbContextOptionsBuilder<ClinicDbContext>().UseNpgsql(app.ConnectionString).Options, new AccessScope(kind, userId));
}
