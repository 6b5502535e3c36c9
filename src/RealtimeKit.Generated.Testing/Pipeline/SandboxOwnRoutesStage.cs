namespace RealtimeKit.Generated.Testing;

/// <summary>
/// The sandbox's own routes, before the API's stages (no fault is ever injected into them): the
/// webhook key, as the service serves it (no token), and, with the sandbox's token, the delivery
/// routes (<see cref="SandboxDeliveryRoutes"/>) and the live-session routes (<see cref="SandboxLiveRoutes"/>).
/// </summary>
internal sealed class SandboxOwnRoutesStage(RealtimeKitSandbox sandbox, SandboxAuthorization authorization, TimeProvider time) : ISandboxStage
{
    /// <summary>The path of the key endpoint, as the service serves it (<see cref="WebhookPublicKeyEndpoint.DefaultUrl"/>).</summary>
    public static readonly string PublicKeyPath = new Uri(WebhookPublicKeyEndpoint.DefaultUrl).AbsolutePath;

    public async ValueTask<SandboxAnswer> InvokeAsync(SandboxExchange exchange, SandboxNext next)
    {
        var (method, path) = (exchange.Method, exchange.Path);
        if (method == "GET" && path == PublicKeyPath)
        {
            return new SandboxAnswer(200, SandboxJson.PublicKey(sandbox.PublicKeyPem));
        }

        var delivery = SandboxDeliveryRoutes.Matches(method, path);
        if (!delivery && !SandboxLiveRoutes.Matches(method, path))
        {
            return await next(exchange).ConfigureAwait(false);
        }

        if (!authorization.Allows(exchange))
        {
            return SandboxAuthorization.Unauthorized;
        }

        return delivery
            ? await SandboxDeliveryRoutes.HandleAsync(sandbox, time, path, exchange.Body).ConfigureAwait(false)
            : await SandboxLiveRoutes.HandleAsync(sandbox, path, exchange.Body).ConfigureAwait(false);
    }
}
