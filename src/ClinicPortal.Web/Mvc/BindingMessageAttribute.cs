using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace ClinicPortal.Web.Mvc;

/// <summary>
/// What to say when a form field cannot even be read (a word for a number, a value outside a list): the
/// plain words the domain rules use, instead of the binder's "The value 'x' is not valid for Severity."
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class BindingMessageAttribute(string message) : Attribute
{
    public string Message { get; } = message;
}

/// <summary>Gives a property marked with <see cref="BindingMessageAttribute"/> that message for every binding failure.</summary>
public sealed class BindingMessageProvider : IBindingMetadataProvider
{
    public void CreateBindingMetadata(BindingMetadataProviderContext context)
    {
        if (context.Attributes.OfType<BindingMessageAttribute>().FirstOrDefault() is not { } attribute) return;
        var messages = new DefaultModelBindingMessageProvider(context.BindingMetadata.ModelBindingMessageProvider as DefaultModelBindingMessageProvider
            ?? new DefaultModelBindingMessageProvider());
        var say = attribute.Message;
        messages.SetAttemptedValueIsInvalidAccessor((_, _) => say);
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => say);
        messages.SetUnknownValueIsInvalidAccessor(_ => say);
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => say);
        messages.SetValueIsInvalidAccessor(_ => say);
        messages.SetValueMustBeANumberAccessor(_ => say);
        messages.SetNonPropertyValueMustBeANumberAccessor(() => say);
        messages.SetValueMustNotBeNullAccessor(_ => say);
        messages.SetMissingBindRequiredValueAccessor(_ => say);
        messages.SetMissingKeyOrValueAccessor(() => say);
        messages.SetMissingRequestBodyRequiredValueAccessor(() => say);
        context.BindingMetadata.ModelBindingMessageProvider = messages;
    }
}
