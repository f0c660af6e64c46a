using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace ClinicPortal.Infrastructure.Database;

/// <summary>
/// The name of a PostgreSQL advisory lock. Every lock in the app is named here, and every name maps to
/// its 64-bit key the same way (the first 8 bytes of SHA-256 of "clinicportal:" + name), so two features
/// can never pick colliding keys by hand.
/// </summary>
public readonly record struct LockName
{
    private LockName(string value) => Value = value;

    public string Value { get; }

    public long Key => BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes("clinicportal:" + Value)));

    /// <summary>Schema scripts and Hangfire's schema, applied by one instance at a time.</summary>
    public static LockName SchemaMigrations { get; } = new("schema-migrations");

    /// <summary>Roles, demo seed and first administrator: check-then-create at start-up.</summary>
    public static LockName StartupTasks { get; } = new("start-up-tasks");

    /// <summary>One staff deactivation at a time, so two administrators cannot deactivate each other at once.</summary>
    public static LockName StaffDeactivation { get; } = new("staff-deactivation");

    /// <summary>One "I feel unsafe" decision per client at a time (a double tap raises one alert).</summary>
    public static LockName UnsafeAlert(Guid clientId) => new($"unsafe-alert:{clientId:N}");

    /// <summary>One booking at a time in a clinician's diary (the overlap check and the insert are one step).</summary>
    public static LockName ClinicianDiary(Guid clinicianId) => new($"clinician-diary:{clinicianId:N}");

    /// <summary>One cover given to a clinician at a time (the overlap check and the insert are one step).</summary>
    public static LockName CoverFor(Guid coveringClinicianId) => new($"cover-for:{coveringClinicianId:N}");

    /// <summary>A background job that must not run on two instances at once.</summary>
    public static LockName Job(string jobId) => new($"job:{jobId}");

    public override string ToString() => Value;
}
