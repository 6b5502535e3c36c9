using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json;
using Polly;
using Polly.Retry;

namespace RealtimeKit.Generated.Benchmarks;

/// <summary>The library as users get it: AddRealtimeKit (auth handler, error mapping, resilience pipeline) over the in-memory API.</summary>
internal static class Library
{
    public static (ServiceProvider Provider, IWebhooksClient Client) Create(HttpMessageHandler api, Action<IHttpClientBuilder>? adjust = null)
    {
        var services = new ServiceCollection();
        var builder = services.AddRealtimeKit(options =>
        {
            options.ApiToken = Contest.Token;
            options.BaseAddress = Contest.BaseAddress;
            Contest.NeverWait(options.RateLimit);
        }).ConfigurePrimaryHttpMessageHandler(() => api);
        adjust?.Invoke(builder);
        var provider = services.BuildServiceProvider();
        return (provider, provider.GetRequiredService<IWebhooksClient>());
    }
}

internal static class Contest
{
    public const string Token = "benchmark-token";
    public const string Account = "023e105f4ecef8ad9ca31a8372d0c353";
    public const string App = "app_id";
    public static readonly Uri BaseAddress = new("https://api.example.test/client/v4/");
    public static readonly Guid WebhookId = Guid.Parse("0d1f069d-43bb-489a-ad8c-7eb95592ba8e");

    /// <summary>The rate budget stays in the pipeline (its cost per call is measured) but never makes a call wait: more permits per second than any run sends.</summary>
    public static void NeverWait(RealtimeKitRateLimitOptions rateLimit)
    {
        rateLimit.PermitsPerWindow = 10_000_000;
        rateLimit.Window = TimeSpan.FromSeconds(1);
    }
    public const string Collection = "accounts/023e105f4ecef8ad9ca31a8372d0c353/realtime/kit/app_id/webhooks";
    public const string Single = Collection + "/0d1f069d-43bb-489a-ad8c-7eb95592ba8e";
    public static readonly string[] AllEvents =
    [
        "meeting.started", "meeting.ended", "meeting.participantJoined", "meeting.participantLeft", "meeting.chatSynced",
        "recording.statusUpdate", "livestreaming.statusUpdate", "meeting.transcript", "meeting.summary",
    ];
}

/// <summary>The baseline: what a careful developer writes by hand with HttpClient and Newtonsoft.Json, doing the same work.</summary>
internal sealed class HandWrittenNewtonsoft(HttpMessageHandler api, Uri? baseAddress = null, string token = Contest.Token)
{
    private static readonly Newtonsoft.Json.JsonSerializer _serializer = Newtonsoft.Json.JsonSerializer.CreateDefault();
    private readonly HttpClient _http = new(api, disposeHandler: false) { BaseAddress = baseAddress ?? Contest.BaseAddress };

    public Task<NsEnvelope<NsWebhook>> SendAsync(HttpMethod method, string path, object? body) => SendAsync<NsEnvelope<NsWebhook>>(method, path, body);

    public async Task<T> SendAsync<T>(HttpMethod method, string path, object? body)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (body is not null)
        {
            request.Content = new StringContent(JsonConvert.SerializeObject(body), Encoding.UTF8, "application/json");
        }

        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            throw new HttpRequestException($"API {(int)response.StatusCode}: {text}", null, response.StatusCode);
        }

        using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        using var reader = new JsonTextReader(new StreamReader(stream));
        return _serializer.Deserialize<T>(reader)!;
    }
}

/// <summary>
/// The fair baseline: what a careful team writes by hand, HttpClient and Newtonsoft.Json with a
/// Polly pipeline of a total timeout and retries (408, 429, 5xx and transport failures, exponential
/// back-off with jitter), a fresh request per attempt, the status checked and the body read as a stream.
/// </summary>
internal sealed class HandWrittenPolly(HttpMessageHandler api)
{
    private static readonly Newtonsoft.Json.JsonSerializer _serializer = Newtonsoft.Json.JsonSerializer.CreateDefault();

