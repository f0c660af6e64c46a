using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Routing;

namespace ClinicPortal.Web.Areas.Clinician;

/// <summary>
/// On a client's pages every link and redirect to another page of the same client may leave out the client id:
/// when a link cannot be made from the values it names (the target route needs a {clientId}), it is made again with
/// the current page's client id. Routing itself only reuses it for links to the same action. Links that can be made
/// as named are never changed, so a link to the caseload gets no client id, and an explicit one always wins.
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
            if (!ActionContext.RouteData.Values.TryGetValue(ClientRecordController.ClientIdKey, out var clientId)) return null;
            var values = new RouteValueDictionary(actionContext.Values);
            if (!values.TryAdd(ClientRecordController.ClientIdKey, clientId)) return null;
            return inner.Action(new UrlActionContext
            {
                Action = actionContext.Action, Controller = actionContext.Controller, Values = values,
                Protocol = actionContext.Protocol, Host = actionContext.Host, Fragment = actionContext.Fragment,
            });
        }

        public string? Content(string? contentPath) => inner.Content(contentPath);
        public bool IsLocalUrl(string? url) => inner.IsLocalUrl(url);
        public string? RouteUrl(UrlRouteContext routeContext) => inner.RouteUrl(routeContext);
        public string? Link(string? routeName, object? values) => inner.Link(routeName, values);
    }
}
