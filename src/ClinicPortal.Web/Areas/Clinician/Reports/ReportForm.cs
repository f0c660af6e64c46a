using ClinicPortal.Core.Reports;
using ClinicPortal.Web.Mvc;

namespace ClinicPortal.Web.Areas.Clinician.Reports;

/// <summary>The report options as posted (free text is POSTed, never put in a URL).</summary>
public sealed class ReportForm
{
    [BindingMessage(DatesMessage)]
    public DateOnly? From { get; set; }
    [BindingMessage(DatesMessage)]
    public DateOnly? To { get; set; }
    /// <summary>The client copy is the default: it is the one that can do no harm if handed to the wrong reader.</summary>
    [BindingMessage("Choose who the report is for: the client or another provider.")]
    public ReportAudience Audience { get; set; } = ReportAudience.Client;
    [BindingMessage("Choose the sections from the list.")]
    public List<ReportSections> Sections { get; set; } = [];
    /// <summary>Who the report is handed to (disclosure accounting); anyone but the client is named.</summary>
    [BindingMessage(ReportDisclosure.ChooseMessage)]
    public ReportRecipient Recipient { get; set; } = ReportRecipient.Client;
    public string? RecipientName { get; set; }

    private const string DatesMessage = "Enter the period's dates as day, month and year.";
    public string? Summary { get; set; }

    public sealed record SectionChoice(ReportSections Section, string Label, string Hint, bool ProviderOnly = false);

    public static readonly IReadOnlyList<SectionChoice> Choices =
    [
        new(ReportSections.StagePath, "Stage path", "Assessments in the period, with moves back marked, and a step chart."),
        new(ReportSections.CheckIns, "Check-in trends", "Mood and urge over time; setbacks and contact attempts counted and marked. Journal entries are never included."),
        new(ReportSections.BoundaryPlan, "Boundary plan", "Contact level per boundary at the end of the period and its changes during it."),
        new(ReportSections.SupportNetwork, "Support network", "Counts by role and crisis contacts. The client copy shows supportive people only."),
        new(ReportSections.SafetyConcerns, "Safety concerns", "Opened, resolved and still open, with severity.", ProviderOnly: true),
        new(ReportSections.Attendance, "Attendance", "Sessions kept, cancelled and missed; how many notes were written."),
        new(ReportSections.Measures, "Questionnaires", "PHQ-9, GAD-7 and PCL-5 scores in the period, change from the first score and reliable change. The client copy says it in plain words."),
        new(ReportSections.TreatmentPlan, "Treatment plan and tasks", "The plan signed by the period's end, its goals, and the tasks given, done and overdue."),
    ];

    public static ReportForm Defaults(DateOnly today)
    {
        var period = ReportPeriod.Default(today);
        return new ReportForm { From = period.Start, To = period.End, Sections = Choices.Select(c => c.Section).ToList() };
    }

    public bool Has(ReportSections section) => Sections.Contains(section);

    /// <summary>Who the report goes to; throws <see cref="Core.Common.DomainRuleException"/> with a message for the page.</summary>
    public ReportDisclosure ToDisclosure() => ReportDisclosure.Create(Recipient, RecipientName);

    /// <summary>Checks every choice; throws <see cref="Core.Common.DomainRuleException"/> with a message for the page.</summary>
    public ReportOptions ToOptions(DateOnly today) =>
        ReportOptions.Create(ReportPeriod.Create(From, To, today), Sections.Aggregate(ReportSections.None, (all, s) => all | s), Audience, Summary);
}
