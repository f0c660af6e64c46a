using ClinicPortal.Infrastructure.Database;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Infrastructure.HardDates;

/// <summary>
/// Moves the caseload's next hard date on once it has passed in the clinic's time zone (a yearly date to next year, a one-off date out):
/// one statement over the summaries whose date is behind today, which after the first run of a day are none.
/// Safe to run twice at once: both write the same values.
/// </summary>
[AutomaticRetry(Attempts = 0)]
public sealed class HardDatesRollJob(ClinicDbContext db)
{
    public Task<int> RunAsync(CancellationToken ct) => db.Database.ExecuteSqlRawAsync(
        "SELECT refresh_client_next_hard_date(client_id) FROM client_summaries WHERE next_hard_date < clinic_today()", ct);
}
