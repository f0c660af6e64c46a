using ClinicPortal.Core.CheckIns;
using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Safety;
using Microsoft.AspNetCore.Html;

namespace ClinicPortal.Web.Areas.Clinician.Shared;

/// <summary>
/// The small badges clinician pages repeat per row (status, severity, check-in signals), as plain HTML rather than
/// partial views: a partial per cell costs a view lookup and a view context, which a 50-row caseload feels.
/// </summary>
public static class Badges
{
    public static IHtmlContent Status(ClientStatus status)
    {
        var (label, css) = status switch
        {
            ClientStatus.Active => ("Active", "text-bg-success"),
            ClientStatus.OnHold => ("On hold", "text-bg-warning"),
            _ => ("Discharged", "text-bg-secondary"),
        };
        return new HtmlString($"<span class=\"badge {css}\" data-testid=\"status\">{label}</span>");
    }

    public static IHtmlContent Severity(ConcernSeverity severity)
    {
        var css = severity switch
        {
            ConcernSeverity.Imminent => "text-bg-danger",
            ConcernSeverity.High => "text-bg-warning",
            ConcernSeverity.Moderate => "text-bg-info",
            _ => "text-bg-light",
        };
        return new HtmlContentBuilder()
            .AppendHtml($"<span class=\"badge {css} severity-badge\" data-testid=\"severity\">")
            .Append(SafetyLabels.Of(severity))
            .AppendHtml("</span>");
    }

    public static IHtmlContent CheckInSignals(CheckInSignalSet signals)
    {
        if (!signals.Any) return HtmlString.Empty;
        var html = new HtmlContentBuilder().AppendHtml("<span class=\"signal-badges\" data-testid=\"check-in-signals\">");
        if (signals.RisingUrge)
            html.AppendHtml("<span class=\"badge text-bg-warning\" data-testid=\"signal-urge\">")
                .Append(signals.UrgeAtThreshold ? $"Urge high ({signals.LatestUrge}/10)" : "Urge rising").AppendHtml("</span>");
        if (signals.Setback) html.AppendHtml("<span class=\"badge text-bg-danger\" data-testid=\"signal-setback\">Setback</span>");
        if (signals.ContactAttempt) html.AppendHtml("<span class=\"badge text-bg-info\" data-testid=\"signal-contact\">Contact attempt</span>");
        if (signals.QuietDays is { } days)
            html.AppendHtml("<span class=\"badge text-bg-secondary\" data-testid=\"signal-quiet\">").Append($"No check-in for {days} d").AppendHtml("</span>");
        return html.AppendHtml("</span>");
    }
}
