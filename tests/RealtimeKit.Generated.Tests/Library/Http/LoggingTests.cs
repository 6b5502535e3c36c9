using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RealtimeKit.Generated.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace RealtimeKit.Generated.Tests;

/// <summary>
/// AddRealtimeKit logs through one handler of its own, innermost: each attempt at Debug, headers
/// at Trace with credentials hidden, nothing at Information; IHttpClientFactory's own loggers
/// are off unless the caller adds them back.
/// </summary>
public sealed class LoggingTests : IDisposable
{
    private const string Category = "RealtimeKit.Generated.RealtimeKitLoggingHandler";
    private readonly ApiServer _api = ApiServer.Start();
    private readonly CapturingLoggerProvider _sink = new();

    public void Dispose() => _api.Dispose();

    private ServiceProvider Provider(LogLevel level, Action<RealtimeKitClientOptions>? configure = null, Action<IHttpClientBuilder>? builder = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(level).AddProvider(_sink));
        var http = services.AddRealtimeKit(options =>
        {
            options.ApiToken = _api.Token;
            options.BaseAddress = _api.BaseAddress;
            options.Retry.MaxRetries = 0;
            configure?.Invoke(options);
        });
        builder?.Invoke(http);
        return services.BuildServiceProvider();
    }

    private void Answer(int status) =>
        _api.Server.Given(Request.Create()).RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody("{\"success\":true,\"data\":[]}"));

    private IReadOnlyList<CapturingLoggerProvider.LogLine> HandlerLines() => [.. _sink.Entries.Where(line => line.Category == Category)];

    [Fact]
    public async Task At_Debug_each_call_logs_its_method_address_and_status_with_the_query_hidden()
    {
        Answer(200);
        using var provider = Provider(LogLevel.Debug);
        var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(RealtimeKitClient.HttpClientName);

        using var response = await http.GetAsync(new Uri("accounts/acc/realtime/kit/app/meetings?search=private-name", UriKind.Relative));

        var lines = HandlerLines();
        Assert.Equal(2, lines.Count);
        Assert.Equal(LogLevel.Debug, lines[0].Level);
        Assert.Equal($"Sending GET {_api.BaseAddress}/accounts/acc/realtime/kit/app/meetings?*", lines[0].Message);
        Assert.StartsWith($"GET {_api.BaseAddress}/accounts/acc/realtime/kit/app/meetings?* answered 200 after ", lines[1].Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_sink.Lines, line => line.Contains("private-name", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_retry_is_logged_as_an_attempt_of_its_own()
    {
        Answer(503);
        using var provider = Provider(LogLevel.Debug, options =>
        {
            options.Retry.MaxRetries = 2;
            options.Retry.BaseDelay = TimeSpan.Zero;
        });

        await Assert.ThrowsAsync<RealtimeKitApiException>(() => provider.GetRequiredService<IWebhooksClient>().ListWebhooksAsync("acc", "app"));

        Assert.Equal(3, HandlerLines().Count(line => line.Message.StartsWith("Sending GET ", StringComparison.Ordinal)));
        Assert.Equal(3, HandlerLines().Count(line => line.Message.Contains(" answered 503 after ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task At_Information_the_client_logs_nothing()
    {
        Answer(200);
        using var provider = Provider(LogLevel.Information);

        await provider.GetRequiredService<IWebhooksClient>().ListWebhooksAsync("acc", "app");

        Assert.DoesNotContain(_sink.Entries, line => line.Level >= LogLevel.Information && (line.Category == Category || line.Category.StartsWith("System.Net.Http", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task At_Trace_headers_are_logged_with_the_legacy_credential_hidden()
    {
        Answer(200);
        using var provider = Provider(LogLevel.Trace, options =>
        {
            options.ApiToken = null;
            options.ApiEmail = "owner@example.com";
            options.ApiKey = "legacy-global-key-0123456789";
        });

        await provider.GetRequiredService<IWebhooksClient>().ListWebhooksAsync("acc", "app");

        var headers = Assert.Single(HandlerLines(), line => line.Message.StartsWith("Request headers:", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Trace, headers.Level);
        Assert.Contains("\nX-Auth-Email: *", headers.Message, StringComparison.Ordinal);
        Assert.Contains("\nX-Auth-Key: *", headers.Message, StringComparison.Ordinal);
        Assert.Contains("\nAccept: application/json", headers.Message, StringComparison.Ordinal);
        Assert.Single(HandlerLines(), line => line.Message.StartsWith("Response headers:", StringComparison.Ordinal) && line.Message.Contains("\nContent-Type: application/json", StringComparison.Ordinal));
        Assert.DoesNotContain(_sink.Lines, line => line.Contains("legacy-global-key-0123456789", StringComparison.Ordinal) || line.Contains("owner@example.com", StringComparison.Ordinal));
    }

    [Fact]
    public async Task At_Trace_only_the_allowed_headers_show_their_values()
    {
        _api.Server.Given(Request.Create()).RespondWith(Response.Create().WithStatusCode(200)
            .WithHeader("Content-Type", "application/json")
            .WithHeader("Ratelimit", "\"default\";r=1199;t=300")
            .WithHeader("Set-Cookie", "session=cookie-secret-42")
            .WithBody("{\"success\":true,\"data\":[]}"));
        using var provider = Provider(LogLevel.Trace, builder: http => http.ConfigureHttpClient(client => client.DefaultRequestHeaders.Add("X-Proxy-Credential", "proxy-secret-17")));

        await provider.GetRequiredService<IWebhooksClient>().ListWebhooksAsync("acc", "app");

        var request = Assert.Single(HandlerLines(), line => line.Message.StartsWith("Request headers:", StringComparison.Ordinal)).Message;
        var response = Assert.Single(HandlerLines(), line => line.Message.StartsWith("Response headers:", StringComparison.Ordinal)).Message;
        Assert.Contains("\nX-Proxy-Credential: *", request, StringComparison.Ordinal);
        Assert.Contains("\nAuthorization: *", request, StringComparison.Ordinal);
        Assert.Contains("\nUser-Agent: RealtimeKit.Generated/", request, StringComparison.Ordinal);
        Assert.Contains("\nSet-Cookie: *", response, StringComparison.Ordinal);
        Assert.Contains("\nRatelimit: \"default\";r=1199;t=300", response, StringComparison.Ordinal);
        Assert.DoesNotContain(_sink.Lines, line => line.Contains("proxy-secret-17", StringComparison.Ordinal) || line.Contains("cookie-secret-42", StringComparison.Ordinal) || line.Contains(_api.Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_request_that_gets_no_answer_is_logged_with_its_exception()
    {
        var closedPort = Ports.OutsideEphemeralRange(); // no parallel test is handed it for port 0
        using var provider = Provider(LogLevel.Debug, options => options.BaseAddress = new Uri($"http://127.0.0.1:{closedPort}/client/v4"));

        await Assert.ThrowsAsync<RealtimeKitConnectionException>(() => provider.GetRequiredService<IWebhooksClient>().ListWebhooksAsync("acc", "app"));

        var failed = Assert.Single(HandlerLines(), line => line.Message.Contains(" failed after ", StringComparison.Ordinal));
        Assert.IsType<HttpRequestException>(failed.Exception);
    }

    [Fact]
    public async Task AddDefaultLogger_brings_back_the_factory_logs_with_the_credential_hidden()
    {
        Answer(200);
        using var provider = Provider(LogLevel.Trace, builder: http => http.AddDefaultLogger());

        await provider.GetRequiredService<IWebhooksClient>().ListWebhooksAsync("acc", "app");

        var factoryLines = _sink.Entries.Where(line => line.Category.StartsWith("System.Net.Http.HttpClient." + RealtimeKitClient.HttpClientName, StringComparison.Ordinal)).ToList();
        Assert.Contains(factoryLines, line => line.Message.Contains("Authorization: *", StringComparison.Ordinal));
        Assert.Contains(factoryLines, line => line.Message.Contains("Content-Type: application/json", StringComparison.Ordinal));
        Assert.DoesNotContain(_sink.Lines, line => line.Contains(_api.Token, StringComparison.Ordinal));
    }
}
