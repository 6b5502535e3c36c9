using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RealtimeKit.Generated.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace RealtimeKit.Generated.Tests;

/// <summary>The API token never appears in an exception, a ToString() or a log line.</summary>
public sealed class SecretTests : IDisposable
{
    private const string Collection = "/client/v4/accounts/acc/realtime/kit/app/webhooks";
    private readonly ApiServer _api = ApiServer.Start();

    public void Dispose() => _api.Dispose();

    [Fact]
    public void Options_and_handler_ToString_show_the_kind_of_credential_only()
    {
        var options = new RealtimeKitClientOptions { ApiToken = _api.Token };
        using var handler = new RealtimeKitAuthenticationHandler(options);

        Assert.DoesNotContain(_api.Token, options.ToString(), StringComparison.Ordinal);
        Assert.Contains("api token (redacted)", options.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(_api.Token, handler.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(401, "{\"message\":\"Unauthorized\"}")]
    [InlineData(400, "{\"success\":false,\"error\":{\"code\":400,\"message\":\"bad\"}}")]
    [InlineData(429, "")]
    [InlineData(503, "<html>down</html>")]
    [InlineData(200, "not json")]
    public async Task No_exception_carries_the_token(int status, string body)
    {
        _api.Server.Given(Request.Create()).RespondWith(Response.Create().WithStatusCode(status).WithBody(body));

        var error = await Assert.ThrowsAnyAsync<Exception>(() => _api.CreateClient().ListWebhooksAsync("acc", "app"));

        Assert.IsAssignableFrom<RealtimeKitApiException>(error);
        Assert.DoesNotContain(_api.Token, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(_api.Token, string.Join(";", ((RealtimeKitApiException)error).Headers.SelectMany(h => h.Value)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_timeout_does_not_carry_the_token()
    {
        _api.Server.Given(Request.Create()).RespondWith(Response.Create().WithStatusCode(200).WithDelay(TimeSpan.FromSeconds(2)));

        var error = await Assert.ThrowsAsync<TimeoutException>(() => _api.CreateClient(o => o.Timeout = TimeSpan.FromMilliseconds(200)).ListWebhooksAsync("acc", "app"));

        Assert.DoesNotContain(_api.Token, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trace_logs_of_the_http_pipeline_never_contain_the_token()
    {
        _api.Server.Given(Request.Create().WithPath(Collection)).RespondWith(
            Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("{\"success\":true,\"data\":[]}"));
        var sink = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(sink));
        services.AddRealtimeKit(options =>
        {
            options.ApiToken = _api.Token;
            options.BaseAddress = _api.BaseAddress;
        });
        using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IWebhooksClient>().ListWebhooksAsync("acc", "app");

        var lines = sink.Lines;
        Assert.Contains(lines, line => line.Contains("Authorization", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.Contains(_api.Token, StringComparison.Ordinal));
    }
}
