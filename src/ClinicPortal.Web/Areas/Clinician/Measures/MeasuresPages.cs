using ClinicPortal.Core.Clinics;
using ClinicPortal.Core.Measures;
using ClinicPortal.Core.Reports;
using ClinicPortal.Web.Features.Measures;

namespace ClinicPortal.Web.Areas.Clinician.Measures;

/// <summary>A questionnaire given and not yet sent back (perhaps with a draft).</summary>
public sealed record OpenMeasureRow(Guid Id, string InstrumentCode, DateTimeOffset DueAt, int Answered, int Items);

public sealed record ScheduleRow(Guid Id, string InstrumentCode, ScheduleKind Kind, int? IntervalWeeks, int? HoursBefore, bool ShareTrend, DateTimeOffset CreatedAt,
    DateTimeOffset StartsAt)
{
    public string Describe(TimeZoneInfo zone) => Kind switch
    {
        ScheduleKind.EveryWeeks => $"Every {IntervalWeeks} week{(IntervalWeeks == 1 ? "" : "s")}",
        ScheduleKind.Once => $"Once, opening {ReportPeriod.Format(ClinicTime.DayOf(StartsAt, zone))}",
        _ => $"{HoursBefore} hour{(HoursBefore == 1 ? "" : "s")} before each session",
    };
}

/// <summary>The client's questionnaires: scores per instrument, those still open, the schedules, and the forms to give more.</summary>
public sealed record MeasuresPage(IReadOnlyList<ScoreTrend> Trends, IReadOnlyList<OpenMeasureRow> Open, IReadOnlyList<ScheduleRow> Schedules,
    GiveMeasureForm Give, MeasureScheduleForm Schedule, TimeZoneInfo Zone, bool ReadOnly);

public sealed record MeasureNoteRow(DateTimeOffset CreatedAt, string Author, string Text);

/// <summary>One response: the answers as the client gave them (or the in-session form while open), and the clinician's notes.</summary>
public sealed record MeasureResponsePage(Guid Id, Instrument Instrument, string InstrumentVersion, DateTimeOffset DueAt, DateTimeOffset? SubmittedAt,
    int? Total, bool SafetyFlag, bool EnteredInSession, QuestionnaireFields Fields, MeasureAnswersForm Answers,
    IReadOnlyList<MeasureNoteRow> Notes, MeasureNoteForm Note, TimeZoneInfo Zone, bool ReadOnly)
{
    public bool IsSubmitted => SubmittedAt is not null;
    public ScoreBand? Band => Total is { } t ? Instrument.BandOf(t) : null;
}
