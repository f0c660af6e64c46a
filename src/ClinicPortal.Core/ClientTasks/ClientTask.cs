using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Common;

namespace ClinicPortal.Core.ClientTasks;

/// <summary>
/// Something the clinician asks the client to do between sessions ("write three reasons of your own"), by a due date.
/// The client ticks it off in their space, and may untick it; every tick is kept (<see cref="ClientTaskTick"/>) so a report
/// shows the tasks as they stood at the end of its period.
/// </summary>
public sealed class ClientTask : IClientVisibleRecord
{
    public const int TitleMax = 300;

    public Guid Id { get; private set; }
    public Guid ClientId { get; private set; }
    public string Title { get; private set; } = "";
    public DateOnly DueOn { get; private set; }
    public Guid GivenById { get; private set; }
    public DateTimeOffset GivenAt { get; private set; }
    /// <summary>When the client ticked it off; null while it is open (or since they unticked it).</summary>
    public DateTimeOffset? CompletedAt { get; private set; }

    private ClientTask() { }

    public static ClientTask Give(Guid clientId, string? title, DateOnly? dueOn, Guid byId, DateTimeOffset now, DateOnly today) => new()
    {
        Id = Guid.NewGuid(), ClientId = clientId, Title = Guard.Required(title, "The task", TitleMax),
        DueOn = CheckDue(dueOn, null, today), GivenById = byId, GivenAt = now,
    };

    /// <summary>The clinician rewords the task or moves its date; a date already saved may have passed, a new one may not be in the past.</summary>
    public void Change(string? title, DateOnly? dueOn, DateOnly today)
    {
        var checkedTitle = Guard.Required(title, "The task", TitleMax);
        (Title, DueOn) = (checkedTitle, CheckDue(dueOn, DueOn, today));
    }

    /// <summary>The client ticks the task off (or unticks it): the tick to keep, or null when it already stood so (nothing changes).</summary>
    public ClientTaskTick? Tick(bool done, DateTimeOffset now)
    {
        if (done == (CompletedAt is not null)) return null;
        CompletedAt = done ? now : null;
        return new ClientTaskTick(this, done, now);
    }

    public bool IsOverdue(DateOnly today) => Overdue(CompletedAt is not null, DueOn, today);

    /// <summary>A task not done by the end of its due day is overdue from the next day on.</summary>
    public static bool Overdue(bool done, DateOnly dueOn, DateOnly today) => !done && dueOn < today;

    private static DateOnly CheckDue(DateOnly? dueOn, DateOnly? saved, DateOnly today)
    {
        if (dueOn is not { } due) throw new DomainRuleException("Choose a due date for the task.");
        if (due < today && due != saved) throw new DomainRuleException("The due date is in the past. Choose today or a later date.");
        return due;
    }
}

/// <summary>One tick (or untick) of a task by the client, kept so the task's state on any past day can be told.</summary>
public sealed class ClientTaskTick : IClientVisibleRecord
{
    public Guid Id { get; private set; }
    public Guid TaskId { get; private set; }
    public Guid ClientId { get; private set; }
    public bool Done { get; private set; }
    public DateTimeOffset At { get; private set; }

    private ClientTaskTick() { }

    internal ClientTaskTick(ClientTask task, bool done, DateTimeOffset at) =>
        (Id, TaskId, ClientId, Done, At) = (Guid.NewGuid(), task.Id, task.ClientId, done, at);
}
