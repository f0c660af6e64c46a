using System.Net;
using System.Text.RegularExpressions;
using Xunit;

namespace ClinicPortal.IntegrationTests.Concurrency;

/// <summary>
/// The fields a browser would post from one form of a page (found by its target): text and hidden inputs, ticked
/// boxes and radios, text areas and chosen options; not disabled fields, buttons or the anti-forgery token.
/// </summary>
internal static partial class HtmlForm
{
    public static List<KeyValuePair<string, string>> FieldsOf(string html, string action)
    {
        var form = FormPattern().Matches(html).FirstOrDefault(m => WebUtility.HtmlDecode(Attr(m.Groups["attrs"].Value, "action")) == action);
        Assert.True(form is not null, $"No form posting to {action} on the page");
        var body = form.Groups["body"].Value;
        var fields = new List<(int At, string Name, string Value)>();
        foreach (Match input in InputPattern().Matches(body))
        {
            var attrs = input.Groups["attrs"].Value;
            var (name, type) = (Attr(attrs, "name"), Attr(attrs, "type") ?? "text");
            if (name is null || name == "__RequestVerificationToken" || Has(attrs, "disabled") || type is "submit" or "button") continue;
            if (type is "checkbox" or "radio" && !Has(attrs, "checked")) continue;
            fields.Add((input.Index, name, WebUtility.HtmlDecode(Attr(attrs, "value") ?? (type is "checkbox" or "radio" ? "on" : ""))));
        }
        foreach (Match area in TextAreaPattern().Matches(body))
        {
            var attrs = area.Groups["attrs"].Value;
            if (Attr(attrs, "name") is not { } name || Has(attrs, "disabled")) continue;
            var text = WebUtility.HtmlDecode(area.Groups["body"].Value);
            fields.Add((area.Index, name, text.StartsWith("\r\n") ? text[2..] : text.StartsWith('\n') ? text[1..] : text)); // as a browser drops it
        }
        foreach (Match select in SelectPattern().Matches(body))
        {
            var attrs = select.Groups["attrs"].Value;
            if (Attr(select.Groups["attrs"].Value, "name") is not { } name || Has(attrs, "disabled")) continue;
            var options = OptionPattern().Matches(select.Groups["body"].Value)
                .Select(o => (Selected: Has(o.Groups["attrs"].Value, "selected"), Value: WebUtility.HtmlDecode(Attr(o.Groups["attrs"].Value, "value") ?? o.Groups["body"].Value))).ToList();
            if (options.FirstOrDefault(o => o.Selected) is { Value: not null } chosen) fields.Add((select.Index, name, chosen.Value));
            else if (options.Count > 0) fields.Add((select.Index, name, options[0].Value));
        }
        return fields.OrderBy(f => f.At).Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).ToList();
    }

    /// <summary>The values posted for <paramref name="name"/>, in order.</summary>
    public static List<string> Values(this IEnumerable<KeyValuePair<string, string>> fields, string name) =>
        fields.Where(f => f.Key == name).Select(f => f.Value).ToList();

    /// <summary>The fields with <paramref name="name"/> set to one value.</summary>
    public static List<KeyValuePair<string, string>> With(this IEnumerable<KeyValuePair<string, string>> fields, string name, string value)
    {
        var list = fields.ToList();
        var at = list.FindIndex(f => f.Key == name);
        list.RemoveAll(f => f.Key == name);
        list.Insert(at < 0 ? list.Count : at, new(name, value));
        return list;
    }

    /// <summary>The fields without the value <paramref name="value"/> of <paramref name="name"/> (a box unticked).</summary>
    public static List<KeyValuePair<string, string>> Without(this IEnumerable<KeyValuePair<string, string>> fields, string name, string value) =>
        fields.Where(f => !(f.Key == name && f.Value == value)).ToList();

    private static string? Attr(string attrs, string name) =>
        Regex.Match(attrs, $"(?:^|\\s){Regex.Escape(name)}=\"([^\"]*)\"") is { Success: true } m ? m.Groups[1].Value : null;

    private static bool Has(string attrs, string name) => Regex.IsMatch(attrs, $"(?:^|\\s){Regex.Escape(name)}(?:=|\\s|/|$)");

    [GeneratedRegex("<form\\b(?<attrs>[^>]*)>(?<body>.*?)</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormPattern();

    [GeneratedRegex("<input\\b(?<attrs>[^>]*)>", RegexOptions.IgnoreCase)]
    private static partial Regex InputPattern();

    [GeneratedRegex("<textarea\\b(?<attrs>[^>]*)>(?<body>.*?)</textarea>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex TextAreaPattern();

    [GeneratedRegex("<select\\b(?<attrs>[^>]*)>(?<body>.*?)</select>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex SelectPattern();

    [GeneratedRegex("<option\\b(?<attrs>[^>]*)>(?<body>.*?)</option>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex OptionPattern();
}
