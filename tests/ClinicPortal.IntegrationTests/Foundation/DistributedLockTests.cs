using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Jobs;
using ClinicPortal.Testing;
using Npgsql;

namespace ClinicPortal.IntegrationTests.Foundation;

/// <summary>The one lock service and its one key scheme, against the real PostgreSQL.</summary>
public sealed class DistributedLockTests
{
    [Fact]
    public void Every_name_maps_to_its_own_stable_key()
    {
        var client = Guid.Parse("9b2f5f0e-5a4c-4d36-9f59-0c8c3c1f2a10");
        LockName[] names = [LockName.SchemaMigrations, LockName.StartupTasks, LockName.StaffDeactivation, LockName.UnsafeAlert(client),
            LockName.ClinicianDiary(client), LockName.Job(JobSchedules.CheckInPrompts), LockName.Job(JobSchedules.OverdueReviews)];

        Assert.Equal(names.Length, names.Select(n => n.Key).Distinct().Count());
        Assert.Equal(LockName.UnsafeAlert(client).Key, LockName.UnsafeAlert(client).Key);
        Assert.NotEqual(LockName.UnsafeAlert(client).Key, LockName.ClinicianDiary(client).Key); // same id, other feature
    }

    [Fact]
    public async Task A_held_lock_is_refused_to_others_until_released_on_any_connection()
    {
        await using var one = new NpgsqlDataSourceBuilder(TestCluster.CreateDatabase("locks")).Build();
        var locks = new DistributedLocks(one);
        var name = LockName.Job("lock-test");

        var held = await locks.TryAcquireAsync(name);
        Assert.NotNull(held);
        Assert.Null(await locks.TryAcquireAsync(name)); // another connection, same database: refused

        var waiting = locks.AcquireAsync(name);
        Assert.False(waiting.IsCompleted);
        await held!.DisposeAsync();
        await using (await waiting.WaitAsync(TimeSpan.FromSeconds(30))) { } // the waiter gets it once released
        await using var again = await locks.TryAcquireAsync(name);
        Assert.NotNull(again);
    }
}
