using System.Globalization;
using System.Reflection;
using ClinicPortal.Core.Auditing;
using ClinicPortal.Infrastructure.Auditing;

namespace ClinicPortal.Web.Areas.Admin.Audit;

/// <summary>The viewer's filters as they arrive in the query string (ids, verbs and dates only: nothing clinical).</summary>
public sealed class AuditFilterForm
{
    public string? User { get; set; }
    public string? Client { get; set; }
    public string? Action { get; set; }
    /// <summary>yyyy-MM-dd, a day in the clinic's time zone (inclusive).</summary>
    public string? From { get; set; }
    public string? To { get; set; }
    /// <summary>Only the rows that record a disclosure (a report handed to someone).</summary>
    public bool Disclosures { get; set; }
    public long? Older { get; set; }
    public long? Newer { get; set; }

    public static IReadOnlyList<string> KnownActions { get; } = typeof(AuditActions).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!).Order(StringComparer.Ordinal).ToList();

    /// <summary>The filter, or the reasons it cannot be read (each fit for the page).</summary>
    public (AuditFilter? Filter, IReadOnlyList<string> Errors) Parse(TimeZoneInfo zone)
    {
        var errors = new List<string>();
        Guid? user = null, client = null;
        DateOnly? from = null, to = null;
        if (!string.IsNullOrWhiteSpace(User))
        {
            if (Guid.TryParse(User.Trim(), out var u)) user = u;
            else errors.Add("The user filter is not a valid user id.");
        }
        if (!string.IsNullOrWhiteSpace(Client))
        {
            if (Guid.TryParse(Client.Trim(), out var c)) client = c;
            else errors.Add("Client id must be a client's id, e.g. 0f8fad5b-d9cb-469f-a165-70867728950e.");
        }
        var action = string.IsNullOrWhiteSpace(Action) ? null : Action.Trim();
        if (action is not null && (action.Length > 40 || !KnownActions.Contains(action))) errors.Add("Choose an action from the list.");
        if (!string.IsNullOrWhiteSpace(From))
        {
            if (DateOnly.TryParseExact(From.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var f)) from = f;
            else errors.Add("The From date is not a date (use yyyy-mm-dd).");
        }
        if (!string.IsNullOrWhiteSpace(To))
        {
            if (DateOnly.TryParseExact(To.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)) to = t;
            else errors.Add("The To date is not a date (use yyyy-mm-dd).");
        }
        if (from is { } a && to is { } b && a > b) errors.Add("The From date is after the To date.");
        if (Older is < 0 || Newer is < 0) errors.Add("The page link is not valid.");
        if (errors.Count > 0) return (null, errors);

        return (new AuditFilter(user, client, action, from is { } fd ? StartOf(fd, zone) : null, to is { } td ? StartOf(td.AddDays(1), zone) : null, Disclosures), []);
    }

    /// <summary>The query string for the same filters (paging cursors left out).</summary>
    public string FilterQueryString()
    {
        var parts = new List<string>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value)) parts.Add($"{key}={Uri.EscapeDataString(value.Trim())}");
        }
        Add("user", User);
        Add("client", Client);
        Add("action", Action);
        Add("from", From);
        Add("to", To);
        if (Disclosures) Add("disclosures", "true");
        return string.Join("&", parts);
    }

    private static DateTimeOffset StartOf(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
