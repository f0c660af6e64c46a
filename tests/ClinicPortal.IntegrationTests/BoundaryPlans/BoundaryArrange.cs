using ClinicPortal.Core.BoundaryPlans;
using ClinicPortal.Core.Clients;
using ClinicPortal.Core.SupportNetwork;
using ClinicPortal.Testing;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.IntegrationTests.BoundaryPlans;

/// <summary>Boundaries and support people made straight in the database, and the form fields the pages post.</summary>
internal static class BoundaryArrange
{
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    public static BoundaryDetails Plan(string person = "Ex-partner") => new(person, RelationshipType.PartnerOrEx, ContactLevel.NoContact, false, HowTold.NotTold,
        [new(BoundaryChannel.PhoneBlocked, ChannelStatus.Done), new(BoundaryChannel.SocialMediaBlocked, ChannelStatus.Planned)],
        [new("SHARED reason one", true), new("PRIVATE reason two", false), new("SHARED reason three", true)],
        [new("SHARED condition one", true), new("PRIVATE condition two", false)],
        "School pick-up via the app", Today.AddDays(-10), "Open-ended", Today.AddDays(30), [PreparationItem.TherapistInPlace]);

    /// <summary>A boundary saved once per version (revision 1, 2, …), as the clinician of the client.</summary>
    public static async Task<Boundary> BoundaryAsync(ClinicAppFactory app, Client client, params BoundaryDetails[] versions)
    {
        await using var scope = app.SystemScope();
        var db = app.SystemDb(scope);
        var (boundary, first) = Boundary.Create(client.Id, versions.Length > 0 ? versions[0] : Plan(), client.PrimaryClinicianId, DateTimeOffset.UtcNow.AddDays(-versions.Length));
        db.Add(boundary);
        db.Add(first);
        foreach (var (later, i) in versions.Skip(1).Select((v, i) => (v, i)))
            db.Add(boundary.Revise(later, client.PrimaryClinicianId, DateTimeOffset.UtcNow.AddDays(-versions.Length + i + 1))!);
        await db.SaveChangesAsync();
        return boundary;
    }

    public static async Task<SupportPerson> PersonAsync(ClinicAppFactory app, Client client, string name, SupportRole role,
        bool crisis = false, bool shared = false, Guid? boundaryId = null, string? notes = null)
    {
        await using var scope = app.SystemScope();
        var db = app.SystemDb(scope);
        var person = SupportPerson.Create(client.Id, new SupportPersonDetails(name, "friend", SupportType.Friend, role, crisis,
            "+1 555 0100", null, notes, boundaryId, shared), DateTimeOffset.UtcNow);
        db.Add(person);
        await db.SaveChangesAsync();
        return person;
    }

    public static async Task<List<BoundaryRevision>> RevisionsAsync(ClinicAppFactory app, Guid boundaryId)
    {
        await using var scope = app.SystemScope();
        return await app.SystemDb(scope).Set<BoundaryRevision>().AsNoTracking().Where(r => r.BoundaryId == boundaryId).OrderBy(r => r.Number).ToListAsync();
    }

    public static async Task<int> CountAsync<T>(ClinicAppFactory app, Guid clientId) where T : class, IClinicalRecord
    {
        await using var scope = app.SystemScope();
        return await app.SystemDb(scope).Set<T>().CountAsync(r => r.ClientId == clientId);
    }

    /// <summary>The boundary form as a browser posts it (the row version comes from the page, see BrowserSession).</summary>
    public static List<KeyValuePair<string, string>> Fields(BoundaryDetails d)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("PersonName", d.PersonName ?? ""), new("Relationship", d.Relationship.ToString()), new("ContactLevel", d.ContactLevel.ToString()),
            new("HowTold", d.HowTold?.ToString() ?? ""), new("Exceptions", d.Exceptions ?? ""), new("PlannedLength", d.PlannedLength ?? ""),
            new("StartDate", d.StartDate?.ToString("yyyy-MM-dd") ?? ""), new("ReviewDate", d.ReviewDate?.ToString("yyyy-MM-dd") ?? ""),
        };
        if (d.DoorOpen) fields.Add(new("DoorOpen", "true"));
        foreach (var (c, i) in d.Channels.Select((c, i) => (c, i)))
        {
            fields.Add(new($"Channels[{i}].Channel", c.Channel.ToString()));
            fields.Add(new($"Channels[{i}].Status", c.Status.ToString()));
        }
        var lists = new (IEnumerable<(string Text, bool Shared)> Items, string Name)[]
        {
            (d.Reasons.Select(r => (r.Text, r.SharedWithClient)), "Reasons"), (d.Conditions.Select(c => (c.Text, c.SharedWithClient)), "Conditions"),
        };
        foreach (var (list, name) in lists)
            foreach (var (item, i) in list.Select((item, i) => (item, i)))
            {
                fields.Add(new($"{name}[{i}].Text", item.Text));
                if (item.Shared) fields.Add(new($"{name}[{i}].Shared", "true"));
            }
        foreach (var (c, i) in d.Conditions.Select((c, i) => (c, i)))
        {
            fields.Add(new($"Conditions[{i}].Status", c.Status.ToString()));
            if (c.StatusDate is { } date) fields.Add(new($"Conditions[{i}].Date", date.ToString("yyyy-MM-dd")));
            if (c.Evidence is { } evidence) fields.Add(new($"Conditions[{i}].Evidence", evidence));
        }
        fields.AddRange(d.Preparation.Select(p => new KeyValuePair<string, string>("Preparation", p.ToString())));
        return fields;
    }

    public static List<KeyValuePair<string, string>> PersonFields(string name, string role, bool crisis = false, bool shared = false,
        string phone = "+1 555 0100", Guid? boundaryId = null, string type = "Friend")
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Name", name), new("Relationship", "friend"), new("Type", type), new("Role", role), new("Phone", phone),
            new("BoundaryId", boundaryId?.ToString() ?? ""),
        };
        if (crisis) fields.Add(new("IsCrisisContact", "true"));
        if (shared) fields.Add(new("SharedWithClient", "true"));
        return fields;
    }
}
