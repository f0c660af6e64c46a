using ClinicPortal.Core.Accounts;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Infrastructure.Database;

/// <summary>
/// The DDL EF Core would create from the model. Developers start a new db/migrations script from
/// its output (`dotnet run --project src/ClinicPortal.Web -- --print-model-sql`); the drift test
/// keeps the scripts and the model equal.
/// </summary>
public static class ModelSql
{
    public static string Generate()
    {
        var options = new DbContextOptionsBuilder<ClinicDbContext>().UseNpgsql("Host=unused").Options;
        using var db = new ClinicDbContext(options, AccessScope.System);
        return db.Database.GenerateCreateScript();
    }
}
