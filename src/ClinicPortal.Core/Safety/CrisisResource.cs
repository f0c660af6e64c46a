using ClinicPortal.Core.Common;

namespace ClinicPortal.Core.Safety;

/// <summary>
/// A crisis line or service the clinic shows to every client on every page (clinic-level, not about
/// any client). Defaults are seeded by the schema script; administrators keep the list current.
/// </summary>
public sealed class CrisisResource
{
    public const int NameMax = 120, NumberMax = 40, UrlMax = 300, WhenToUseMax = 300, KeywordMax = 20;

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public string? Phone { get; private set; }
    public string? TextNumber { get; private set; }
    /// <summary>The word a texter sends first, e.g. START to the National Domestic Violence Hotline's 88788.</summary>
    public string? TextKeyword { get; private set; }
    public string? Url { get; private set; }
    public string? WhenToUse { get; private set; }
    public int SortOrder { get; private set; }
    public bool IsActive { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    private CrisisResource() { }

    public static CrisisResource Create(string? name, string? phone, string? textNumber, string? url, string? whenToUse, int sortOrder, bool isActive,
        DateTimeOffset now, string? textKeyword = null)
    {
        var resource = new CrisisResource { Id = Guid.NewGuid() };
        resource.Update(name, phone, textNumber, url, whenToUse, sortOrder, isActive, now, textKeyword);
        return resource;
    }

    public void Update(string? name, string? phone, string? textNumber, string? url, string? whenToUse, int sortOrder, bool isActive,
        DateTimeOffset now, string? textKeyword = null)
    {
        var n = Guard.Required(name, "Name", NameMax);
        var p = Number(phone, "Phone");
        var t = Number(textNumber, "Text number");
        var u = Guard.Optional(url, "Website", UrlMax);
        var w = Guard.Optional(whenToUse, "When to use", WhenToUseMax);
        if (u is not null && !(Uri.TryCreate(u, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
            throw new DomainRuleException("Website must be a full address starting with https://.");
        if (p is null && t is null && u is null) throw new DomainRuleException("Give a phone number, a text number or a website.");
        if (sortOrder is < 0 or > 999) throw new DomainRuleException("Order must be between 0 and 999.");
        var k = Guard.Optional(textKeyword, "Text keyword", KeywordMax);
        if (k is not null && t is null) throw new DomainRuleException("A text keyword needs a text number to send it to.");
        if (k is not null && !k.All(char.IsAsciiLetterOrDigit)) throw new DomainRuleException("The text keyword may contain only letters and digits, e.g. START.");
        (Name, Phone, TextNumber, Url, WhenToUse, SortOrder, IsActive, UpdatedAt) = (n, p, t, u, w, sortOrder, isActive, now);
        TextKeyword = k?.ToUpperInvariant();
    }

    /// <summary>A <c>tel:</c> link that dials from a phone browser, e.g. tel:18007997233.</summary>
    public string? TelHref => Phone is null ? null : "tel:" + Dialable(Phone);

    /// <summary>An <c>sms:</c> link that opens a new text message, e.g. sms:988, with the keyword typed in (sms:88788?&amp;body=START).</summary>
    public string? SmsHref => SmsLink(TextNumber, TextKeyword);

    /// <summary>"Text 988" or "Text START to 88788".</summary>
    public string? TextLabel => TextInstruction(TextNumber, TextKeyword);

    public static string? SmsLink(string? number, string? keyword) =>
        number is null ? null : "sms:" + Dialable(number) + (keyword is null ? "" : "?&body=" + Uri.EscapeDataString(keyword));

    public static string? TextInstruction(string? number, string? keyword) =>
        number is null ? null : keyword is null ? $"Text {number}" : $"Text {keyword} to {number}";

    public static string Dialable(string number) =>
        (number.TrimStart().StartsWith('+') ? "+" : "") + new string(number.Where(char.IsAsciiDigit).ToArray());

    private static string? Number(string? value, string field)
    {
        var v = Guard.Optional(value, field, NumberMax);
        if (v is null) return null;
        if (!v.All(ch => char.IsAsciiDigit(ch) || " +-().".Contains(ch)) || !v.Any(char.IsAsciiDigit))
            throw new DomainRuleException($"{field} may contain only digits, spaces and + - ( ) .");
        return v;
    }
}
