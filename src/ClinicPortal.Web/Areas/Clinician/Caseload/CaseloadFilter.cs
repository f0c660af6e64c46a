using ClinicPortal.Web.Mvc;
using System.ComponentModel.DataAnnotations;
using ClinicPortal.Core.Caseload;

namespace ClinicPortal.Web.Areas.Clinician.Caseload;

public enum CaseloadSort { Name, Stage, LastCheckIn, Concerns, LastNote }

/// <summary>
/// What the caseload shows: a stage, a signal, a name search, a sort and a page. Stage, signal, sort and page
/// travel in the query string (ids and words of the app's own); the name search is only ever POSTed, so no
/// client's name reaches a URL or a log.
/// </summary>
public sealed class CaseloadFilter
{
    public const int PageSize = 50, SearchMax = 120;

    public const string UnknownMessage = "That filter is not one the caseload knows.";

    [BindingMessage(UnknownMessage)]
    public Guid? Stage { get; set; }
    [BindingMessage(UnknownMessage)]
    public CaseloadSignal? Signal { get; set; }
    [StringLength(SearchMax, ErrorMessage = "Search for at most 120 characters.")]
    public string? Search { get; set; }
    [BindingMessage(UnknownMessage)]
    public CaseloadSort Sort { get; set; } = CaseloadSort.Name;
    [BindingMessage(UnknownMessage)]
    public bool Descending { get; set; }
    [Range(1, int.MaxValue, ErrorMessage = "Choose a page from 1.")]
    [BindingMessage("Choose a page from 1.")]
    public int Page { get; set; } = 1;

    /// <summary>A header clicked while searching (a POST): sorts by that column, or turns it around if it is the current one.</summary>
    [BindingMessage(UnknownMessage)]
    public CaseloadSort? SortBy { get; set; }

    public string? SearchTerm => string.IsNullOrWhiteSpace(Search) ? null : Search.Trim();

    /// <summary>Applies a header click posted with the search (see <see cref="SortBy"/>).</summary>
    public void ApplySortBy()
    {
        if (SortBy is not { } sort) return;
        Descending = sort == Sort && !Descending;
        Sort = sort;
        Page = 1;
    }

    public bool IsFiltered => Stage is not null || Signal is not null || SearchTerm is not null;

    /// <summary>Route values for a link that keeps this filter but changes the sort (a header click) or the page.</summary>
    public Dictionary<string, string> Link(CaseloadSort? sort = null, int? page = null)
    {
        var values = new Dictionary<string, string>();
        if (Stage is { } stage) values["stage"] = stage.ToString();
        if (Signal is { } signal) values["signal"] = signal.ToString();
        var sortBy = sort ?? Sort;
        if (sortBy != CaseloadSort.Name) values["sort"] = sortBy.ToString();
        // Clicking the column already sorted turns it around.
        var descending = sort is null ? Descending : sort == Sort && !Descending;
        if (descending) values["descending"] = "true";
        if ((page ?? 1) > 1) values["page"] = page!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return values;
    }
}
