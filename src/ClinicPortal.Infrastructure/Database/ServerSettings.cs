namespace ClinicPortal.Infrastructure.Database;

/// <summary>PostgreSQL settings the embedded cluster starts with (each passed as <c>-c name=value</c>).</summary>
public sealed record ServerSettings(IReadOnlyDictionary<string, string> Values)
{
    /// <summary>
    /// PostgreSQL's own defaults, as an external server has them (JIT on), except for more connections:
    /// several app instances and test hosts share one cluster, each with its own pool.
    /// </summary>
    public static readonly ServerSettings PostgresDefaults = new(new Dictionary<string, string> { ["max_connections"] = "400" });

    /// <summary>
    /// What this OLTP application wants: no JIT (its statements are short; compiling costs more than it saves),
    /// plans that assume an SSD and a warm cache, and enough memory per sort for a caseload page.
    /// The README lists the same for external servers; the pages meet their targets without them too.
    /// </summary>
    public static readonly ServerSettings Application = PostgresDefaults
        .With("jit", "off")
        .With("random_page_cost", "1.1")
        .With("effective_cache_size", "1GB")
        .With("shared_buffers", "256MB")
        .With("work_mem", "8MB");

    public ServerSettings With(string name, string value) => new(new Dictionary<string, string>(Values) { [name] = value });
}
