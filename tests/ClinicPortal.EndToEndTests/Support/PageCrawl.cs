using System.Text.RegularExpressions;
using ClinicPortal.Web.Demo;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ClinicPortal.EndToEndTests.Support;

/// <summary>Who walks a page: nobody signed in, or one of the demo roles (a client twice: as usual, and in discreet mode).</summary>
public enum Visitor { SignedOut, Client, DiscreetClient, Clinician, Administrator }

/// <summary>One page of the crawl: the route template it comes from, the path with demo ids filled in, the status it answers.</summary>
public sealed record CrawlPage(Visitor Visitor, string Template, string Path, int Status);

/// <summary>
/// Every GET page of the app, read from its own endpoints (so a new page is crawled without a list to keep), given to the
/// visitor who may open it and filled in with ids of the demo clinic's records. Area pages go to their role; pages that
/// need only a sign-in go to every role (their layout differs by role); anonymous pages are walked signed out. Client pages
/// are walked by the demo client Jordan (Morgan's, whose records the clinician's pages show) and, in discreet mode, by Casey.
/// </summary>
public static partial class PageCrawl
{
    /// <summary>GET routes that are not pages a person reads (templates with <c>{}</c> for parameters), and why.</summary>
    public static readonly IReadOnlyDictionary<string, string> NotPages = new Dictionary<string, string>
    {
        [""] = "redirects to the visitor's home",
        ["account/session"] = "JSON for the idle-timeout script",
        ["admin/audit/export"] = "a CSV file",
        ["clinician/clients/{}/sessions/{}/ics"] = "a calendar file",
        ["clinician/clients/{}/incidents/files/{}"] = "an incident attachment's file (a picture or a PDF)",
        ["client/log/files/{}"] = "an attachment's file (a picture or a PDF)",
    };

    /// <summary>A template with every parameter written <c>{}</c>, as <see cref="NotPages"/> names them.</summary>
    public static string Shape(string template) => Parameter().Replace(template, "{}");

    /// <summary>The GET routes of the app as (template, who may open it), templates without a leading slash.</summary>
    public static IReadOnlyList<(string Template, IReadOnlyList<Visitor> Visitors)> Routes(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            // Our pages only: not the static files' endpoints, nor Hangfire's dashboard.
            .Where(e => e.Metadata.GetMetadata<ControllerActionDescriptor>() is not null && e.RoutePattern.RawText is not null)
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("GET") != false)
            .Select(e => (Template: e.RoutePattern.RawText!.TrimStart('/'), Visitors: VisitorsOf(e)))
            .DistinctBy(r => r.Template).OrderBy(r => r.Template, StringComparer.Ordinal).ToList();

