using ClinicPortal.Core.CheckIns;
using ClinicPortal.Core.Incidents;

namespace ClinicPortal.Web.Features.Incidents;

/// <summary>One line of a client's incident list.</summary>
public sealed record IncidentRow(Guid Id, DateTimeOffset OccurredAt, ContactChannel Channel, string Account, string? PersonName, bool IsPrivate,
    IncidentAuthor WrittenBy, int Addenda)
{
    /// <summary>The boundary person it names, for the protective-order breach rule.</summary>
    public Guid? BoundaryId { get; init; }
}

/// <summary>A page of a client's incidents, newest first by when they happened.</summary>
public sealed record IncidentListPage(IReadOnlyList<IncidentRow> Rows, int Page, bool HasMore, TimeZoneInfo Zone, bool ReadOnly, bool ForClient)
{
    public const int Size = 20;
    /// <summary>Rows that may breach one of the client's protective orders (staff pages only).</summary>
    public IReadOnlySet<Guid> PossibleBreaches { get; init; } = new HashSet<Guid>();
    public string Local(DateTimeOffset t) => IncidentWords.Local(t, Zone);
}

/// <summary>An addendum as shown: its author and time, and its own hash check.</summary>
public sealed record AddendumView(Guid Id, string Text, IncidentAuthor WrittenBy, string? AuthorName, DateTimeOffset WrittenAt, string ContentHash, bool Intact);

/// <summary>An entry as shown, with the person named, who wrote it, and whether its stored hash still matches.</summary>
public sealed record IncidentView(IncidentEntry Entry, string? PersonName, string? AuthorName, bool Intact, IReadOnlyList<AddendumView> Addenda)
{
    /// <summary>The client's protective orders covering the person it names (read with the entry; none in the client's scope).</summary>
    public IReadOnlyList<Core.ProtectiveOrders.ProtectiveOrder> Orders { get; init; } = [];
}

/// <summary>The detail page: the entry, its addenda, the correction window and the addendum form.</summary>
public sealed record IncidentDetailPage(IncidentView View, AddendumForm Addendum, TimeZoneInfo Zone, bool ForClient, bool ReadOnly, bool CanCorrect)
{
    public IncidentEntry Entry => View.Entry;
    /// <summary>It may breach one of the client's protective orders (staff pages only).</summary>
    public bool PossibleBreach { get; init; }
    public bool AllIntact => View.Intact && View.Addenda.All(a => a.Intact);
    public string Local(DateTimeOffset t) => IncidentWords.Local(t, Zone);
    /// <summary>Who wrote a piece, in the words of the page's reader.</summary>
    public string Author(IncidentAuthor by, string? name) => ForClient
        ? by == IncidentAuthor.Client ? "you" : "your clinician"
        : by == IncidentAuthor.Client ? "the client" : name ?? "a clinician";
}

/// <summary>The form page: new, or a correction inside the window (then <see cref="CorrectableUntil"/>).</summary>
public sealed record IncidentFormPage(Guid? IncidentId, IncidentForm Form, TimeZoneInfo Zone, DateTimeOffset? CorrectableUntil, bool ForClient)
{
    public string Local(DateTimeOffset t) => IncidentWords.Local(t, Zone);
}

public static class IncidentWords
{
    public static string Local(DateTimeOffset t, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(t, zone).ToString("ddd d MMM yyyy, HH:mm");

    /// <summary>The first words of an account for a list line.</summary>
    public static string Excerpt(string account, int length = 120) => account.Length <= length ? account : account[..length].TrimEnd() + "…";
}
