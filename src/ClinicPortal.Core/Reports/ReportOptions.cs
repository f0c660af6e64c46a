using System.Globalization;
using ClinicPortal.Core.Common;

namespace ClinicPortal.Core.Reports;

/// <summary>Who the report is for. The client copy leaves out safety assessments and risk labels.</summary>
public enum ReportAudience
{
    Client = 0,
    /// <summary>A supervisor or another provider: everything, including safety concerns and risk labels.</summary>
    Provider = 1,
}

/// <summary>The parts of a report a clinician can include. The clinician summary is included whenever one is written.</summary>
[Flags]
public enum ReportSections
{
    None = 0,
    StagePath = 1,
    CheckIns = 2,
    BoundaryPlan = 4,
    SupportNetwork = 8,
    SafetyConcerns = 16,
    Attendance = 32,
    /// <summary>The questionnaires answered in the period, read against the first score as of the period's end.</summary>
    Measures = 64,
    /// <summary>The treatment plan signed by the period's end and the tasks between sessions.</summary>
    TreatmentPlan = 128,
    All = StagePath | CheckIns | BoundaryPlan | SupportNetwork | SafetyConcerns | Attendance | Measures | TreatmentPlan,
}

/// <summary>The days a report covers, both ends included, in the clinic's calendar.</summary>
public sealed record ReportPeriod(DateOnly Start, DateOnly End)
{
    public const int DefaultDays = 90, MaxYears = 10;

    /// <summary>The last 90 days, today included.</summary>
    public static ReportPeriod Default(DateOnly today) => new(today.AddDays(-(DefaultDays - 1)), today);

    public static ReportPeriod Create(DateOnly? start, DateOnly? end, DateOnly today)
    {
        if (start is not { } from) throw new DomainRuleException("Choose the first day of the period.");
        if (end is not { } to) throw new DomainRuleException("Choose the last day of the period.");
        if (to < from)
            throw new DomainRuleException("The period ends before it starts. Choose an end date on or after the start date.");
        if (to > today)
            throw new DomainRuleException($"The period cannot go beyond today ({Format(today)}): a report covers what has already happened.");
        if (from < to.AddYears(-MaxYears))
            throw new DomainRuleException($"A report can cover at most {MaxYears} years. Choose a later start date.");
        return new ReportPeriod(from, to);
    }

    public int Days => End.DayNumber - Start.DayNumber + 1;

    public bool Contains(DateOnly day) => day >= Start && day <= End;

    public override string ToString() => $"{Format(Start)} – {Format(End)}";

    public static string Format(DateOnly day) => day.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
}

/// <summary>What the clinician chose for one report.</summary>
public sealed record ReportOptions
{
    public const int SummaryMax = 6000;

    public ReportPeriod Period { get; }
    public ReportSections Sections { get; }
    public ReportAudience Audience { get; }
    /// <summary>Written for this report only; never stored.</summary>
    public string? ClinicianSummary { get; }

    private ReportOptions(ReportPeriod period, ReportSections sections, ReportAudience audience, string? summary) =>
        (Period, Sections, Audience, ClinicianSummary) = (period, sections, audience, summary);

    /// <summary>
    /// Checks the choices. A client copy never carries the safety section, whatever was ticked: safety
    /// assessments are not shown to clients.
    /// </summary>
    public static ReportOptions Create(ReportPeriod period, ReportSections sections, ReportAudience audience, string? clinicianSummary)
    {
        if (!Enum.IsDefined(audience)) throw new DomainRuleException("Choose who the report is for: the client or another provider.");
        if ((sections & ~ReportSections.All) != 0) throw new DomainRuleException("Unknown report section.");
        if (audience == ReportAudience.Client) sections &= ~ReportSections.SafetyConcerns;
        if (sections == ReportSections.None) throw new DomainRuleException("Choose at least one section to include.");
        var summary = Guard.Optional(clinicianSummary?.Replace("\r\n", "\n").Replace('\r', '\n'), "Clinician summary", SummaryMax);
        return new ReportOptions(period, sections, audience, summary);
    }

    public bool Includes(ReportSections section) => (Sections & section) == section;
}
