using Microsoft.Extensions.DependencyInjection;
using RealtimeKit.Generated.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace RealtimeKit.Generated.Tests;

/// <summary>
/// An error names the method and path the request went to (<see cref="RealtimeKitApiException.RequestTarget"/>,
/// and the message): exactly the path the server saw, never the query.
/// </summary>
public sealed class RequestTargetTests : IDisposable
{
    private static readonly Guid _id = SpecExamples.WebhookId;

    private readonly ApiServer _api = ApiServer.Start();

    public RequestTargetTests()
    {
        _api.Server.Given(Request.Create()).RespondWith(Response.Create().WithStatusCode(404).WithHeader("Content-Type", "application/json").WithBody("{\"message\":\"Not found\"}"));
    }

    public void Dispose() => _api.Dispose();

    [Fact]
    public async Task The_target_is_the_method_and_the_path_the_server_saw()
    {
        var error = await Assert.ThrowsAsync<RealtimeKitNotFoundException>(() => _api.CreateClient().DeleteWebhookAsync(SpecExamples.AccountId, SpecExamples.AppId, _id));

        var path = $"/client/v4/accounts/{SpecExamples.AccountId}/realtime/kit/{SpecExamples.AppId}/webhooks/{_id:D}";
        Assert.Equal(path, _api.SingleRequest().RequestMessage.Path);
        Assert.Equal($"DELETE {path}", error.RequestTarget);
        Assert.Equal($"RealtimeKit API 404 Not Found: Not found (DELETE {path})", error.Message);
    }

    [Fact]
    public async Task The_query_is_left_out()
    {
        var meetings = _api.Get<IMeetingsClient>();

        var error = await Assert.ThrowsAsync<RealtimeKitNotFoundException>(() => meetings.ListMeetingsAsync("acc", "app", pageNo: 2, perPage: 5, search: "secret"));

        Assert.Equal("2", Assert.Single(_api.SingleRequest().RequestMessage.Query!["page_no"]));
        Assert.Equal("GET /client/v4/accounts/acc/realtime/kit/app/meetings", error.RequestTarget);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_escaped_segment_appears_escaped_as_it_was_sent()
    {
        var error = await Assert.ThrowsAsync<RealtimeKitNotFoundException>(() => _api.CreateClient().GetWebhookAsync("a b+c", "app", _id));

        Assert.Equal($"GET /client/v4/accounts/a%20b%2Bc/realtime/kit/app/webhooks/{_id:D}", error.RequestTarget);
    }

    [Fact]
    public async Task A_base_address_without_a_trailing_slash_resolves_as_HttpClient_resolves_it()
    {
        // A hand-built HttpClient: "accounts/…" against ".../client/v4" replaces the last segment.
        using var http = new HttpClient { BaseAddress = new Uri($"{_api.Server.Url}/client/v4") };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", _api.Token);

        var error = await Assert.ThrowsAsync<RealtimeKitNotFoundException>(() => new WebhooksClient(http).GetWebhookAsync("acc", "app", _id));

        Assert.Equal($"/client/accounts/acc/realtime/kit/app/webhooks/{_id:D}", _api.SingleRequest().RequestMessage.Path);
        Assert.Equal($"GET /client/accounts/acc/realtime/kit/app/webhooks/{_id:D}", error.RequestTarget);
    }

    [Fact]
    public async Task A_handler_that_rewrites_the_address_is_reported_with_the_rewritten_path()
    {
        var services = new ServiceCollection();
        services.AddRealtimeKit(options =>
        {
            options.ApiToken = _api.Token;
            options.BaseAddress = _api.BaseAddress;
            options.Retry.MaxRetries = 0;
        }).AddHttpMessageHandler(() => new RewritingHandler());
        using var provider = services.BuildServiceProvider();

        var error = await Assert.ThrowsAsync<RealtimeKitNotFoundException>(() => provider.GetRequiredService<IWebhooksClient>().GetWebhookAsync("acc", "app", _id));

        Assert.Equal("/client/v4/rewritten/webhook", _api.SingleRequest().RequestMessage.Path);
        Assert.Equal("GET /client/v4/rewritten/webhook", error.RequestTarget);
    }

    private sealed class RewritingHandler : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.RequestUri = new Uri(request.RequestUri!, "/client/v4/rewritten/webhook");
            return base.SendAsync(request, cancellationToken);
        }
    }
}
