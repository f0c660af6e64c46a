using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClinicPortal.Infrastructure.Database;

/// <summary>
/// Work that must follow a change only once the change is committed, such as emailing about a new alert: queue it
/// with <see cref="Enqueue"/> beside the change, and it runs after the next save commits (at once without an
/// explicit transaction, else when that transaction commits). A failed save or a rolled-back transaction drops it,
/// so nothing is sent about a row that was never stored. Each piece of work gets a fresh service scope, because the
/// committing context is still finishing its transaction; a failure is logged and never undoes the commit.
/// </summary>
public sealed class AfterCommit(IServiceScopeFactory scopes, ILogger<AfterCommit> logger) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly List<Func<IServiceProvider, CancellationToken, Task>> _queued = [];
    private readonly List<(Guid TransactionId, Func<IServiceProvider, CancellationToken, Task> Work)> _saved = [];

    public void Enqueue(Func<IServiceProvider, CancellationToken, Task> work) => _queued.Add(work);

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken ct = default)
    {
        var work = _queued.ToList();
        _queued.Clear();
        if (eventData.Context?.Database.CurrentTransaction is { } transaction) _saved.AddRange(work.Select(w => (transaction.TransactionId, w)));
        else await RunAsync(work, ct);
        return result;
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result) =>
        SavedChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public void SaveChangesFailed(DbContextErrorEventData eventData) => _queued.Clear();

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken ct = default)
    {
        _queued.Clear();
        return Task.CompletedTask;
    }

    public async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct = default) =>
        await RunAsync(Take(eventData.TransactionId), ct);

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        RunAsync(Take(eventData.TransactionId), CancellationToken.None).GetAwaiter().GetResult();

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Take(eventData.TransactionId);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct = default)
    {
        Take(eventData.TransactionId);
        return Task.CompletedTask;
    }

    private List<Func<IServiceProvider, CancellationToken, Task>> Take(Guid transactionId)
    {
        var work = _saved.Where(s => s.TransactionId == transactionId).Select(s => s.Work).ToList();
        _saved.RemoveAll(s => s.TransactionId == transactionId);
        return work;
    }

    private async Task RunAsync(List<Func<IServiceProvider, CancellationToken, Task>> work, CancellationToken ct)
    {
        foreach (var item in work)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await item(scope.ServiceProvider, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError("Work after a commit failed ({Error})", e.GetType().Name);
            }
        }
    }
}
