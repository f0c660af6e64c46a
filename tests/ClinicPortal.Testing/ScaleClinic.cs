using ClinicPortal.Core.Accounts;
using System.Text;
using Npgsql;

namespace ClinicPortal.Testing;

/// <summary>
/// Grows the demo clinic into the scale clinic: 40 clinicians and 2,000 clients, each a copy of one of the
/// six demo clients' records (notes, boundary plans with revisions, support people, safety concerns, alerts,
/// safety plan, stage history, past and future sessions), plus 100 generated check-ins per client over a year
/// (some with shared journal text, some with a private journal entry). Clinician 1 has 50 clients, clinician 2
/// has 500, the other 38 share the rest. Everyone's password is the demo one for their role.
/// </summary>
public static class ScaleClinic
{
    public const int Clients = 2000, CheckInsPerClient = 100, Clinicians = 40;
    public const string Marker = "bench_scale_clinic";

    public static string ClinicianEmail(int n) => $"bench-clinician-{n:00}@{Domain}";
    public static string ClientEmail(int k) => $"bench-client-{k:0000}@{Domain}";

    /// <summary>Columns that point at a row copied along with the client: they get the copy's id.</summary>
    private static readonly HashSet<string> CopiedRefs = ["id", "boundary_id", "concern_id", "support_person_id", "note_id", "session_id", "check_in_id"];

    /// <summary>Columns that name a staff member: the copy's clinician.</summary>
    private static readonly HashSet<string> StaffRefs =
        ["author_id", "recorded_by_id", "created_by_id", "updated_by_id", "changed_by_id", "signed_by_id", "resolved_by_id", "acknowledged_by_id", "clinician_id"];

    private static readonly string[] PerClientTables =
    [
        "case_notes", "boundaries", "boundary_revisions", "support_people", "safety_concerns", "safety_concern_actions",
        "safety_concern_changes", "clinician_alerts", "safety_plans", "client_stage_models", "stage_assessments", "sessions",
        "self_care_checklists", "check_in_prompt_settings",
    ];

    public static async Task<bool> IsSeededAsync(NpgsqlConnection db) =>
        await Scalar<bool>(db, $"SELECT EXISTS (SELECT 1 FROM information_schema.tables WHERE table_name = '{Marker}')");

    public static async Task SeedAsync(NpgsqlConnection db)
    {
        // Copies and generated rows go in without row triggers; summaries are rebuilt once at the end.
        await Exec(db, "SET session_replication_role = replica");
        await Exec(db, MapSql);
        await Exec(db, ClinicianUsersSql);
        await Exec(db, ClientUsersSql);
        await Exec(db, ClientsSql);
        foreach (var table in PerClientTables)
            if (await CopySqlAsync(db, table) is { } sql) await Exec(db, sql);
        await Exec(db, AddendaSql);
        await Exec(db, CheckInsSql);
        await Exec(db, "SET session_replication_role = DEFAULT");
        if (await Scalar<bool>(db, "SELECT EXISTS (SELECT 1 FROM pg_proc WHERE proname = 'refresh_client_summary')"))
            await Exec(db, "SELECT refresh_client_summary(id) FROM clients");
        await Exec(db, $"CREATE TABLE {Marker} (seeded_at timestamptz NOT NULL DEFAULT now()); INSERT INTO {Marker} DEFAULT VALUES; ANALYZE;");
    }

    private static readonly string MapSql = $"""
        CREATE TEMP TABLE clinician_map AS
          SELECT n, md5('bench-clinician-' || n)::uuid AS id FROM generate_series(1, {Clinicians}) n;
        CREATE TEMP TABLE client_map AS
          WITH templates AS (SELECT id, row_number() OVER (ORDER BY created_at, id) - 1 AS t FROM clients)
          SELECT k, md5('bench-client-' || k)::uuid AS id, md5('bench-client-user-' || k)::uuid AS user_id,
                 (SELECT id FROM templates WHERE t = (k - 1) % (SELECT count(*) FROM templates)) AS template_id,
                 (SELECT id FROM clinician_map WHERE n = CASE WHEN k <= 50 THEN 1 WHEN k <= 550 THEN 2 ELSE 3 + (k - 551) % 38 END) AS clinician_id
          FROM generate_series(1, {Clients}) k;
        """;

