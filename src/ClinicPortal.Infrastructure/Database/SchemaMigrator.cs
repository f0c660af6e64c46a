using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ClinicPortal.Infrastructure.Database;

/// <summary>
/// Applies the versioned scripts in db/migrations (embedded in this assembly) in name order, then
/// installs or upgrades Hangfire's schema. The migration lock serialises instances starting together;
/// each script runs in its own transaction together with its history row, so a failed script leaves nothing behind.
/// </summary>
public static class SchemaMigrator
{
    private const string ResourcePrefix = "migrations/";

    public sealed record Script(string Id, string Sql, string Checksum);

    public static IReadOnlyList<Script> Scripts { get; } = LoadScripts();

    /// <summary>Returns the ids of the scripts applied by this call (empty when up to date).</summary>
    public static async Task<IReadOnlyList<string>> ApplyAsync(string connectionString, ILogger logger, CancellationToken ct = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using (await DistributedLocks.AcquireAsync(connection, LockName.SchemaMigrations, ct))
        {
            await Execute(connection, null,
                "CREATE TABLE IF NOT EXISTS schema_migrations (id text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())", ct);
            var applied = new Dictionary<string, string>();
            await using (var read = new NpgsqlCommand("SELECT id, checksum FROM schema_migrations", connection))
            await using (var reader = await read.ExecuteReaderAsync(ct))
                while (await reader.ReadAsync(ct)) applied[reader.GetString(0)] = reader.GetString(1);

            var ran = new List<string>();
            foreach (var script in Scripts)
            {
                if (applied.TryGetValue(script.Id, out var checksum))
                {
                    if (checksum != script.Checksum)
                        throw new InvalidOperationException($"Migration {script.Id} changed after it was applied; add a new script instead of editing an applied one.");
                    continue;
                }
                await using var tx = await connection.BeginTransactionAsync(ct);
                await Execute(connection, tx, script.Sql, ct);
                await using (var record = new NpgsqlCommand("INSERT INTO schema_migrations (id, checksum) VALUES (@id, @checksum)", connection, tx))
                {
                    record.Parameters.AddWithValue("id", script.Id);
                    record.Parameters.AddWithValue("checksum", script.Checksum);
                    await record.ExecuteNonQueryAsync(ct);
                }
                await tx.CommitAsync(ct);
                logger.LogInformation("Applied migration {Migration}", script.Id);
                ran.Add(script.Id);
            }
            Jobs.JobStorageSchema.Install(connection);
            return ran;
        }
    }

    private static async Task Execute(NpgsqlConnection connection, NpgsqlTransaction? tx, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection, tx) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(ct);
    }

    private static IReadOnlyList<Script> LoadScripts()
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => Load(assembly, n))
            .ToList();
    }

    private static Script Load(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        var sql = reader.ReadToEnd().Replace("\r\n", "\n");
        var checksum = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sql)));
        return new Script(Path.GetFileNameWithoutExtension(resource[ResourcePrefix.Length..]), sql, checksum);
    }
}
