using ClinicPortal.Core.Measures;
using Microsoft.AspNetCore.Mvc;

namespace ClinicPortal.Web.Features.Measures;

/// <summary>What the questionnaire's fields show: the instrument's wording and the answers chosen so far.</summary>
public sealed record QuestionnaireFields(Instrument Instrument, IReadOnlyList<int?> Answers, bool ReadOnly);

/// <summary>
/// A questionnaire's items as radio groups, one fieldset per item, the same for the client in their space and for the
/// clinician entering answers in session. The wording comes from <see cref="Instruments"/> only: nothing here edits it.
/// </summary>
public sealed class QuestionnaireViewComponent : ViewComponent
{
    public IViewComponentResult Invoke(QuestionnaireFields fields) =>
        View("~/Features/Measures/_Questionnaire.cshtml", fields);
}