    private const string Domain = "bench.clinicportal.test";

    /// <summary>The SQL for one of <see cref="ClinicianEmail"/> / <see cref="ClientEmail"/>, over a map row's number.</summary>
    private static string EmailSql(string who, string number, int digits) => $"'bench-{who}-' || lpad({number}::text, {digits}, '0') || '@{Domain}'";

    /// <summary>A sign-in per map row, with the demo password of that role (its hash copied from a demo user).</summary>
    private static string UsersSql(string map, string id, string email, string displayName, string age, string role) => $"""
        INSERT INTO users (id, display_name, is_active, created_at, user_name, normalized_user_name, email, normalized_email,
                           email_confirmed, password_hash, security_stamp, concurrency_stamp, phone_number_confirmed,
                           two_factor_enabled, lockout_enabled, access_failed_count, alert_mail_from)
        SELECT m.{id}, {displayName}, true, now() - interval '{age}', e, upper(e), e, upper(e), true,
               t.password_hash, md5(random()::text), md5(random()::text), false, false, true, 0, 3
        FROM {map} m, LATERAL (SELECT {email}) x(e),
             (SELECT u.password_hash FROM users u JOIN user_roles r ON r.user_id = u.id JOIN roles ro ON ro.id = r.role_id
              WHERE ro.name = '{role}' ORDER BY u.email LIMIT 1) t;
        INSERT INTO user_roles (user_id, role_id) SELECT m.{id}, (SELECT id FROM roles WHERE name = '{role}') FROM {map} m;
        """;

    private static readonly string ClinicianUsersSql =
        UsersSql("clinician_map", "id", EmailSql("clinician", "m.n", 2), "'Bench Clinician ' || m.n", "2 years", Roles.Clinician);

    private static readonly string ClientUsersSql =
        UsersSql("client_map", "user_id", EmailSql("client", "m.k", 4), "'Client ' || m.k", "1 year", Roles.Client);

    private static readonly string ClientsSql = $"""
        INSERT INTO clients (id, full_name, preferred_name, pronouns, date_of_birth, email, phone, time_zone_id, status, intake_date,
                             presenting_concern, primary_clinician_id, user_id, created_at, updated_at)
        SELECT m.id,
               (ARRAY['Alex','Blair','Cameron','Dana','Eden','Finley','Gray','Harper','Indy','Jesse','Kai','Lane','Marlow','Noel','Oakley',
                      'Parker','Quinn','Reese','Sage','Tatum','Umi','Vale','Wren','Xen','Yael'])[1 + m.k % 25] || ' ' ||
               (ARRAY['Abbott','Bishop','Carver','Dalton','Ellis','Fischer','Garner','Holt','Irving','Jensen','Keller','Larsen','Mercer',
                      'Nolan','Ortega','Pryce','Quade','Rowe','Sutton','Travers','Underwood','Vance','Whitaker','Yates','Zeller',
                      'Ashby','Brandt','Collier','Doyle','Emery','Foster','Gillespie','Hale','Ingram','Joyner','Kerr','Lowell','Moss',
                      'Nash','Orr','Pike','Rhodes','Shaw','Tate','Voss','Ward','Young','Zane','Bauer','Crane'])[1 + (m.k / 25) % 50] || ' ' || m.k,
               CASE WHEN m.k % 4 = 0 THEN (ARRAY['Al','Bee','Cam','Dee'])[1 + m.k % 4] END,
               t.pronouns, t.date_of_birth, {EmailSql("client", "m.k", 4)}, t.phone,
               t.time_zone_id, CASE WHEN m.k % 20 = 0 THEN 1 WHEN m.k % 33 = 0 THEN 2 ELSE 0 END,
               (current_date - (30 + m.k % 300)), t.presenting_concern, m.clinician_id, m.user_id, now() - interval '1 year', now()
        FROM client_map m JOIN clients t ON t.id = m.template_id;
        """;

