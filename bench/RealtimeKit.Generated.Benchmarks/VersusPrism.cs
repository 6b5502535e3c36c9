using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json.Linq;

namespace RealtimeKit.Generated.Benchmarks;

/// <summary>
/// <c>--versus sandbox=URL prism=URL --token T</c> (bench/versus-prism.sh starts both): the
/// sandbox against Prism serving the same document. First the same ten requests to each (a
/// webhook added, read back, listed, edited, read, deleted, read again; a bad body, a wrong token,
/// an unknown id), with what each answered and whether it is what the service answers; then
/// the load: a get and an add, 32 callers for a few seconds each, in turns, through one bare
/// HttpClient that reads the answer's bytes (the same client for both, so that only the server
/// differs), reporting requests/s, p50 and p99.
/// </summary>
internal static class VersusPrism
{
    private const string Account = "023e105f4ecef8ad9ca31a8372d0c353";
    private const string App = "5c9cdb5a-706c-48e9-94f9-3f1bbde8d0df";
    private const string AddBody = """{"name":"versus","url":"https://example.com/hook","events":["meeting.started"]}""";

    public static async Task<int> RunAsync(string[] args)
    {
        var token = BenchArguments.Text(args, "--token", "sandbox-token");
        var callers = BenchArguments.Int(args, "--callers", 32);
        var seconds = BenchArguments.Int(args, "--seconds", 5);
        var rounds = BenchArguments.Int(args, "--rounds", 3);
        var servers = args.Where(a => a.Contains('=', StringComparison.Ordinal) && !a.StartsWith("--", StringComparison.Ordinal))
            .Select(a => (Name: a[..a.IndexOf('=', StringComparison.Ordinal)], Base: new Uri(a[(a.IndexOf('=', StringComparison.Ordinal) + 1)..].TrimEnd('/') + "/")))
            .ToList();
        using var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), MaxConnectionsPerServer = callers };
        using var http = new HttpClient(handler, disposeHandler: false) { Timeout = TimeSpan.FromSeconds(30) };

        // The ten requests.
        var answers = new List<(string Request, string Expected, List<(string Answer, bool Right)> Servers)>();
        foreach (var (name, baseUri) in servers)
        {
            var rows = await TenRequestsAsync(http, baseUri, token).ConfigureAwait(false);
            for (var i = 0; i < rows.Count; i++)
            {
                if (answers.Count <= i)
                {
                    answers.Add((rows[i].Request, rows[i].Expected, []));
                }

                answers[i].Servers.Add((rows[i].Answer, rows[i].Right));
            }
        }

        Console.WriteLine($"| request | the service | {string.Join(" | ", servers.Select(s => s.Name))} |");
        Console.WriteLine($"|---|---|{string.Concat(servers.Select(_ => "---|"))}");
        foreach (var (request, expected, got) in answers)
        {
            Console.WriteLine($"| {request} | {expected} | {string.Join(" | ", got.Select(g => $"{(g.Right ? "✓" : "✗")} {g.Answer}"))} |");
        }

        Console.WriteLine(string.Join(", ", servers.Select((s, i) => $"{s.Name}: {answers.Count(a => a.Servers[i].Right)} of {answers.Count} right")));

        // The load, get and add, in turns.
        var results = new Dictionary<(string, string), List<(double Rate, double P50, double P99, int Errors)>>();
        foreach (var (name, baseUri) in servers)
        {
            // Warm-up, and a webhook to get.
            await LoadAsync(http, baseUri, token, "add", null, callers, TimeSpan.FromSeconds(1)).ConfigureAwait(false);
        }

        var ids = new Dictionary<string, string>();
        foreach (var (name, baseUri) in servers)
        {
            ids[name] = await AddAsync(http, baseUri, token).ConfigureAwait(false) ?? Guid.NewGuid().ToString();
            await LoadAsync(http, baseUri, token, "get", ids[name], callers, TimeSpan.FromSeconds(1)).ConfigureAwait(false);
        }

        for (var round = 1; round <= rounds; round++)
        {
            foreach (var kind in new[] { "get", "add" })
            {
                foreach (var (name, baseUri) in round % 2 == 1 ? servers : Enumerable.Reverse(servers))
                {
                    var result = await LoadAsync(http, baseUri, token, kind, ids[name], callers, TimeSpan.FromSeconds(seconds)).ConfigureAwait(false);
                    (results.TryGetValue((name, kind), out var list) ? list : results[(name, kind)] = []).Add(result);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"versus, round {round}, {kind}, {name,-8}: {result.Rate:F0} requests/s, p50 {result.P50:F2} ms, p99 {result.P99:F2} ms, {result.Errors} not 2xx"));
                }
            }
        }

        foreach (var kind in new[] { "get", "add" })
        {
            var medians = servers.ToDictionary(s => s.Name, s => results[(s.Name, kind)].OrderBy(r => r.Rate).ElementAt(rounds / 2));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"versus, {kind}, median round: {string.Join(", ", medians.Select(m => $"{m.Key} {m.Value.Rate:F0} requests/s (p50 {m.Value.P50:F2} ms, p99 {m.Value.P99:F2} ms)"))}; " +
                $"{servers[0].Name} / {servers[^1].Name} = {medians[servers[0].Name].Rate / medians[servers[^1].Name].Rate:F1}×"));
        }

        return 0;
    }

    private static async Task<List<(string Request, string Expected, string Answer, bool Right)>> TenRequestsAsync(HttpClient http, Uri baseUri, string token)
    {
        var rows = new List<(string, string, string, bool)>();
        var webhooks = $"accounts/{Account}/realtime/kit/{App}/webhooks";
        var (status, json) = await SendAsync(http, baseUri, token, HttpMethod.Post, webhooks, AddBody).ConfigureAwait(false);
        var id = json?["data"]?["id"]?.ToString();
        rows.Add(("add a webhook", "201, a new id", $"{status}, id {Short(id)}", status == 201 && id is not null));

        (status, json) = await SendAsync(http, baseUri, token, HttpMethod.Get, $"{webhooks}/{id}", null).ConfigureAwait(false);
        var name = json?["data"]?["name"]?.ToString();
        rows.Add(("get it", "200, name \"versus\"", $"{status}, name \"{name}\"", status == 200 && name == "versus"));

        (status, json) = await SendAsync(http, baseUri, token, HttpMethod.Get, webhooks, null).ConfigureAwait(false);
        var listed = json?["data"] is JArray list && list.Any(w => w["id"]?.ToString() == id);
        rows.Add(("list", "200, the new one in it", $"{status}, {(listed ? "in it" : "not in it")}", status == 200 && listed));

        (status, json) = await SendAsync(http, baseUri, token, HttpMethod.Patch, $"{webhooks}/{id}", """{"enabled":false}""").ConfigureAwait(false);
        var enabled = json?["data"]?["enabled"]?.ToString();
        rows.Add(("edit: enabled false", "200, enabled false", $"{status}, enabled {enabled}", status == 200 && enabled == "False"));

        (status, json) = await SendAsync(http, baseUri, token, HttpMethod.Get, $"{webhooks}/{id}", null).ConfigureAwait(false);
        enabled = json?["data"]?["enabled"]?.ToString();
        rows.Add(("get it again", "200, enabled false", $"{status}, enabled {enabled}", status == 200 && enabled == "False"));

        (status, _) = await SendAsync(http, baseUri, token, HttpMethod.Delete, $"{webhooks}/{id}", null).ConfigureAwait(false);
        rows.Add(("delete it", "200", $"{status}", status == 200));

        (status, _) = await SendAsync(http, baseUri, token, HttpMethod.Get, $"{webhooks}/{id}", null).ConfigureAwait(false);
        rows.Add(("get it after the delete", "404", $"{status}", status == 404));

        (status, _) = await SendAsync(http, baseUri, token, HttpMethod.Post, webhooks, """{"name":"no url","events":[]}""").ConfigureAwait(false);
        rows.Add(("add without url (bad body)", "400", $"{status}", status == 400));

        (status, _) = await SendAsync(http, baseUri, "wrong-token", HttpMethod.Get, webhooks, null).ConfigureAwait(false);
        rows.Add(("list with a wrong token", "401", $"{status}", status == 401));

        (status, _) = await SendAsync(http, baseUri, token, HttpMethod.Get, $"{webhooks}/{Guid.NewGuid()}", null).ConfigureAwait(false);
        rows.Add(("get an unknown id", "404", $"{status}", status == 404));
        return rows;

        static string Short(string? id) => id is null ? "none" : id.Length > 8 ? id[..8] + "…" : id;
    }

    private static async Task<(int Status, JToken? Json)> SendAsync(HttpClient http, Uri baseUri, string token, HttpMethod method, string path, string? body)
    {
        using var request = Request(baseUri, token, method, path, body);
        using var response = await http.SendAsync(request).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        JToken? json = null;
        try
        {
            json = text.Length > 0 ? JToken.Parse(text) : null;
        }
        catch (Newtonsoft.Json.JsonException)
        {
        }

        return ((int)response.StatusCode, json);
    }

    private static async Task<string?> AddAsync(HttpClient http, Uri baseUri, string token) =>
        (await SendAsync(http, baseUri, token, HttpMethod.Post, $"accounts/{Account}/realtime/kit/{App}/webhooks", AddBody).ConfigureAwait(false)).Json?["data"]?["id"]?.ToString();

    private static HttpRequestMessage Request(Uri baseUri, string token, HttpMethod method, string path, string? body)
    {
        var request = new HttpRequestMessage(method, new Uri(baseUri, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        return request;
    }

    private static async Task<(double Rate, double P50, double P99, int Errors)> LoadAsync(HttpClient http, Uri baseUri, string token, string kind, string? id, int callers, TimeSpan duration)
    {
        var path = kind == "get" ? $"accounts/{Account}/realtime/kit/{App}/webhooks/{id}" : $"accounts/{Account}/realtime/kit/{App}/webhooks";
        var latencies = new List<double>[callers];
        var errors = 0;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(caller => Task.Run(async () =>
        {
            var mine = latencies[caller] = [];
            var buffer = new byte[16 * 1024];
            while (watch.Elapsed < duration)
            {
                var start = Stopwatch.GetTimestamp();
                using var request = Request(baseUri, token, kind == "get" ? HttpMethod.Get : HttpMethod.Post, path, kind == "get" ? null : AddBody);
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
                using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
                while (await stream.ReadAsync(buffer).ConfigureAwait(false) > 0)
                {
                }

                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref errors);
                }

                mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }))).ConfigureAwait(false);
        var elapsed = watch.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return (all.Length / elapsed, LoadTest.Percentile(all, 0.5), LoadTest.Percentile(all, 0.99), errors);
    }

}
