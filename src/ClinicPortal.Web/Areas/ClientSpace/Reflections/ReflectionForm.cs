using ClinicPortal.Core.Reconnecting;
using ClinicPortal.Web.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ClinicPortal.Web.Areas.ClientSpace.Reflections;

/// <summary>A readiness reflection: who it is about and one optional answer per <see cref="ReadinessQuestion"/> (named after it).</summary>
public sealed class ReflectionForm
{
    [BindingMessage("Choose who this reflection is about.")]
    public Guid? BoundaryId { get; set; }
    public string? Resentment { get; set; }
    public string? Expectations { get; set; }
    public string? WillAccept { get; set; }
    public string? WontAccept { get; set; }
    public string? WhyNow { get; set; }
    public string? IfItGoesBadly { get; set; }

    [BindNever]
    public IReadOnlyList<ReflectionChoice> People { get; set; } = [];

    public string? this[ReadinessQuestion question] => question switch
    {
        ReadinessQuestion.Resentment => Resentment,
        ReadinessQuestion.Expectations => Expectations,
        ReadinessQuestion.WillAccept => WillAccept,
        ReadinessQuestion.WontAccept => WontAccept,
        ReadinessQuestion.WhyNow => WhyNow,
        ReadinessQuestion.IfItGoesBadly => IfItGoesBadly,
        _ => null,
    };

    public IEnumerable<ReflectionAnswer<ReadinessQuestion>> Answers() =>
        Enum.GetValues<ReadinessQuestion>().Select(q => new ReflectionAnswer<ReadinessQuestion>(q, this[q] ?? ""));
}
