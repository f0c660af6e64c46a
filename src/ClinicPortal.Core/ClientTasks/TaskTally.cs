namespace ClinicPortal.Core.ClientTasks;

/// <summary>A task as it stood at the end of a period: done or not (and when it was ticked off), overdue or not.</summary>
public sealed record TaskAsOf(Guid Id, string Title, DateOnly DueOn, DateOnly GivenOn, DateTimeOffset? DoneAt, bool Overdue, DateOnly? DoneOn = null);

/// <summary>The tasks of a report's period: how many were given in it, done and overdue at its end, and the list.</summary>
public sealed record TaskTally(int Given, int Done, int Overdue, IReadOnlyList<TaskAsOf> Tasks)
{
    /// <summary>
    /// The tasks given by the period's last day that were given in the period or due in it, each as it stood at the end of
    /// that day (<paramref name="dayOf"/> gives an instant's day in the clinic's calendar): done if the last tick by then
    /// ticked it off, overdue if not done and due before the last day.
    /// </summary>
    public static TaskTally Of(IEnumerable<(Guid Id, string Title, DateOnly DueOn, DateTimeOffset GivenAt)> tasks,
        IEnumerable<(Guid TaskId, bool Done, DateTimeOffset At)> ticks, DateOnly start, DateOnly end, Func<DateTimeOffset, DateOnly> dayOf)
    {
        var lastTick = ticks.Where(t => dayOf(t.At) <= end).GroupBy(t => t.TaskId).ToDictionary(g => g.Key, g => g.MaxBy(t => t.At));
        var list = tasks.Select(t => (Task: t, GivenOn: dayOf(t.GivenAt)))
            .Where(t => t.GivenOn <= end && (t.GivenOn >= start || t.Task.DueOn >= start))
            .OrderBy(t => t.Task.DueOn).ThenBy(t => t.Task.GivenAt)
            .Select(t =>
            {
                var doneAt = lastTick.TryGetValue(t.Task.Id, out var tick) && tick.Done ? tick.At : (DateTimeOffset?)null;
                return new TaskAsOf(t.Task.Id, t.Task.Title, t.Task.DueOn, t.GivenOn, doneAt, ClientTask.Overdue(doneAt is not null, t.Task.DueOn, end),
                    doneAt is { } at ? dayOf(at) : null);
            }).ToList();
        return new TaskTally(list.Count(t => t.GivenOn >= start), list.Count(t => t.DoneAt is not null), list.Count(t => t.Overdue), list);
    }
}
