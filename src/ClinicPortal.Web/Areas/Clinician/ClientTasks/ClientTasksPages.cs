namespace ClinicPortal.Web.Areas.Clinician.ClientTasks;

/// <summary>A task on the clinician's list: open or done (and when the client ticked it off), overdue when open past its date.</summary>
public sealed record TaskRow(Guid Id, string Title, DateOnly DueOn, DateTimeOffset GivenAt, DateTimeOffset? CompletedAt, bool Overdue);

/// <param name="Form">The form to give a new task (shown again with its message after a refusal).</param>
public sealed record ClientTasksPage(bool ReadOnly, IReadOnlyList<TaskRow> Tasks, TaskForm Form, TimeZoneInfo Zone);

public sealed record TaskEditPage(bool ReadOnly, Guid TaskId, TaskForm Form);
