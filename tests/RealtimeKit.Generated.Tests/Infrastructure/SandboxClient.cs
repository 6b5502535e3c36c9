using Microsoft.Extensions.DependencyInjection;
using RealtimeKit.Generated.Testing;

namespace RealtimeKit.Generated.Tests.Infrastructure;

/// <summary>A sandbox of its own and the clients registered against it with AddRealtimeKit (no retries), as a test class needs them.</summary>
internal sealed class SandboxClient : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    public SandboxClient(RealtimeKitSandboxOptions? options = null)
    {
        Sandbox = RealtimeKitSandbox.Start(options);
        var services = new ServiceCollection();
        services.AddRealtimeKit(o =>
        {
            o.BaseAddress = Sandbox.BaseAddress;
            o.ApiToken = Sandbox.ApiToken;
            o.Retry.MaxRetries = 0;
        });
        _provider = services.BuildServiceProvider();
        Client = _provider.GetRequiredService<IRealtimeKitClient>();
    }

    public RealtimeKitSandbox Sandbox { get; }

    public IRealtimeKitClient Client { get; }

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        await Sandbox.DisposeAsync();
    }
}
