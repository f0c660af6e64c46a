using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ClinicPortal.Core.Incidents;

/// <summary>
/// The one rule for an incident entry's and an addendum's content hash, used when writing, when correcting and when
/// verifying: hex SHA-256 over a canonical text of the content fields, each as its name, its length and its value
/// (so no value can pass for another field's), times in UTC to the microsecond. Settings that are not content (privacy,
/// the correction time, the link to a check-in, the row version) are left out, so changing them keeps the hash.
/// </summary>
public static class IncidentHash
{
    public static string Of(IncidentEntry e) => Of(EntryContent.Of(e));

    public static string Of(IncidentAddendum a) => Of(AddendumContent.Of(a));

    public static string Of(EntryContent c) => Hex(Canonical(c));

    public static string Of(AddendumContent c) => Hex(Canonical(c));

    public static string Canonical(EntryContent c) => new Canon("incident-entry/1")
        .Add("id", c.Id).Add("client", c.ClientId).Add("occurred-at", c.OccurredAt).Add("place", c.Place)
        .Add("boundary", c.BoundaryId).Add("support-person", c.SupportPersonId).Add("channel", c.Channel.ToString()).Add("account", c.Account)
        .Add("witnesses", c.Witnesses).Add("police-report", c.PoliceReportNumber).Add("police-officer", c.PoliceOfficer)
        .Add("police-badge", c.PoliceBadge).Add("feeling", c.Feeling).Add("written-by", c.WrittenBy.ToString())
        .Add("written-by-user", c.WrittenByUserId).Add("written-at", c.WrittenAt).ToString();

    public static string Canonical(AddendumContent c) => new Canon("incident-addendum/1")
        .Add("id", c.Id).Add("incident", c.IncidentId).Add("client", c.ClientId).Add("text", c.Text)
        .Add("written-by", c.WrittenBy.ToString()).Add("written-by-user", c.WrittenByUserId).Add("written-at", c.WrittenAt).ToString();

    private static string Hex(string canonical) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));

    private sealed class Canon(string kind)
    {
        private readonly StringBuilder _text = new StringBuilder(kind).Append('\n');

        public Canon Add(string name, string? value)
        {
            _text.Append(name).Append(':');
            if (value is null) _text.Append('-');
            else _text.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value);
            _text.Append('\n');
            return this;
        }

        public Canon Add(string name, Guid? value) => Add(name, value?.ToString("D"));

        public Canon Add(string name, DateTimeOffset value) =>
            Add(name, IncidentRules.Stored(value).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));

        public override string ToString() => _text.ToString();
    }
}

/// <summary>The fields of an entry that its hash covers.</summary>
public sealed record EntryContent(Guid Id, Guid ClientId, DateTimeOffset OccurredAt, string? Place, Guid? BoundaryId, Guid? SupportPersonId,
    CheckIns.ContactChannel Channel, string Account, string? Witnesses, string? PoliceReportNumber, string? PoliceOfficer, string? PoliceBadge,
    string? Feeling, IncidentAuthor WrittenBy, Guid WrittenByUserId, DateTimeOffset WrittenAt)
{
    public static EntryContent Of(IncidentEntry e) => new(e.Id, e.ClientId, e.OccurredAt, e.Place, e.BoundaryId, e.SupportPersonId, e.Channel,
        e.Account, e.Witnesses, e.PoliceReportNumber, e.PoliceOfficer, e.PoliceBadge, e.Feeling, e.WrittenBy, e.WrittenByUserId, e.WrittenAt);
}

/// <summary>The fields of an addendum that its hash covers.</summary>
public sealed record AddendumContent(Guid Id, Guid IncidentId, Guid ClientId, string Text, IncidentAuthor WrittenBy, Guid WrittenByUserId, DateTimeOffset WrittenAt)
{
    public static AddendumContent Of(IncidentAddendum a) => new(a.Id, a.IncidentId, a.ClientId, a.Text, a.WrittenBy, a.WrittenByUserId, a.WrittenAt);
}
