using ClinicPortal.Core.Measures;
using ClinicPortal.Web.Areas.ClientSpace.Unsafe;
using ClinicPortal.Web.Features.Measures;

namespace ClinicPortal.Web.Areas.ClientSpace.Measures;

/// <summary>A questionnaire waiting for the client, and how far they got.</summary>
public sealed record MyOpenMeasure(Guid Id, string Name, DateTimeOffset DueAt, int Answered, int Items);

/// <summary>A score over time, in the client's own plain words (no severity labels).</summary>
public sealed record MySharedTrend(string Name, IReadOnlyList<(DateTimeOffset At, int Total, string Words)> Points, int MaxTotal);

public sealed record MyMeasuresPage(IReadOnlyList<MyOpenMeasure> Open, IReadOnlyList<MySharedTrend> Trends, TimeZoneInfo Zone, bool ReadOnly);

/// <summary>One questionnaire to answer (or, once sent, read back).</summary>
public sealed record MyMeasurePage(Guid Id, Instrument Instrument, bool Submitted, QuestionnaireFields Fields, MeasureAnswersForm Form, string? Refusal);

/// <summary>After answers that flagged the safety item: the crisis numbers at once, and what was done.</summary>
public sealed record MeasureSentPage(IReadOnlyList<CrisisLine> Lines, bool Discreet);