    private static async Task<string?> CopySqlAsync(NpgsqlConnection db, string table)
    {
        var columns = new List<(string Name, bool Identity)>();
        await using (var cmd = new NpgsqlCommand(
            "SELECT column_name, is_identity = 'YES' OR is_generated = 'ALWAYS' FROM information_schema.columns WHERE table_name = @t AND table_schema = 'public' ORDER BY ordinal_position", db))
        {
            cmd.Parameters.AddWithValue("t", table);
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync()) columns.Add((reader.GetString(0), reader.GetBoolean(1)));
        }
        if (columns.Count == 0) return null;
        var names = columns.Where(c => !c.Identity).Select(c => c.Name).ToList();
        var values = names.Select(n =>
            n == "client_id" ? "m.id"
            : CopiedRefs.Contains(n) ? $"CASE WHEN t.{n} IS NULL THEN NULL ELSE md5(t.{n}::text || m.k)::uuid END"
            : StaffRefs.Contains(n) ? $"CASE WHEN t.{n} IS NULL THEN NULL ELSE m.clinician_id END"
            : $"t.{n}");
        return new StringBuilder()
            .Append($"INSERT INTO {table} ({string.Join(", ", names)}) SELECT {string.Join(", ", values)} ")
            .Append($"FROM {table} t JOIN client_map m ON m.template_id = t.client_id")
            .ToString();
    }

    private const string AddendaSql = """
        INSERT INTO case_note_addenda (id, note_id, author_id, text, created_at)
        SELECT md5(a.id::text || m.k)::uuid, md5(a.note_id::text || m.k)::uuid, m.clinician_id, a.text, a.created_at
        FROM case_note_addenda a JOIN case_notes n ON n.id = a.note_id JOIN client_map m ON m.template_id = n.client_id;
        """;

    // 100 check-ins a client, about every 3.6 days over the last year; urges drift, some contact attempts and setbacks.
    private static readonly string CheckInsSql = $"""
        INSERT INTO check_ins (id, client_id, mood, urge, sleep, contact_attempted, channel, contact_note, broke_contact,
                               self_care, shared_journal, created_at, updated_at)
        SELECT md5('bench-check-in-' || m.k || '-' || i)::uuid, m.id,
               (3 + (m.k * 7 + i * 3) % 6), ((m.k + i * 5) % 11), 1 + (m.k + i) % 5,
               (m.k + i) % 12 = 0, CASE WHEN (m.k + i) % 12 = 0 THEN (m.k + i) % 6 END,
               CASE WHEN (m.k + i) % 12 = 0 THEN 'Tried to reach me again' END,
               (m.k * 3 + i) % 50 = 0, ARRAY['Walk', 'Called a friend'],
               CASE WHEN i % 10 = 0 THEN 'Harder week, but I kept to the plan.' END,
               now() - make_interval(hours => i * 87 + m.k % 24), now() - make_interval(hours => i * 87 + m.k % 24)
        FROM client_map m, generate_series(0, {CheckInsPerClient - 1}) i;
        INSERT INTO private_journal_entries (id, check_in_id, client_id, text, created_at, updated_at)
        SELECT md5('bench-journal-' || c.id)::uuid, c.id, c.client_id, 'Private thoughts for me only.', c.created_at, c.updated_at
        FROM check_ins c JOIN client_map m ON m.id = c.client_id
        WHERE get_byte(decode(md5(c.id::text), 'hex'), 0) < 13;
        """;

    private static async Task Exec(NpgsqlConnection db, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, db) { CommandTimeout = 600 };
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task<T> Scalar<T>(NpgsqlConnection db, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, db);
        return (T)(await cmd.ExecuteScalarAsync())!;
    }
}
