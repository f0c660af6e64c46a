using ClinicPortal.Core.Reconnecting;

namespace ClinicPortal.Web.Areas.ClientSpace.Reflections;

/// <summary>The short debrief after a trial: one optional answer per <see cref="DebriefQuestion"/> (named after it).</summary>
public sealed class DebriefForm
{
    public string? HowItFelt { get; set; }
    public string? WhatHelped { get; set; }
    public string? WhatYouNeedNow { get; set; }
    public string? ForNextTime { get; set; }

    public string? this[DebriefQuestion question] => question switch
    {
        DebriefQuestion.HowItFelt => HowItFelt,
        DebriefQuestion.WhatHelped => WhatHelped,
        DebriefQuestion.WhatYouNeedNow => WhatYouNeedNow,
        DebriefQuestion.ForNextTime => ForNextTime,
        _ => null,
    };

    public IEnumerable<ReflectionAnswer<DebriefQuestion>> Answers() =>
        Enum.GetValues<DebriefQuestion>().Select(q => new ReflectionAnswer<DebriefQuestion>(q, this[q] ?? ""));
}
