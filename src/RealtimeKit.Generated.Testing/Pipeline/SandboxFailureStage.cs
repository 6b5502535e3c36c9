namespace RealtimeKit.Generated.Testing;

/// <summary>A bug of the sandbox's is a 500 in the API's error envelope, as the service's own failures are, never a connection WireMock.Net closes.</summary>
internal sealed class SandboxFailureStage : ISandboxStage
{
    public async ValueTask<SandboxAnswer> InvokeAsync(SandboxExchange exchange, SandboxNext next)
    {
        try
        {
            return await next(exchange).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return new SandboxAnswer(500, SandboxJson.Error(500, $"INTERNAL_SERVER_ERROR the sandbox failed on {exchange.OperationId}: {ex.GetType().Name}: {ex.Message}"));
        }
    }
}