    private static IReadOnlyList<Visitor> VisitorsOf(RouteEndpoint endpoint)
    {
        Visitor[]? area = endpoint.RoutePattern.RawText!.TrimStart('/').Split('/')[0] switch
        {
            "admin" => [Visitor.Administrator],
            "clinician" => [Visitor.Clinician],
            "client" => [Visitor.Client, Visitor.DiscreetClient],
            _ => null,
        };
        // An anonymous page in an area (the client's "I feel unsafe") is walked signed out and by that area's role.
        if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null || endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Count == 0)
            return [Visitor.SignedOut, .. area ?? []];
        return area ?? [Visitor.Administrator, Visitor.Clinician, Visitor.Client, Visitor.DiscreetClient];
    }

    /// <summary>The demo sign-in of each visitor. Casey is walked in discreet mode: no other end-to-end test signs in as Casey.</summary>
    public static (string Email, string Password)? SignInOf(Visitor visitor) => visitor switch
    {
        Visitor.Client => (DemoLogins.JordanEmail, DemoLogins.ClientPassword),
        Visitor.DiscreetClient => (DemoLogins.CaseyEmail, DemoLogins.ClientPassword),
        Visitor.Clinician => (DemoLogins.MorganEmail, DemoLogins.ClinicianPassword),
        Visitor.Administrator => (DemoLogins.AdminEmail, DemoLogins.AdminPassword),
        _ => null,
    };

    /// <summary>The visitor's pages, in route order, with the ids of the demo records they may open in place of the route's parameters.</summary>
    public static async Task<IReadOnlyList<CrawlPage>> PagesAsync(PortalServer server, Visitor visitor)
    {
        var ids = await DemoIdsAsync(server.ConnectionString, visitor == Visitor.DiscreetClient ? DemoLogins.CaseyEmail : DemoLogins.JordanEmail);
        return Routes(server.Services)
            .Where(r => r.Visitors.Contains(visitor) && !NotPages.ContainsKey(Shape(r.Template)))
            .Select(r => new CrawlPage(visitor, r.Template, "/" + Parameter().Replace(r.Template, m => Fill(r.Template, m.Groups["name"].Value, ids)),
                StatusOf(r.Template)))
            .ToList();
    }

    /// <summary>The error page answers with the status it explains (404 here), the access-denied page with 403.</summary>
    private static int StatusOf(string template) =>
        template.StartsWith("error/", StringComparison.Ordinal) ? 404 : template == "account/access-denied" ? 403 : 200;

    private static string Fill(string template, string parameter, IReadOnlyDictionary<string, Guid> ids) => parameter switch
    {
        "code" => "404",
        // A trial-contact plan's pages are Rowan's (his boundary has a demo plan in force, and he is the demo clinician's client), whoever the crawl's client is.
        "clientId" or "boundaryId" when template.Contains("/trial/{planId", StringComparison.Ordinal) => ids["trial" + parameter[..1].ToUpperInvariant() + parameter[1..]].ToString(),
        // A signed note opens read-only (its edit page sends the visitor back to it): edit the draft.
        "noteId" when template.EndsWith("/edit", StringComparison.Ordinal) => ids["draftNoteId"].ToString(),
        // admin/clients/{id}/… is a client, admin/crisis-resources/{id} a crisis line.
        "id" => ids[template.StartsWith("admin/clients/", StringComparison.Ordinal) ? "clientId" : template.StartsWith("admin/crisis-resources/", StringComparison.Ordinal)
            ? "crisisResourceId" : throw new InvalidOperationException($"PageCrawl does not know which record {{id}} is in {template}: add it to Fill.")].ToString(),
        _ => ids.TryGetValue(parameter, out var id) ? id.ToString()
            : throw new InvalidOperationException($"PageCrawl has no demo record for {{{parameter}}} in {template}: add one to DemoIdsAsync."),
    };

    /// <summary>
    /// The demo client who signs in as <paramref name="clientEmail"/> and one of each of their records.
    /// Read as the database owner: the crawl only needs ids.
    /// </summary>
    private static async Task<IReadOnlyDictionary<string, Guid>> DemoIdsAsync(string connectionString, string clientEmail)
    {
        const string Client = "(SELECT c.id FROM clients c JOIN users u ON u.id = c.user_id WHERE u.email = @client)";
        const string RowanClient = "(SELECT c.id FROM clients c JOIN users u ON u.id = c.user_id WHERE u.email = @rowan)";
        var queries = new Dictionary<string, string>
        {
            ["clientId"] = $"SELECT {Client}",
            ["noteId"] = $"SELECT id FROM case_notes WHERE client_id = {Client} AND signed_at IS NOT NULL ORDER BY id LIMIT 1",
            ["draftNoteId"] = $"SELECT id FROM case_notes WHERE client_id = {Client} AND signed_at IS NULL ORDER BY id LIMIT 1",
            ["sessionId"] = $"SELECT id FROM sessions WHERE client_id = {Client} ORDER BY id LIMIT 1",
            ["boundaryId"] = $"SELECT id FROM boundaries WHERE client_id = {Client} ORDER BY id LIMIT 1",
            ["personId"] = $"SELECT id FROM support_people WHERE client_id = {Client} ORDER BY id LIMIT 1",
            ["concernId"] = $"SELECT id FROM safety_concerns WHERE client_id = {Client} ORDER BY id LIMIT 1",
            ["checkInId"] = $"SELECT id FROM check_ins WHERE client_id = {Client} ORDER BY id LIMIT 1",
            ["taskId"] = $"SELECT id FROM client_tasks WHERE client_id = {Client} ORDER BY id LIMIT 1",
            ["responseId"] = $"SELECT id FROM measure_responses WHERE client_id = {Client} ORDER BY submitted_at NULLS FIRST, id LIMIT 1",
            ["crisisResourceId"] = "SELECT id FROM crisis_resources ORDER BY id LIMIT 1",
            ["incidentId"] = $"SELECT id FROM incident_entries WHERE client_id = {Client} AND NOT is_private ORDER BY occurred_at DESC, id LIMIT 1",
            // Jordan's (the demo clinician's client with orders), whoever the crawl's client is.
            ["orderId"] = "SELECT o.id FROM protective_orders o JOIN clients c ON c.id = o.client_id JOIN users u ON u.id = c.user_id WHERE u.email = @jordan ORDER BY o.served_on DESC, o.id LIMIT 1",
            ["entryId"] = $"SELECT id FROM incident_entries WHERE client_id = {Client} AND NOT is_private ORDER BY occurred_at DESC, id LIMIT 1",
            ["planId"] = $"SELECT id FROM trial_contact_plans WHERE ended_at IS NULL AND client_id = {RowanClient} ORDER BY id LIMIT 1",
            ["trialClientId"] = $"SELECT client_id FROM trial_contact_plans WHERE ended_at IS NULL AND client_id = {RowanClient} ORDER BY id LIMIT 1",
            ["trialBoundaryId"] = $"SELECT boundary_id FROM trial_contact_plans WHERE ended_at IS NULL AND client_id = {RowanClient} ORDER BY id LIMIT 1",
        };
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var ids = new Dictionary<string, Guid>();
        foreach (var (name, sql) in queries)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.AddWithValue("client", clientEmail);
            command.Parameters.AddWithValue("rowan", DemoLogins.RowanEmail);
            command.Parameters.AddWithValue("jordan", DemoLogins.JordanEmail);
            ids[name] = await command.ExecuteScalarAsync() as Guid?
                ?? throw new InvalidOperationException($"The demo clinic has no record for {{{name}}} ({sql}).");
        }
        return ids;
    }

    [GeneratedRegex(@"\{(?<name>[A-Za-z]+)(:[^}?]*)?\??\}")]
    private static partial Regex Parameter();
}
