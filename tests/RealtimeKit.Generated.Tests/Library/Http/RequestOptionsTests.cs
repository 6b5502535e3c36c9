using RealtimeKit.Generated.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace RealtimeKit.Generated.Tests;

/// <summary>
/// Per-call options through a resource client's WithRequestOptions: the call's own timeout (its
/// deadline and its Retry-After cap), extra headers on the wire, no retries, and the answer's
/// status, headers and raw body readable after the call.
/// </summary>
public sealed class RequestOptionsTests : IDisposable
{
    private const string Single = "/client/v4/accounts/acc/realtime/kit/app/webhooks/0d1f069d-43bb-489a-ad8c-7eb95592ba8e";
    private static readonly Guid _id = SpecExamples.WebhookId;
    private readonly ApiServer _api = ApiServer.Start();

    public void Dispose() => _api.Dispose();

    private IWebhooksClient Client(int maxRetries = 0) => _api.CreateClient(options =>
    {
        options.Retry.MaxRetries = maxRetries;
        options.Retry.BaseDelay = TimeSpan.Zero;
    });

    private void Answer(int status, string body, params (string Name, string Value)[] headers)
    {
        var response = Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body);
        foreach (var (name, value) in headers)
        {
            response.WithHeader(name, value);
        }

        _api.Server.Given(Request.Create()).RespondWith(response);
    }

    [Fact]
    public async Task The_answers_status_headers_and_raw_body_are_read_after_a_success()
    {
        Answer(200, SpecExamples.WebhookEnvelope, ("cf-ray", "8f1c2d3e4f5a6b7c-LHR"), ("Ratelimit", "\"default\";r=1199;t=300"), ("Ratelimit-Policy", "\"default\";q=1200;w=300"));
        var call = new RealtimeKitRequestOptions();

        var result = await Client().WithRequestOptions(call).GetWebhookAsync("acc", "app", _id);

        Wire.AssertExampleWebhook(result.Data);
        Assert.Equal(200, call.Response!.StatusCode);
        Assert.Equal("8f1c2d3e4f5a6b7c-LHR", call.Response.GetHeader("CF-Ray"));
        Assert.Equal("\"default\";r=1199;t=300", call.Response.GetHeader("ratelimit"));
        Assert.Equal("\"default\";q=1200;w=300", call.Response.GetHeader("Ratelimit-Policy"));
        Assert.Null(call.Response.GetHeader("X-Not-There"));
        Assert.Equal(SpecExamples.WebhookEnvelope, call.Response.Body);
        Assert.StartsWith("RealtimeKitResponse { StatusCode = 200, Headers = [", call.Response.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("LHR", call.Response.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_error_answer_is_read_too_and_still_thrown()
    {
        Answer(404, """{"success":false,"error":{"code":404,"message":"Error: resource not found"}}""");
        var call = new RealtimeKitRequestOptions();

        await Assert.ThrowsAsync<RealtimeKitNotFoundException>(() => Client().WithRequestOptions(call).GetWebhookAsync("acc", "app", _id));

        Assert.Equal(404, call.Response!.StatusCode);
        Assert.Contains("resource not found", call.Response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extra_headers_go_on_the_wire_beside_the_credential()
    {
        Answer(200, SpecExamples.WebhookEnvelope);
        var call = new RealtimeKitRequestOptions { Headers = { ["X-Caller-Trace"] = "req-42" } };

        await Client().WithRequestOptions(call).GetWebhookAsync("acc", "app", _id);

        var sent = _api.SingleRequest().RequestMessage;
        Assert.Equal("GET", sent.Method);
        Assert.Equal(Single, sent.Path);
        Assert.True(sent.Headers!.ContainsKey("X-Caller-Trace"), string.Join(", ", sent.Headers.Keys));
        Assert.Equal("req-42", sent.Headers["X-Caller-Trace"].Single());
        Assert.Equal($"Bearer {_api.Token}", sent.Headers!["Authorization"].Single());
        Assert.DoesNotContain("req-42", call.ToString(), StringComparison.Ordinal);
        Assert.Contains("X-Caller-Trace", call.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Authorization")]
    [InlineData("x-auth-key")]
    [InlineData("Content-Type")]
    public async Task A_header_the_client_writes_itself_is_refused_before_sending(string name)
    {
        Answer(200, SpecExamples.WebhookEnvelope);
        var call = new RealtimeKitRequestOptions { Headers = { [name] = "x" } };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Client().WithRequestOptions(call).GetWebhookAsync("acc", "app", _id));

        Assert.Contains($"cannot set '{name}'", error.Message, StringComparison.Ordinal);
        Assert.Empty(_api.Requests);
    }

    [Fact]
    public async Task DisableRetries_sends_once_where_the_client_would_retry()
    {
        Answer(503, "{}");
        var client = Client(maxRetries: 2);

        await Assert.ThrowsAsync<RealtimeKitApiException>(() => client.WithRequestOptions(new RealtimeKitRequestOptions { DisableRetries = true }).GetWebhookAsync("acc", "app", _id));
        Assert.Single(_api.Requests);

        await Assert.ThrowsAsync<RealtimeKitApiException>(() => client.GetWebhookAsync("acc", "app", _id));
        Assert.Equal(4, _api.Requests.Count);
    }

    [Fact]
    public async Task A_calls_own_timeout_is_its_deadline()
    {
        // The guard is far above the 1 s deadline: under a loaded CI machine the call's own timer once
        // fired after the old 3 s guard. The message tells the call's deadline from the guard's.
        _api.Server.Given(Request.Create()).RespondWith(Response.Create().WithStatusCode(200).WithDelay(TimeSpan.FromSeconds(10)));
        var call = new RealtimeKitRequestOptions { Timeout = TimeSpan.FromSeconds(1) };

        var error = await Assert.ThrowsAsync<TimeoutException>(() => Client().WithRequestOptions(call).GetWebhookAsync("acc", "app", _id).WaitAsync(TimeSpan.FromSeconds(8)));

        Assert.Contains("within the configured timeout of 1 s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_calls_own_timeout_caps_Retry_After()
    {
        Answer(429, "{}", ("Retry-After", "5"));
        var call = new RealtimeKitRequestOptions { Timeout = TimeSpan.FromSeconds(2) };

        var error = await Assert.ThrowsAsync<RealtimeKitRateLimitedException>(() => Client(maxRetries: 3).WithRequestOptions(call).GetWebhookAsync("acc", "app", _id));

        Assert.Equal(TimeSpan.FromSeconds(5), error.RetryAfter);
        Assert.Single(_api.Requests);
    }

    [Fact]
    public async Task The_client_without_options_is_unchanged()
    {
        Answer(200, SpecExamples.WebhookEnvelope);
        var client = Client();
        var call = new RealtimeKitRequestOptions { Headers = { ["X-Caller-Trace"] = "req-1" } };
        var withOptions = client.WithRequestOptions(call);

        await client.GetWebhookAsync("acc", "app", _id);

        Assert.NotSame(client, withOptions);
        Assert.Null(call.Response);
        Assert.False(_api.SingleRequest().RequestMessage.Headers!.ContainsKey("X-Caller-Trace"));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.WithRequestOptions(new RealtimeKitRequestOptions { Timeout = TimeSpan.Zero }).GetWebhookAsync("acc", "app", _id));
    }
}
