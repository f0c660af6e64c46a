namespace ClinicPortal.Web.Areas.ClientSpace.ClientTasks;

/// <summary>A task on the client's list: what, by when, and when they ticked it off.</summary>
public sealed record MyTask(Guid Id, string Title, DateOnly DueOn, DateTimeOffset? DoneAt, bool Overdue);

public sealed record MyTasksPage(IReadOnlyList<MyTask> Tasks, TimeZoneInfo Zone, bool ReadOnly);
