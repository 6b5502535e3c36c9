using System.Net.Http.Headers;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using RealtimeKit.Peers.Kiota;
using KiotaModels = RealtimeKit.Peers.Kiota.Models;
using NSwagDefault = RealtimeKit.Peers.NSwagDefault;

namespace RealtimeKit.Generated.Benchmarks;

/// <summary>
/// The clients a team would generate itself from openapi/realtimekit.yaml (bench/RealtimeKit.Generated.Peers,
/// generated at build time), set up as their generators' documentation shows, over the same API.
/// </summary>
internal static class Peers
{
    /// <summary>Kiota: its default HttpClient request adapter (KiotaClientFactory's middleware: retry, redirect, compression, user agent, …) with the API as the final handler, and a bearer token provider.</summary>
    public static KiotaRealtimeKitClient Kiota(HttpMessageHandler api, Uri? baseAddress = null, string token = Contest.Token)
    {
        var http = KiotaClientFactory.Create(api);
        var adapter = new HttpClientRequestAdapter(new BaseBearerTokenAuthenticationProvider(new StaticToken(token)), httpClient: http)
        {
            BaseUrl = (baseAddress ?? Contest.BaseAddress).ToString().TrimEnd('/'),
        };
        return new KiotaRealtimeKitClient(adapter);
    }

    /// <summary>NSwag with its stock templates: the generated Client over an HttpClient that carries the token.</summary>
    public static NSwagDefault.Client NSwag(HttpMessageHandler api, Uri? baseAddress = null, string token = Contest.Token)
    {
        var http = new HttpClient(api, disposeHandler: false);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new NSwagDefault.Client(http) { BaseUrl = (baseAddress ?? Contest.BaseAddress).ToString() };
    }

    public static readonly KiotaModels.WebhookEvent?[] KiotaAllEvents =
    [
        KiotaModels.WebhookEvent.MeetingStarted, KiotaModels.WebhookEvent.MeetingEnded, KiotaModels.WebhookEvent.MeetingParticipantJoined,
        KiotaModels.WebhookEvent.MeetingParticipantLeft, KiotaModels.WebhookEvent.MeetingChatSynced, KiotaModels.WebhookEvent.RecordingStatusUpdate,
        KiotaModels.WebhookEvent.LivestreamingStatusUpdate, KiotaModels.WebhookEvent.MeetingTranscript, KiotaModels.WebhookEvent.MeetingSummary,
    ];

    public static readonly NSwagDefault.WebhookEvent[] NSwagAllEvents = Enum.GetValues<NSwagDefault.WebhookEvent>();

    private sealed class StaticToken(string token) : IAccessTokenProvider
    {
        public AllowedHostsValidator AllowedHostsValidator { get; } = new();

        public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(token);
    }
}

/// <summary>
/// The transport floor: the same request (method, path, token, body bytes) sent through a bare
/// HttpClient and the answer's bytes read to the end, no JSON either way: what this machine's
/// HttpClient (and, on loopback, its sockets) costs before any client does any work.
/// </summary>
internal sealed class TransportOnly(HttpMessageHandler api, Uri? baseAddress = null, string token = Contest.Token)
{
    private static readonly MediaTypeHeaderValue _json = new("application/json");
    private readonly HttpClient _http = new(api, disposeHandler: false) { BaseAddress = baseAddress ?? Contest.BaseAddress };
    private readonly AuthenticationHeaderValue _authorization = new("Bearer", token);

    public async Task<long> SendAsync(HttpMethod method, string path, byte[]? body)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = _authorization;
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = _json;
        }

        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            long read = 0;
            int n;
            while ((n = await stream.ReadAsync(buffer).ConfigureAwait(false)) > 0)
            {
                read += n;
            }

            return read;
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
