using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RealtimeKit.Generated.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace RealtimeKit.Generated.Tests;

/// <summary>AddRealtimeKit, options validation at start-up, base addresses and the hand-built HttpClient.</summary>
public sealed class RegistrationTests : IDisposable
{
    private readonly ApiServer _api = ApiServer.Start();

    public RegistrationTests()
    {
        _api.Server.Given(Request.Create().UsingGet()).RespondWith(
            Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("{\"success\":true,\"data\":[]}"));
    }

    public void Dispose() => _api.Dispose();

    [Fact]
    public async Task Options_bound_from_configuration_give_a_working_client()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["RealtimeKit:ApiToken"] = _api.Token,
            ["RealtimeKit:BaseAddress"] = _api.BaseAddress.ToString(),
            ["RealtimeKit:Timeout"] = "00:00:30",
            ["RealtimeKit:Retry:MaxRetries"] = "1",
        }).Build();
        var services = new ServiceCollection();
        services.AddRealtimeKit(configuration.GetSection("RealtimeKit"));
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<RealtimeKitClientOptions>>().Value;
        await provider.GetRequiredService<IWebhooksClient>().ListWebhooksAsync("acc", "app");

        Assert.Equal(TimeSpan.FromSeconds(30), options.Timeout);
        Assert.Equal(1, options.Retry.MaxRetries);
        Assert.Equal($"Bearer {_api.Token}", Wire.Header(_api.SingleRequest(), "Authorization"));
    }

    [Fact]
    public void AddRealtimeKit_registers_every_resource_client_and_IRealtimeKitClient()
    {
        using var provider = _api.CreateProvider();

        var client = provider.GetRequiredService<IRealtimeKitClient>();

        Assert.IsType<AppsClient>(provider.GetRequiredService<IAppsClient>());
        Assert.IsType<MeetingsClient>(provider.GetRequiredService<IMeetingsClient>());
        Assert.IsType<PresetsClient>(provider.GetRequiredService<IPresetsClient>());
        Assert.IsType<SessionsClient>(provider.GetRequiredService<ISessionsClient>());
        Assert.IsType<RecordingsClient>(provider.GetRequiredService<IRecordingsClient>());
        Assert.IsType<LivestreamsClient>(provider.GetRequiredService<ILivestreamsClient>());
        Assert.IsType<ActiveSessionClient>(provider.GetRequiredService<IActiveSessionClient>());
        Assert.IsType<AnalyticsClient>(provider.GetRequiredService<IAnalyticsClient>());
        Assert.IsType<WebhooksClient>(provider.GetRequiredService<IWebhooksClient>());
        Assert.IsType<RealtimeKitClient>(client);
        object[] resources = [client.Apps, client.Meetings, client.Presets, client.Sessions, client.Recordings, client.Livestreams, client.ActiveSession, client.Analytics, client.Webhooks];
        Assert.Equal(9, resources.Select(r => r.GetType()).Distinct().Count());
        Assert.Equal(
            ["IActiveSessionClient", "IAnalyticsClient", "IAppsClient", "ILivestreamsClient", "IMeetingsClient", "IPresetsClient", "IRecordingsClient", "ISessionsClient", "IWebhooksClient"],
            typeof(IRealtimeKitClient).GetProperties().Select(p => p.PropertyType.Name).Order());
    }

    [Fact]
    public async Task Every_client_sends_through_the_one_pipeline_the_returned_builder_configures()
    {
        var seen = new List<string>();
        var services = new ServiceCollection();
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is marked experimental by Microsoft.Extensions.Http.Resilience.
        services.AddRealtimeKit(options =>
        {
            options.ApiToken = _api.Token;
            options.BaseAddress = _api.BaseAddress;
        })
            .RemoveAllResilienceHandlers()
            .AddHttpMessageHandler(() => new RecordingHandler(seen));
#pragma warning restore EXTEXP0001
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IRealtimeKitClient>();

        // The stub answers every GET with {"success":true,"data":[]}, which both list answers read.
        await client.Webhooks.ListWebhooksAsync("acc", "app");
        await client.Apps.ListAppsAsync("acc");
        await provider.GetRequiredService<IAppsClient>().ListAppsAsync("acc", pageNo: 2);

        Assert.Equal(
            ["GET /client/v4/accounts/acc/realtime/kit/app/webhooks", "GET /client/v4/accounts/acc/realtime/kit/apps", "GET /client/v4/accounts/acc/realtime/kit/apps"],
            seen);
        Assert.All(_api.Requests, r => Assert.Equal($"Bearer {_api.Token}", Wire.Header(r, "Authorization")));
    }

    [Fact]
    public async Task Without_dependency_injection_one_HttpClient_serves_every_resource_client()
    {
        using var http = RealtimeKitHttpClient.Create(new RealtimeKitClientOptions { ApiToken = _api.Token, BaseAddress = _api.BaseAddress });
        var client = new RealtimeKitClient(http);

        await client.Webhooks.ListWebhooksAsync("acc", "app");
        await client.Apps.ListAppsAsync("acc");

        Assert.Equal(["/client/v4/accounts/acc/realtime/kit/app/webhooks", "/client/v4/accounts/acc/realtime/kit/apps"], _api.Requests.Select(r => r.RequestMessage.Path));
        Assert.All(_api.Requests, r => Assert.Equal($"Bearer {_api.Token}", Wire.Header(r, "Authorization")));
    }

    private sealed class RecordingHandler(List<string> seen) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            seen.Add($"{request.Method} {request.RequestUri!.AbsolutePath}");
            return base.SendAsync(request, cancellationToken);
        }
    }

    public static TheoryData<string?, string, string> InvalidOptions => new()
    {
        { null, "https://api.cloudflare.com/client/v4", "ApiToken is required" },
        { "token", "http://api.example.com/client/v4", "plain http is allowed only for loopback hosts" },
        { "token", "/client/v4", "must be an absolute URL" },
        { "token with space", "https://api.cloudflare.com/client/v4", "whitespace" },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public async Task Invalid_options_stop_the_host_at_start_up_with_a_clear_message(string? token, string baseAddress, string expected)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddRealtimeKit(options =>
        {
            options.ApiToken = token;
            options.BaseAddress = new Uri(baseAddress, UriKind.RelativeOrAbsolute);
        });
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        if (token is not null)
        {
            Assert.DoesNotContain(token, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Valid_options_let_the_host_start()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddRealtimeKit(options => options.ApiToken = "token");
        using var host = builder.Build();

        await host.StartAsync();
        await host.StopAsync();
    }

    [Theory]
    [InlineData("/client/v4", "/client/v4/accounts/acc/realtime/kit/app/webhooks")]
    [InlineData("/client/v4/", "/client/v4/accounts/acc/realtime/kit/app/webhooks")]
    [InlineData("", "/accounts/acc/realtime/kit/app/webhooks")]
    [InlineData("/", "/accounts/acc/realtime/kit/app/webhooks")]
    public async Task Base_addresses_with_or_without_a_trailing_slash_address_the_same_urls(string basePath, string expectedPath)
    {
        var client = _api.CreateClient(options => options.BaseAddress = new Uri(_api.Server.Url + basePath));

        await client.ListWebhooksAsync("acc", "app");

        Assert.Equal(expectedPath, _api.SingleRequest().RequestMessage.Path);
    }

    [Fact]
    public async Task A_hand_built_HttpClient_attaches_the_token_and_base_address()
    {
        using var http = RealtimeKitHttpClient.Create(new RealtimeKitClientOptions { ApiToken = _api.Token, BaseAddress = _api.BaseAddress });
        var client = new WebhooksClient(http);

        await client.ListWebhooksAsync("acc", "app");

        var request = _api.SingleRequest();
        Assert.Equal("/client/v4/accounts/acc/realtime/kit/app/webhooks", request.RequestMessage.Path);
        Assert.Equal($"Bearer {_api.Token}", Wire.Header(request, "Authorization"));
    }

    [Fact]
    public void A_hand_built_HttpClient_rejects_invalid_options()
    {
        var error = Assert.Throws<ArgumentException>(() => RealtimeKitHttpClient.Create(new RealtimeKitClientOptions()));

        Assert.Contains("ApiToken is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_legacy_email_and_key_are_sent_as_X_Auth_headers()
    {
        var client = _api.CreateClient(options =>
        {
            options.ApiToken = null;
            options.ApiEmail = "ops@example.com";
            options.ApiKey = "legacy-key-123";
        });

        await client.ListWebhooksAsync("acc", "app");

        var request = _api.SingleRequest();
        Assert.Null(Wire.Header(request, "Authorization"));
        Assert.Equal("ops@example.com", Wire.Header(request, "X-Auth-Email"));
        Assert.Equal("legacy-key-123", Wire.Header(request, "X-Auth-Key"));
    }

    [Fact]
    public void The_client_is_mockable_through_its_interface_and_virtual_members()
    {
        var methods = typeof(WebhooksClient).GetMethods().Where(m => m.Name.EndsWith("Async", StringComparison.Ordinal)).ToList();

        Assert.Equal(7, methods.Count);
        Assert.All(methods, m => Assert.True(m.IsVirtual && !m.IsFinal, m.Name));
        Assert.All(methods, m => Assert.Equal(typeof(CancellationToken), m.GetParameters().Last().ParameterType));
        Assert.All(methods, m => Assert.True(m.GetParameters().Last().HasDefaultValue, m.Name));
        Assert.True(typeof(IWebhooksClient).IsAssignableFrom(typeof(WebhooksClient)));
    }

    public static TheoryData<string?, string?, string?, string> Credentials => new()
    {
        { null, null, null, "none" },
        { "tok", "me@example.com", "key", "none" },
        { null, "me@example.com", null, "none" },
        { null, null, "key", "none" },
        { "to ken", null, null, "none" },
        { null, "me@example.com", "k\tey", "none" },
        { "tok", null, null, "api token (redacted)" },
        { null, "me@example.com", "key", "api key (redacted)" },
    };

    [Theory]
    [MemberData(nameof(Credentials))]
    public void Options_validation_the_handler_and_ToString_apply_one_credential_rule(string? token, string? email, string? key, string kind)
    {
        var options = new RealtimeKitClientOptions { ApiToken = token, ApiEmail = email, ApiKey = key };
        var failures = options.Validate();

        Assert.Contains($"Credential = {kind}", options.ToString(), StringComparison.Ordinal);
        if (kind == "none")
        {
            var failure = Assert.Single(failures);
            var error = Assert.Throws<ArgumentException>(() => new RealtimeKitAuthenticationHandler(options));
            Assert.StartsWith(failure, error.Message, StringComparison.Ordinal);
        }
        else
        {
            Assert.Empty(failures);
            Assert.Contains(kind, new RealtimeKitAuthenticationHandler(options).ToString(), StringComparison.Ordinal);
        }
    }
}
