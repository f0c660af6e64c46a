namespace ClinicPortal.Core.Common;

/// <summary>Small checks shared by the domain types; each failure carries a message fit for the page.</summary>
public static class Guard
{
    public static string Required(string? value, string field, int maxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
            throw new DomainRuleException($"{field} is required.");
        return MaxLength(trimmed, field, maxLength)!;
    }

    public static string? Optional(string? value, string field, int maxLength)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : MaxLength(trimmed, field, maxLength);
    }

    private static string? MaxLength(string value, string field, int maxLength) =>
        value.Length > maxLength
            ? throw new DomainRuleException($"{field} must be at most {maxLength} characters.")
            : value;
}
