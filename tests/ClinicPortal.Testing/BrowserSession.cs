using System.Net;
using System.Text.RegularExpressions;
using Xunit;

namespace ClinicPortal.Testing;

/// <summary>
/// An HttpClient used like a browser: reads the anti-forgery token from the page's form and posts
/// it back, keeps cookies, and does not follow redirects so tests can see where they go.
/// </summary>
public sealed partial class BrowserSession(HttpClient http)
{
    public HttpClient Http => http;

    public async Task<string> GetPageAsync(string url)
    {
        var response = await http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>
    /// Loads <paramref name="formPage"/> for its anti-forgery token, then posts the fields to <paramref name="action"/>. As a
    /// browser would, it posts the row version the page's form was loaded with, unless the fields name one themselves.
    /// </summary>
    public async Task<HttpResponseMessage> PostFormAsync(string formPage, string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var html = await (await http.GetAsync(formPage)).Content.ReadAsStringAsync();
        var posted = fields.ToList();
        if (posted.All(f => f.Key != VersionField) && VersionOn(html) is { } version) posted.Add(new(VersionField, version));
        var content = new FormUrlEncodedContent(posted.Append(new("__RequestVerificationToken", TokenOn(html, formPage))));
        return await http.PostAsync(action, content);
    }

    public async Task<string> TokenFromAsync(string page) => TokenOn(await (await http.GetAsync(page)).Content.ReadAsStringAsync(), page);

    /// <summary>The row version a page's (first) edit form carries (Web/Mvc/IVersionedForm), or null.</summary>
    public static string? VersionOn(string html) => VersionPattern().Match(html) is { Success: true } m ? m.Groups[1].Value : null;

    public const string VersionField = "Version";

    private static string TokenOn(string html, string page)
    {
        var match = TokenPattern().Match(html);
        Assert.True(match.Success, $"No anti-forgery token on {page}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public async Task<HttpResponseMessage> SignInAsync(string email, string password) =>
        await PostFormAsync("/account/sign-in", "/account/sign-in", [new("Email", email), new("Password", password)]);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("<input type=\"hidden\" name=\"Version\" value=\"([0-9]+)\"")]
    private static partial Regex VersionPattern();
}
