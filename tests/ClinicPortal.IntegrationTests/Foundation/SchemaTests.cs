using ClinicPortal.Core.Accounts;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace ClinicPortal.IntegrationTests.Foundation;

public sealed class SchemaTests
{
    [Fact]
    public async Task Scripted_schema_equals_the_schema_EF_Core_would_create_from_the_model()
    {
        var scripted = TestCluster.CreateDatabase("scripted");
        await SchemaMigrator.ApplyAsync(scripted, NullLogger.Instance);
        var modelled = TestCluster.CreateDatabase("modelled");
        await using (var db = new ClinicDbContext(new DbContextOptionsBuilder<ClinicDbContext>().UseNpgsql(modelled).Options, AccessScope.System))
            await db.Database.EnsureCreatedAsync();

        var fromScripts = await SchemaSnapshot.ReadAsync(scripted);
        var fromModel = await SchemaSnapshot.ReadAsync(modelled);

        Assert.NotEmpty(fromModel);
        Assert.Equal(fromModel.Except(fromScripts).Order(), Array.Empty<string>());   // in the model, missing from the scripts
        Assert.Equal(fromScripts.Except(fromModel).Order(), Array.Empty<string>());   // in the scripts, not in the model
    }

    [Fact]
    public async Task Applying_the_migrations_twice_is_a_no_op()
    {
        var database = TestCluster.CreateDatabase("twice");

        var first = await SchemaMigrator.ApplyAsync(database, NullLogger.Instance);
        var before = await SchemaSnapshot.ReadAsync(database);
        var second = await SchemaMigrator.ApplyAsync(database, NullLogger.Instance);

        Assert.Equal(SchemaMigrator.Scripts.Select(s => s.Id), first);
        Assert.Empty(second);
        Assert.Equal(before, await SchemaSnapshot.ReadAsync(database));
    }

    [Fact]
    public async Task Two_instances_migrating_at_once_apply_each_script_exactly_once()
    {
        var database = TestCluster.CreateDatabase("race");

        var runs = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => SchemaMigrator.ApplyAsync(database, NullLogger.Instance))));

        Assert.Equal(SchemaMigrator.Scripts.Select(s => s.Id).Order(), runs.SelectMany(r => r).Order());
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM schema_migrations", connection);
        Assert.Equal((long)SchemaMigrator.Scripts.Count, (long)(await count.ExecuteScalarAsync())!);
    }
}

/// <summary>Tables, columns, constraints and indexes of the app's schema as comparable lines (the history table left out; Hangfire has a schema of its own).</summary>
internal static class SchemaSnapshot
{
    private const string Sql = """
        SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || coalesce('(' || character_maximum_length || ')', '')
               || ' null=' || is_nullable || ' identity=' || coalesce(identity_generation, '-')
          FROM information_schema.columns
         WHERE table_schema = 'public' AND table_name <> 'schema_migrations'
        UNION ALL
        SELECT 'constraint ' || conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid)
          FROM pg_constraint
         WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> 'schema_migrations'
        UNION ALL
        SELECT 'index ' || indexdef
          FROM pg_indexes
         WHERE schemaname = 'public' AND tablename <> 'schema_migrations'
        """;

    public static async Task<string[]> ReadAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(Sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync()) lines.Add(reader.GetString(0));
        return lines.Order(StringComparer.Ordinal).ToArray();
    }
}
