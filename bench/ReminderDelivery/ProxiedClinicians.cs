using System.Collections.Concurrent;
using System.Net;
using ClinicPortal.Testing;

namespace ClinicPortal.Bench.ReminderDelivery;

/// <summary>
/// Clinicians who sign in and book a session through the reverse proxy, so that the sign-in cookie and
/// each form's anti-forgery token come from one instance and are used on the other. Every response must
/// be what a single instance would answer; the bench then checks each booking's reminder arrives once.
/// </summary>
public sealed class ProxiedClinicians(string proxyUrl)
{
    private readonly ConcurrentDictionary<string, int> _servedBy = new();

    /// <summary>Requests each instance answered (from the proxy's X-Portal-Upstream header).</summary>
    public IReadOnlyDictionary<string, int> ServedBy => _servedBy;

    /// <summary>Times a form page and its POST were answered by different instances.</summary>
    public int CrossInstanceForms;

    public async Task BookAsync(string email, string password, Guid clientId, DateTime localStart)
    {
        var recorder = new UpstreamRecorder(_servedBy) { InnerHandler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true } };
        using var http = new HttpClient(recorder) { BaseAddress = new Uri(proxyUrl) };
        var browser = new BrowserSession(http);

        var signIn = await Checked(recorder, () => browser.SignInAsync(email, password));
        Expect(signIn, HttpStatusCode.Redirect, "/clinician", $"sign-in of {email}");
        var home = await http.GetAsync("/clinician");
        Expect(home, HttpStatusCode.OK, null, "the caseload with the cookie from the other instance");

        var path = $"/clinician/clients/{clientId}/sessions";
        var booked = await Checked(recorder, () => browser.PostFormAsync(path, path,
        [
            new("Date", localStart.ToString("yyyy-MM-dd")), new("Time", localStart.ToString("HH:mm")),
            new("DurationMinutes", "50"), new("Modality", "Video"),
        ]));
        Expect(booked, HttpStatusCode.Redirect, path, $"booking for {email}");
    }

    /// <summary>Runs a form GET + POST and counts it when the two went to different instances.</summary>
    private async Task<HttpResponseMessage> Checked(UpstreamRecorder recorder, Func<Task<HttpResponseMessage>> form)
    {
        var before = recorder.Seen.Count;
        var response = await form();
        var pair = recorder.Seen.Skip(before).Take(2).ToList();
        if (pair.Count == 2 && pair[0] != pair[1]) Interlocked.Increment(ref CrossInstanceForms);
        return response;
    }

    private static void Expect(HttpResponseMessage response, HttpStatusCode status, string? location, string what)
    {
        if (response.StatusCode != status || (location is not null && response.Headers.Location?.OriginalString != location))
            throw new InvalidOperationException($"{what} through the proxy: {(int)response.StatusCode} {response.Headers.Location}");
    }

    private sealed class UpstreamRecorder(ConcurrentDictionary<string, int> servedBy) : DelegatingHandler
    {
        public List<string> Seen { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var response = await base.SendAsync(request, ct);
            var upstream = response.Headers.TryGetValues(ReverseProxy.UpstreamHeader, out var v) ? v.Single() : "?";
            Seen.Add(upstream);
            servedBy.AddOrUpdate(upstream, 1, (_, n) => n + 1);
            return response;
        }
    }
}
