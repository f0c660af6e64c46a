using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace ClinicPortal.Infrastructure.Database;

/// <summary>
/// PostgreSQL advisory locks shared by every app instance on the database. Two kinds: a lock held on a
/// connection of its own until disposed (start-up work, jobs), and a lock that lasts until the current
/// transaction ends (a check-then-write inside a unit of work).
/// </summary>
public sealed class DistributedLocks(NpgsqlDataSource dataSource)
{
    /// <summary>Waits for the lock; it is held until the result is disposed.</summary>
    public async Task<IAsyncDisposable> AcquireAsync(LockName name, CancellationToken ct = default)
    {
        var connection = await dataSource.OpenConnectionAsync(ct);
        try
        {
            return await AcquireAsync(connection, name, ct, ownsConnection: true);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Takes the lock if it is free; null when another holder has it (the caller skips its work).</summary>
    public async Task<IAsyncDisposable?> TryAcquireAsync(LockName name, CancellationToken ct = default)
    {
        var connection = await dataSource.OpenConnectionAsync(ct);
        await using (var take = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection))
        {
            take.Parameters.AddWithValue("key", name.Key);
            if (await take.ExecuteScalarAsync(ct) is true) return new Held(connection, name, ownsConnection: true);
        }
        await connection.DisposeAsync();
        return null;
    }

    /// <summary>Runs <paramref name="work"/> only if the lock is free, holding it meanwhile; false when another holder had it and the work was skipped.</summary>
    public async Task<bool> RunAloneAsync(LockName name, Func<CancellationToken, Task> work, CancellationToken ct = default)
    {
        await using var held = await TryAcquireAsync(name, ct);
        if (held is null) return false;
        await work(ct);
        return true;
    }

    /// <summary>Waits for the lock on a connection the caller opened (the migrator runs before the app's services exist).</summary>
    public static Task<IAsyncDisposable> AcquireAsync(NpgsqlConnection connection, LockName name, CancellationToken ct = default) =>
        AcquireAsync(connection, name, ct, ownsConnection: false);

    private static async Task<IAsyncDisposable> AcquireAsync(NpgsqlConnection connection, LockName name, CancellationToken ct, bool ownsConnection)
    {
        await using var take = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection) { CommandTimeout = 0 };
        take.Parameters.AddWithValue("key", name.Key);
        await take.ExecuteNonQueryAsync(ct);
        return new Held(connection, name, ownsConnection);
    }

    private sealed class Held(NpgsqlConnection connection, LockName name, bool ownsConnection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
                release.Parameters.AddWithValue("key", name.Key);
                await release.ExecuteNonQueryAsync(CancellationToken.None);
            }
            finally
            {
                // Closing the connection releases the lock too, should the unlock itself fail.
                if (ownsConnection) await connection.DisposeAsync();
            }
        }
    }
}

public static class TransactionLocks
{
    /// <summary>
    /// Waits for the lock inside the current transaction; PostgreSQL releases it at commit or rollback.
    /// Without an explicit transaction the statement is its own, and the lock would end with it.
    /// </summary>
    public static async Task LockAsync(this DatabaseFacade database, LockName name, CancellationToken ct = default)
    {
        if (database.CurrentTransaction is null)
            throw new InvalidOperationException($"The lock {name} lasts for a transaction: begin one first.");
        await database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock({name.Key})", ct);
    }
}
