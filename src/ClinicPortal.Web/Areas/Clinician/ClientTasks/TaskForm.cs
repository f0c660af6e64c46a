using ClinicPortal.Core.ClientTasks;
using ClinicPortal.Web.Mvc;

namespace ClinicPortal.Web.Areas.Clinician.ClientTasks;

/// <summary>A task to give, or one given already to change (then with the version it was shown at).</summary>
public sealed class TaskForm : IVersionedForm
{
    public uint Version { get; set; }

    public string? Title { get; set; }

    [BindingMessage("Choose a due date for the task.")]
    public DateOnly? DueOn { get; set; }

    public static TaskForm From(ClientTask t) => new() { Title = t.Title, DueOn = t.DueOn };
}
