using ClinicPortal.Core.Reconnecting;

namespace ClinicPortal.Web.Areas.ClientSpace.Reflections;

/// <summary>A boundary with the door open, as the client may choose it for a reflection.</summary>
public sealed record ReflectionChoice(Guid BoundaryId, string PersonName);

public sealed record MyReflection(DateTimeOffset At, string PersonName, IReadOnlyList<ReflectionAnswer<ReadinessQuestion>> Answers, DateTimeOffset? ReviewedAt);

public sealed record ReflectionPage(bool ReadOnly, ReflectionForm Form, IReadOnlyList<MyReflection> Earlier, TimeZoneInfo Zone);

/// <param name="Due">False when there is no ended trial waiting for its questions: the page says so.</param>
public sealed record DebriefPage(bool ReadOnly, bool Due, DebriefForm Form);
