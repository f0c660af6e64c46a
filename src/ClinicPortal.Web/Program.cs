using ClinicPortal.Infrastructure;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Web;
using ClinicPortal.Web.Startup;

if (args.Contains("--print-model-sql"))
{
    Console.WriteLine(ModelSql.Generate());
    return 0;
}

var builder = WebApplication.CreateBuilder(args);
// Serve wwwroot (and its pre-compressed copies) from the build output in every environment, so
// `scripts/run.sh` works without a publish step; a published app has no manifest and is unaffected.
builder.WebHost.UseStaticWebAssets();
using var startupLogs = LoggerFactory.Create(l => l.AddSimpleConsole(o => o.SingleLine = true));
var logger = startupLogs.CreateLogger("ClinicPortal.Startup");

var dataRoot = DatabaseStartup.DataRoot(builder.Configuration, builder.Environment.ContentRootPath);
DatabaseStartup.Connections connections;
try
{
    connections = DatabaseStartup.Resolve(builder.Configuration, dataRoot, logger);
}
catch (PostgresNotInstalledException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}
var embedded = connections.Embedded;

try
{
    DemoModeGuard.CheckServer(builder.Configuration, embedded is not null);
    await DatabaseStartup.PrepareAsync(connections, logger);

    if (embedded is not null)
    {
        builder.Services.AddSingleton(embedded);
        builder.Services.AddHostedService<EmbeddedPostgresLifetime>(); // first registered, last stopped
    }
    builder.Services.AddClinicInfrastructure(builder.Configuration, connections.App, dataRoot);
    builder.Services.AddClinicWeb(builder.Configuration, dataRoot);

    var app = builder.Build();
    app.UseClinicPipeline();
    await StartupTasks.RunAsync(app);
    await app.RunAsync();
    return 0;
}
catch (StartupRefusedException e)
{
    logger.LogCritical("{Refusal}", e.Message);
    embedded?.Dispose();
    return 3;
}
catch (Exception e) when (embedded is not null && e is not HostAbortedException)
{
    logger.LogCritical(e, "Start-up failed");
    embedded.Dispose();
    return 2;
}

public partial class Program;
