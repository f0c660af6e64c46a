namespace ClinicPortal.Core.Common;

/// <summary>
/// A choice posted by its name in a list ("Text", "Grief"). Matching the names, not <c>Enum.TryParse</c>, keeps numbers
/// ("3") and combined flags out: a tampered form gets the list's own message, never a value the list did not offer.
/// </summary>
public static class ListedName
{
    /// <summary>The member named <paramref name="value"/> (case and spaces aside), null when empty; an unknown name is refused with <paramref name="refusal"/>.</summary>
    public static T? Parse<T>(string? value, string refusal) where T : struct, Enum
    {
        var v = value?.Trim();
        if (string.IsNullOrEmpty(v)) return null;
        var name = Enum.GetNames<T>().FirstOrDefault(n => string.Equals(n, v, StringComparison.OrdinalIgnoreCase))
            ?? throw new DomainRuleException(refusal);
        return Enum.Parse<T>(name);
    }
}
