using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace ClinicPortal.PageLoad.Baseline;

public sealed record Fortune(int Id, string Message);

/// <summary>
/// The yardstick every page is compared with: a Fortunes-style page (MVC + Razor + Npgsql, 12 rows from
/// the same PostgreSQL cluster, one added in memory, sorted, HTML-encoded), served on its own port.
/// </summary>
public static class FortunesApp
{
    public const string Schema = """
        CREATE TABLE IF NOT EXISTS bench_fortunes (id integer PRIMARY KEY, message text NOT NULL);
        INSERT INTO bench_fortunes VALUES
          (1, 'fortune: No such file or directory'), (2, 'A computer scientist is someone who fixes things that aren''t broken.'),
          (3, 'After enough decimal places, nobody gives a damn.'), (4, 'A bad random number generator: 1, 1, 1, 1, 1, 4.33e+67, 1, 1, 1'),
          (5, 'A computer program does what you tell it to do, not what you want it to do.'), (6, 'Emacs is a nice operating system, but I prefer UNIX. — Tom Christaensen'),
          (7, 'Any program that runs right is obsolete.'), (8, 'A list is only as strong as its weakest link. — Donald Knuth'),
          (9, 'Feature: A bug with seniority.'), (10, 'Computers make very fast, very accurate mistakes.'),
          (11, '<script>alert("This should not be displayed in a browser alert box.");</script>'), (12, 'フレームワークのベンチマーク')
        ON CONFLICT (id) DO NOTHING;
        """;

    public static async Task<WebApplication> StartAsync(string connectionString, int port)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Services.AddControllersWithViews();
        builder.Services.AddSingleton(NpgsqlDataSource.Create(connectionString));
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        app.MapControllers();
        await app.StartAsync();
        return app;
    }
}

public sealed class FortunesController(NpgsqlDataSource db) : Controller
{
    [HttpGet("/fortunes")]
    public async Task<IActionResult> Index()
    {
        var fortunes = new List<Fortune>(13);
        await using (var command = db.CreateCommand("SELECT id, message FROM bench_fortunes"))
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                fortunes.Add(new Fortune(reader.GetInt32(0), reader.GetString(1)));
        fortunes.Add(new Fortune(0, "Additional fortune added at request time."));
        fortunes.Sort((a, b) => string.CompareOrdinal(a.Message, b.Message));
        return View("~/Baseline/Fortunes.cshtml", fortunes);
    }
}
