using System.Net;
using System.Text.RegularExpressions;
using ClinicPortal.IntegrationTests.Administration;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.Testing;
using ClinicPortal.Web.Demo;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicPortal.IntegrationTests.Foundation;

/// <summary>
/// Links and forms are made by the tag helpers from action names and route values, so a renamed action breaks the
/// build; a renamed route or route value would silently make an empty link, or one to a page that is not there.
/// This walks every page a clinician, a client and an administrator can reach by following links, and checks that
/// every link opens and every form posts to a real route.
/// </summary>
public sealed partial class LinkWalkTests(DemoClinicApp app) : IClassFixture<DemoClinicApp>
{
    private const int MaxPages = 400;

    public static TheoryData<string> Users => new() { DemoLogins.MorganEmail, DemoLogins.JordanEmail, DemoLogins.AdminEmail };

    [Theory]
    [MemberData(nameof(Users))]
    public async Task Every_link_opens_and_every_form_posts_to_a_route(string email)
    {
        var session = email == DemoLogins.AdminEmail ? await AdminArrange.AdminAsync(app) : await Arrange.SignedInAsync(app, email);
        var routes = Routes();
        var seen = new HashSet<string>();
        var queue = new Queue<string>([(await session.Http.GetAsync("/")).Headers.Location!.OriginalString]);
        var forms = new HashSet<(string Method, string Action)>();

        while (queue.Count > 0 && seen.Count < MaxPages)
        {
            var url = queue.Dequeue();
            if (!seen.Add(url)) continue;
            var response = await session.Http.GetAsync(url);
            if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString is var to && to.StartsWith('/'))
            {
                // The brand link goes home by redirect; a link that lands on the sign-in or access-denied page is broken.
                Assert.False(to.StartsWith("/account/sign-in") || to.StartsWith("/account/access-denied"), $"GET {url} as {email} sent to {to}");
                queue.Enqueue(to);
                continue;
            }
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} as {email} gave {(int)response.StatusCode}");
            if (response.Content.Headers.ContentType?.MediaType != "text/html") continue;
            var html = await response.Content.ReadAsStringAsync();

            var empty = EmptyTarget().Match(html);
            Assert.False(empty.Success, $"{url} as {email} has a link or form the tag helpers could not make: {empty.Value}");
            foreach (Match link in Link().Matches(html))
                if (Followable(WebUtility.HtmlDecode(link.Groups["href"].Value)) is { } next && !seen.Contains(next)) queue.Enqueue(next);
            foreach (Match form in Form().Matches(html))
                forms.Add((form.Groups["method"].Value.ToUpperInvariant(), WebUtility.HtmlDecode(form.Groups["action"].Value)));
        }

        Assert.True(seen.Count >= 10, $"Only {seen.Count} pages reached as {email}");
        Assert.NotEmpty(forms);
        foreach (var (method, action) in forms)
        {
            var path = new Uri(new Uri("http://portal"), action).AbsolutePath;
            Assert.True(routes.Any(r => r.Method == method && r.Matches(path)), $"A {method} form on {email}'s pages posts to {action}, which no route takes");
        }
    }

    /// <summary>A same-site page to open next: not a file, not signing out, not the way out of the portal.</summary>
    private static string? Followable(string href) =>
        href.StartsWith('/') && !href.StartsWith("//") && !href.StartsWith("/lib/") && !href.StartsWith("/css/") && !href.StartsWith("/js/")
        && !href.Contains("/ics") && !href.Contains("/export") ? href : null;

    private List<(string Method, Func<string, bool> Matches)> Routes() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"]).Select(m =>
            {
                var matcher = new TemplateMatcher(TemplateParser.Parse(e.RoutePattern.RawText!.TrimStart('/')), []);
                return (m, (Func<string, bool>)(path => matcher.TryMatch(path, new RouteValueDictionary())));
            }))
            .ToList();

    [GeneratedRegex("<a\\b[^>]*\\bhref=\"(?<href>[^\"]*)\"")]
    private static partial Regex Link();

    [GeneratedRegex("<form\\b(?=[^>]*\\bmethod=\"(?<method>[a-z]+)\")(?=[^>]*\\baction=\"(?<action>[^\"]*)\")", RegexOptions.IgnoreCase)]
    private static partial Regex Form();

    /// <summary>What a tag helper writes when it cannot make the link or the form's target.</summary>
    [GeneratedRegex("<(a|form)\\b[^>]*\\b(href|action)=\"\"")]
    private static partial Regex EmptyTarget();
}
