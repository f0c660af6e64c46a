using ClinicPortal.Core.ContactSafety;
using Npgsql;

namespace ClinicPortal.Infrastructure.ContactSafety;

/// <summary>
/// A client's contact-safety profile as SQL reads it, for the gate and for the outbox's claiming statement alike: one
/// column list and one reader, so both hand <see cref="ContactSafetyPolicy"/> the same permissions.
/// </summary>
internal static class ContactProfileColumns
{
    /// <summary>The columns of <c>contact_safety_profiles</c> under <paramref name="alias"/>, left-joined (all null without a profile).</summary>
    public static string Of(string alias) =>
        $"{alias}.client_id IS NOT NULL, {alias}.safe_channels, {alias}.may_be_monitored, {alias}.safe_days, {alias}.safe_from, {alias}.safe_until";

    /// <summary>The permissions read from the columns starting at <paramref name="first"/>; null when no profile is recorded.</summary>
    public static ContactPermissions? Read(NpgsqlDataReader r, int first)
    {
        if (!r.GetBoolean(first)) return null;
        SafeTimes? times = r.IsDBNull(first + 4) || r.IsDBNull(first + 5) ? null
            : new SafeTimes(r.GetInt32(first + 3), r.GetFieldValue<TimeOnly>(first + 4), r.GetFieldValue<TimeOnly>(first + 5));
        return new ContactPermissions((ContactChannels)r.GetInt32(first + 1), r.GetBoolean(first + 2), times);
    }
}
