using ClinicPortal.Core.Clients;

namespace ClinicPortal.Core.SupportNetwork;

/// <summary>
/// A support-network person's role changed (supportive → risk, say): who changed it, when, from what to what.
/// Written once, never edited; a person's role at any moment is read back from these (<see cref="RoleAt"/>).
/// </summary>
public sealed class SupportRoleChange : IClinicalRecord
{
    public Guid Id { get; private set; }
    public Guid PersonId { get; private set; }
    public Guid ClientId { get; private set; }
    public SupportRole FromRole { get; private set; }
    public SupportRole ToRole { get; private set; }
    public Guid ChangedById { get; private set; }
    public DateTimeOffset ChangedAt { get; private set; }

    private SupportRoleChange() { }

    internal SupportRoleChange(SupportPerson person, SupportRole from, Guid byId, DateTimeOffset now) =>
        (Id, PersonId, ClientId, FromRole, ToRole, ChangedById, ChangedAt) = (Guid.NewGuid(), person.Id, person.ClientId, from, person.Role, byId, now);

    /// <summary>
    /// The role a person had once <paramref name="until"/> says a change counts (e.g. "made by the end of the period"):
    /// the "from" of the first change after that, or the current role when there is none.
    /// </summary>
    public static SupportRole RoleAt(SupportRole current, IEnumerable<SupportRoleChange> changesOfPerson, Func<DateTimeOffset, bool> until) =>
        changesOfPerson.Where(c => !until(c.ChangedAt)).OrderBy(c => c.ChangedAt).FirstOrDefault() is { } later ? later.FromRole : current;
}
