using ClinicPortal.Web.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ClinicPortal.Web.Areas.Admin.OnCall;

/// <summary>The weekly on-call rota: a clinician (or nobody) per day of the week, each field named after its <see cref="DayOfWeek"/>.</summary>
public sealed class OnCallForm
{
    private const string Unreadable = "Choose a clinician from the list, or nobody.";

    [BindingMessage(Unreadable)] public Guid? Monday { get; set; }
    [BindingMessage(Unreadable)] public Guid? Tuesday { get; set; }
    [BindingMessage(Unreadable)] public Guid? Wednesday { get; set; }
    [BindingMessage(Unreadable)] public Guid? Thursday { get; set; }
    [BindingMessage(Unreadable)] public Guid? Friday { get; set; }
    [BindingMessage(Unreadable)] public Guid? Saturday { get; set; }
    [BindingMessage(Unreadable)] public Guid? Sunday { get; set; }

    /// <summary>The days in the clinic's week order, Monday first.</summary>
    public static readonly IReadOnlyList<DayOfWeek> Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    /// <summary>The active clinicians one may put on call.</summary>
    [BindNever]
    public IReadOnlyList<(Guid Id, string Name)> Clinicians { get; set; } = [];

    public Guid? this[DayOfWeek day]
    {
        get => (Guid?)GetType().GetProperty(day.ToString())!.GetValue(this);
        set => GetType().GetProperty(day.ToString())!.SetValue(this, value);
    }

    /// <summary>The days someone is on call.</summary>
    public Dictionary<DayOfWeek, Guid> Rota() => Week.Where(d => this[d] is not null).ToDictionary(d => d, d => this[d]!.Value);
}
