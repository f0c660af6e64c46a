using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Routing;

namespace ClinicPortal.Web.Areas.Clinician;

/// <summary>
/// On a client's pages a link or redirect to another page of the same record may leave out the ids the current page
/// already has (the client, the concern, the note...): when a link cannot be made from the values it names, it is made
/// again with the current page's ids filled in. Routing itself reuses them only for links to the same action. A link
/// that can be made as named is never changed (so a link to the caseload gets no client id), and a named id always wins.
/// </summary>
public sealed class ClientUrls(IUrlHelperFactory inner) : IUrlHelperFactory
{
    public IUrlHelper GetUrlHelper(ActionContext context) => new Helper(inner.GetUrlHelper(context));

    private sealed class Helper(IUrlHelper inner) : IUrlHelper
    {
        public ActionContext ActionContext => inner.ActionContext;

        public string? Action(UrlActionContext actionContext)
        {
            if (inner.Action(actionContext) is { } url) return url;
            if (!ActionContext.RouteData.Values.ContainsKey(ClientRecordController.ClientIdKey)) return null;
            var values = new RouteValueDictionary(actionContext.Values);
            var added = new List<string>();
            foreach (var (key, value) in ActionContext.RouteData.Values)
                if (key is not ("area" or "controller" or "action") && values.TryAdd(key, value)) added.Add(key);
            if (added.Count == 0 || Make(actionContext, values) is not { } filled) return null;
            // An id the target's route does not take would trail as a query string: leave those out.
            var unused = added.Where(key => QueryKeys(filled).Contains(key)).ToList();
            foreach (var key in unused) values.Remove(key);
            return unused.Count == 0 ? filled : Make(actionContext, values);
        }

        private string? Make(UrlActionContext context, RouteValueDictionary values) => inner.Action(new UrlActionContext
        {
            Action = context.Action, Controller = context.Controller, Values = values,
            Protocol = context.Protocol, Host = context.Host, Fragment = context.Fragment,
        });

        private static HashSet<string> QueryKeys(string url) =>
            url.IndexOf('?') is var q and >= 0
                ? url[(q + 1)..].Split('&').Select(p => Uri.UnescapeDataString(p.Split('=')[0])).ToHashSet(StringComparer.OrdinalIgnoreCase)
                : [];

        public string? Content(string? contentPath) => inner.Content(contentPath);
        public bool IsLocalUrl(string? url) => inner.IsLocalUrl(url);
        public string? RouteUrl(UrlRouteContext routeContext) => inner.RouteUrl(routeContext);
        public string? Link(string? routeName, object? values) => inner.Link(routeName, values);
    }
}
