using ClinicPortal.Core.CheckIns;
using ClinicPortal.Web.Mvc;

namespace ClinicPortal.Web.Areas.ClientSpace.CheckIns;

/// <summary>The form page, for a new check-in (no id) or one still within its edit window.</summary>
public sealed record CheckInFormPage(Guid? CheckInId, CheckInForm Form, IReadOnlyList<string> SelfCareOptions, DateTimeOffset? EditableUntil, TimeZoneInfo Zone)
{
    public bool IsNew => CheckInId is null;
}

/// <summary>One of the client's own check-ins, with their journal (shared or private) for their eyes.</summary>
public sealed record MyCheckIn(
    Guid Id, DateTimeOffset CreatedAt, int Mood, int Urge, SleepQuality? Sleep, bool ContactAttempted, ContactChannel? Channel,
    string? ContactNote, bool BrokeContact, string[] SelfCare, string? Journal, bool JournalShared, bool Editable)
{
    public bool LookedThemUp { get; init; }
    public string? OwnReason { get; init; }
    public EmotionTag[] Emotions { get; init; } = [];
    public IReadOnlyList<PersonAnswerView> People { get; init; } = [];
}

/// <summary>What the form offers: the self-care items, and the people of the client's plan (asked about one by one when there are several).</summary>
public sealed record CheckInOptions(IReadOnlyList<string> SelfCare, IReadOnlyList<CheckInPersonChoice> People)
{
    public IReadOnlyCollection<Guid> BoundaryIds => People.Select(p => p.BoundaryId).ToList();

    public CheckInForm Offer(CheckInForm form)
    {
        form.Offered = People;
        return form;
    }
}

public sealed record MyCheckInsPage(IReadOnlyList<MyCheckIn> CheckIns, TimeZoneInfo Zone)
{
    /// <summary>The data block check-in-chart.js reads (oldest first); mood and urge only, no markers on the client's own chart.</summary>
    public object ChartData() => new
    {
        markers = false,
        points = CheckIns.OrderBy(c => c.CreatedAt).Select(c => new
        {
            t = c.CreatedAt.ToUnixTimeMilliseconds(), mood = c.Mood, urge = c.Urge, setback = false, contact = false,
        }),
    };
}

/// <summary>One check-in as the client's pages show it, in their time zone.</summary>
public sealed record MyCheckInView(MyCheckIn CheckIn, TimeZoneInfo Zone);

/// <summary>A check-in past its edit window (or shown after a refused change), read-only.</summary>
public sealed record MyCheckInPage(MyCheckIn CheckIn, TimeZoneInfo Zone, string? Error);
