using System.Net;
using System.Text.Json;
using ClinicPortal.Testing;
using Npgsql;

namespace ClinicPortal.IntegrationTests.Foundation;

public sealed class HealthTests(DemoClinicApp app) : IClassFixture<DemoClinicApp>
{
    [Fact]
    public async Task Healthz_reports_database_and_job_servers_up()
    {
        var client = app.CreateClient();
        HttpResponseMessage response = null!;
        // The Hangfire servers announce themselves just after the host starts: wait for that, with a deadline.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        do
        {
            response = await client.GetAsync("/healthz");
            if (response.StatusCode == HttpStatusCode.OK) break;
            await Task.Delay(100);
        } while (DateTime.UtcNow < deadline);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("healthy", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("up", json.RootElement.GetProperty("database").GetProperty("status").GetString());
        var jobs = json.RootElement.GetProperty("jobs");
        Assert.Equal("running", jobs.GetProperty("status").GetString());
        Assert.Matches(@"^\d+ live job servers?$", jobs.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Healthz_is_503_naming_the_database_when_it_is_unreachable()
    {
        await using var doomed = new ClinicAppFactory(demo: false);
        var client = doomed.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/sign-in")).StatusCode);
        var database = new NpgsqlConnectionStringBuilder(doomed.ConnectionString).Database!;

        await SetConnectionsAllowed(database, false);
        try
        {
            var response = await client.GetAsync("/healthz");

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal("unhealthy", json.RootElement.GetProperty("status").GetString());
            Assert.Equal("down", json.RootElement.GetProperty("database").GetProperty("status").GetString());
        }
        finally
        {
            await SetConnectionsAllowed(database, true);
        }
    }

    /// <summary>Makes one database unreachable (and drops its open connections) without touching the others.</summary>
    private static async Task SetConnectionsAllowed(string database, bool allowed)
    {
        await using var admin = new NpgsqlConnection(TestCluster.Instance.ConnectionString("postgres"));
        await admin.OpenAsync();
        await using (var alter = new NpgsqlCommand($"ALTER DATABASE \"{database}\" WITH ALLOW_CONNECTIONS {(allowed ? "true" : "false")}", admin))
            await alter.ExecuteNonQueryAsync();
        if (allowed) return;
        await using var kill = new NpgsqlCommand("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = @db", admin);
        kill.Parameters.AddWithValue("db", database);
        await kill.ExecuteNonQueryAsync();
        NpgsqlConnection.ClearAllPools();
    }
}
