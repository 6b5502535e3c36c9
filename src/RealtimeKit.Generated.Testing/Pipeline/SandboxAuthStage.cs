namespace RealtimeKit.Generated.Testing;

/// <summary>A request of the API without the sandbox's token is answered 401, as the service answers it, before anything else looks at it.</summary>
internal sealed class SandboxAuthStage(SandboxAuthorization authorization) : ISandboxStage
{
    public ValueTask<SandboxAnswer> InvokeAsync(SandboxExchange exchange, SandboxNext next) =>
        authorization.Allows(exchange) ? next(exchange) : ValueTask.FromResult(SandboxAuthorization.Unauthorized);
}
