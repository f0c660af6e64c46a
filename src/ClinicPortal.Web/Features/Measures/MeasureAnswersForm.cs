using ClinicPortal.Web.Mvc;

namespace ClinicPortal.Web.Features.Measures;

/// <summary>
/// The item answers of one questionnaire, posted as <c>Answers[0]</c>… by the client in their space or by the clinician
/// in session. The instrument comes from the stored response, never from the form.
/// </summary>
public sealed class MeasureAnswersForm : IVersionedForm
{
    public const string UnreadableAnswer = "An answer could not be read: choose one of the answers shown for every question.";

    public uint Version { get; set; }

    [BindingMessage(UnreadableAnswer)]
    public List<int?> Answers { get; set; } = [];

    /// <summary>"Save and finish later" keeps a draft; otherwise the answers are sent.</summary>
    public bool SaveOnly { get; set; }

    /// <summary>The answers padded or cut to the instrument's length: a missing item is unanswered, an extra one refused.</summary>
    public IReadOnlyList<int?> For(int items) =>
        Answers.Count > items ? Answers : [.. Answers, .. Enumerable.Repeat((int?)null, items - Answers.Count)];
}
