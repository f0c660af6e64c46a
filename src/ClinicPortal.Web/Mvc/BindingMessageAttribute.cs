using System.Reflection;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Filters;

namespace ClinicPortal.Web.Mvc;

/// <summary>
/// What to say when a form field cannot even be read (a word for a number, a value outside a list, one bad item
/// of a list): the plain words the domain rules use, instead of the binder's "The value 'x' is not valid for Severity."
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class BindingMessageAttribute(string message) : Attribute
{
    public string Message { get; } = message;

    /// <summary>The message a form's property says when it cannot be read.</summary>
    public static string Of<TForm>(string property) =>
        typeof(TForm).GetProperty(property)?.GetCustomAttribute<BindingMessageAttribute>()?.Message
        ?? throw new ArgumentException($"{typeof(TForm).Name}.{property} has no binding message", nameof(property));
}

/// <summary>
/// The one place binding failures are put into words: before any action runs, every field that could not be read
/// and whose property (or parameter) carries <see cref="BindingMessageAttribute"/> gets that message instead of the binder's.
/// </summary>
public sealed class BindingMessageFilter : IActionFilter
{
    public void OnActionExecuting(ActionExecutingContext context)
    {
        if (context.ModelState.IsValid) return;
        foreach (var (key, entry) in context.ModelState)
        {
            if (entry.Errors.Count == 0 || MessageFor(context.ActionDescriptor.Parameters, key) is not { } message) continue;
            entry.Errors.Clear();
            entry.Errors.Add(message);
        }
    }

    public void OnActionExecuted(ActionExecutedContext context) { }

    /// <summary>The message for a ModelState key ("Severity", "form.Severity", "Sections[2]"), if the field has one.</summary>
    private static string? MessageFor(IEnumerable<ParameterDescriptor> parameters, string key)
    {
        foreach (var parameter in parameters)
        {
            var path = key.StartsWith(parameter.Name + ".", StringComparison.OrdinalIgnoreCase) ? key[(parameter.Name.Length + 1)..] : key;
            var root = path.Split('[', '.')[0];
            if (root.Equals(parameter.Name, StringComparison.OrdinalIgnoreCase)
                && (parameter as ControllerParameterDescriptor)?.ParameterInfo.GetCustomAttribute<BindingMessageAttribute>() is { } onParameter)
                return onParameter.Message;
            if (parameter.ParameterType.GetProperty(root, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)
                    ?.GetCustomAttribute<BindingMessageAttribute>() is { } onProperty)
                return onProperty.Message;
        }
        return null;
    }
}
