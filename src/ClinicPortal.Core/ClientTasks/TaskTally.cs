namespace ClinicPortal.Core.ClientTasks;

/// <summary>A task as it stood at a moment: done or not, and when it was ticked off.</summary>
public sealed record TaskAsOf(Guid Id, string Title, DateOnly DueOn, DateTimeOffset GivenAt, DateTimeOffset? DoneAt, bool Overdue);

/// <summary>The tasks of a report's period: how many were given, done and overdue at its end, and the list.</summary>
public sealed record TaskTally(int Given, int Done, int Overdue, IReadOnlyList<TaskAsOf> Tasks)
{
    /// <summary>
    /// The tasks given by the period's end that were due in the period or given in it, each as it stood at the end
    /// (<paramref name="end"/>, the moment; <paramref name="endDay"/>, its day): done if the last tick by then was a tick off,
    /// overdue if not done and due before the end's day.
    /// </summary>
    public static TaskTally Of(IEnumerable<(Guid Id, string Title, DateOnly DueOn, DateTimeOffset GivenAt)> tasks,
        IEnumerable<(Guid TaskId, bool Done, DateTimeOffset At)> ticks, DateTimeOffset start, DateOnly startDay, DateTimeOffset end, DateOnly endDay)
    {
        var lastTick = ticks.Where(t => t.At <= end).GroupBy(t => t.TaskId).ToDictionary(g => g.Key, g => g.MaxBy(t => t.At));
        var list = tasks.Where(t => t.GivenAt <= end && (t.GivenAt >= start || t.DueOn >= startDay))
            .OrderBy(t => t.DueOn).ThenBy(t => t.GivenAt)
            .Select(t =>
            {
                var doneAt = lastTick.TryGetValue(t.Id, out var tick) && tick.Done ? tick.At : (DateTimeOffset?)null;
                return new TaskAsOf(t.Id, t.Title, t.DueOn, t.GivenAt, doneAt, ClientTask.Overdue(doneAt is not null, t.DueOn, endDay));
            }).ToList();
        return new TaskTally(list.Count(t => t.GivenAt >= start), list.Count(t => t.DoneAt is not null), list.Count(t => t.Overdue), list);
    }
}