    private static readonly ResiliencePipeline<HttpResponseMessage> _pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>()
        .AddTimeout(TimeSpan.FromSeconds(100))
        .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
        {
            MaxRetryAttempts = 3,
            Delay = TimeSpan.FromMilliseconds(500),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                .Handle<HttpRequestException>()
                .HandleResult(response => response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500),
        })
        .Build();

    private readonly HttpClient _http = new(api, disposeHandler: false) { BaseAddress = Contest.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };

    public Task<NsEnvelope<NsWebhook>> SendAsync(HttpMethod method, string path, object? body) => SendAsync<NsEnvelope<NsWebhook>>(method, path, body);

    public async Task<T> SendAsync<T>(HttpMethod method, string path, object? body)
    {
        var json = body is null ? null : JsonConvert.SerializeObject(body);
        using var response = await _pipeline.ExecuteAsync(
            static async (state, cancellationToken) =>
            {
                using var request = new HttpRequestMessage(state.method, state.path);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Contest.Token);
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                if (state.json is not null)
                {
                    request.Content = new StringContent(state.json, Encoding.UTF8, "application/json");
                }

                return await state.http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            },
            (http: _http, method, path, json)).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            throw new HttpRequestException($"API {(int)response.StatusCode}: {text}", null, response.StatusCode);
        }

        using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        using var reader = new JsonTextReader(new StreamReader(stream));
        return _serializer.Deserialize<T>(reader)!;
    }
}

/// <summary>The floor .NET can reach: HttpClient with System.Text.Json source generation.</summary>
internal sealed class SystemTextJsonSourceGenerated(HttpMessageHandler api)
{
    private readonly HttpClient _http = new(api, disposeHandler: false) { BaseAddress = Contest.BaseAddress };

    public async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> result)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Contest.Token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (body is not null)
        {
            var bytes = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(body, StjContext.Default.GetTypeInfo(body.GetType())!);
            request.Content = new ByteArrayContent(bytes);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            throw new HttpRequestException($"API {(int)response.StatusCode}: {text}", null, response.StatusCode);
        }

        using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        return (await System.Text.Json.JsonSerializer.DeserializeAsync(stream, result).ConfigureAwait(false))!;
    }
}

public sealed class NsWebhook
{
    [JsonProperty("id")] public Guid Id { get; set; }
    [JsonProperty("name")] public string Name { get; set; } = "";
    [JsonProperty("url")] public Uri Url { get; set; } = null!;
    [JsonProperty("events")] public List<string> Events { get; set; } = [];
    [JsonProperty("enabled")] public bool Enabled { get; set; }
    [JsonProperty("created_at")] public DateTimeOffset CreatedAt { get; set; }
    [JsonProperty("updated_at")] public DateTimeOffset UpdatedAt { get; set; }
}

public sealed class NsEnvelope<T>
{
    [JsonProperty("success")] public bool Success { get; set; }
    [JsonProperty("data")] public T Data { get; set; } = default!;
}

public sealed class NsAdd
{
    [JsonProperty("name")] public string Name { get; set; } = "";
    [JsonProperty("url")] public string Url { get; set; } = "";
    [JsonProperty("events")] public string[] Events { get; set; } = [];
}

public sealed class NsEdit
{
    [JsonProperty("enabled", NullValueHandling = NullValueHandling.Ignore)] public bool? Enabled { get; set; }
}

public sealed class StjWebhook
{
    [JsonPropertyName("id")] public Guid Id { get; set; }
    [JsonPropertyName("name")] public string Name { get; set; } = "";
    [JsonPropertyName("url")] public Uri Url { get; set; } = null!;
    [JsonPropertyName("events")] public List<string> Events { get; set; } = [];
    [JsonPropertyName("enabled")] public bool Enabled { get; set; }
    [JsonPropertyName("created_at")] public DateTimeOffset CreatedAt { get; set; }
    [JsonPropertyName("updated_at")] public DateTimeOffset UpdatedAt { get; set; }
}

public sealed class StjEnvelope
{
    [JsonPropertyName("success")] public bool Success { get; set; }
    [JsonPropertyName("data")] public StjWebhook Data { get; set; } = null!;
}

public sealed class StjListEnvelope
{
    [JsonPropertyName("success")] public bool Success { get; set; }
    [JsonPropertyName("data")] public List<StjWebhook> Data { get; set; } = [];
}

public sealed class StjAdd
{
    [JsonPropertyName("name")] public string Name { get; set; } = "";
    [JsonPropertyName("url")] public string Url { get; set; } = "";
    [JsonPropertyName("events")] public string[] Events { get; set; } = [];
}

public sealed class StjEdit
{
    [JsonPropertyName("enabled")]
    [System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Enabled { get; set; }
}

[JsonSerializable(typeof(StjEnvelope))]
[JsonSerializable(typeof(StjListEnvelope))]
[JsonSerializable(typeof(StjAdd))]
[JsonSerializable(typeof(StjEdit))]
internal sealed partial class StjContext : JsonSerializerContext;
