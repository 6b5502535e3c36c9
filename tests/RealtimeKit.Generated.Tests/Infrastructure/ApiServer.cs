using Microsoft.Extensions.DependencyInjection;
using WireMock.Logging;
using WireMock.Server;
using WireMock.Settings;

namespace RealtimeKit.Generated.Tests.Infrastructure;

/// <summary>A WireMock server on 127.0.0.1 with a free port, one per test, standing in for the API under /client/v4.</summary>
internal sealed class ApiServer : IDisposable
{
    public const string BasePath = "/client/v4";

    private ApiServer(WireMockServer server)
    {
        Server = server;
    }

    public WireMockServer Server { get; }

    public string Token { get; } = "test-token-" + Guid.NewGuid().ToString("N");

    public Uri BaseAddress => new($"{Server.Url}{BasePath}");

    public static ApiServer Start()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var server = WireMockServer.Start(new WireMockServerSettings
                {
                    Urls = [$"http://127.0.0.1:{Ports.Free()}"],
                    StartAdminInterface = false,
                    ReadStaticMappings = false,
                });
                return new ApiServer(server);
            }
            catch (Exception ex) when (attempt < 5 && Ports.IsAddressInUse(ex))
            {
                // A parallel test took the free port between the probe and the bind: try another.
            }
        }
    }

    /// <summary>A client as users get it: registered with AddRealtimeKit, retries off unless asked for.</summary>
    public IWebhooksClient CreateClient(Action<Generated.RealtimeKitClientOptions>? configure = null) => CreateProvider(configure).GetRequiredService<IWebhooksClient>();

    /// <summary>Any client AddRealtimeKit registers (a resource client or IRealtimeKitClient), retries off.</summary>
    public T Get<T>(Action<Generated.RealtimeKitClientOptions>? configure = null)
        where T : notnull => CreateProvider(configure).GetRequiredService<T>();

    public ServiceProvider CreateProvider(Action<Generated.RealtimeKitClientOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddRealtimeKit(options =>
        {
            options.ApiToken = Token;
            options.BaseAddress = BaseAddress;
            options.Retry.MaxRetries = 0;
            configure?.Invoke(options);
        });
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public IReadOnlyList<ILogEntry> Requests => Server.LogEntries.ToList();

    public ILogEntry SingleRequest()
    {
        var entries = Requests;
        Assert.Single(entries);
        return entries[0];
    }

    public void Dispose() => Server.Stop();
}
