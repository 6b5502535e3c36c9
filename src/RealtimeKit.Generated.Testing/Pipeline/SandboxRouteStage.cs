namespace RealtimeKit.Generated.Testing;

/// <summary>A request that is no operation of the document: 405 for a path of the document with another method, else 404, in the API's error envelope.</summary>
internal sealed class SandboxRouteStage : ISandboxStage
{
    public ValueTask<SandboxAnswer> InvokeAsync(SandboxExchange exchange, SandboxNext next)
    {
        if (exchange.Match is not null)
        {
            return next(exchange);
        }

        return ValueTask.FromResult(exchange.ApiPath is { } apiPath && SandboxDocument.Instance.PathExists(apiPath)
            ? new SandboxAnswer(405, SandboxJson.Error(405, $"METHOD_NOT_ALLOWED {exchange.Method} is not an operation of {exchange.Path}"))
            : new SandboxAnswer(404, SandboxJson.Error(404, $"NOT_FOUND no route for {exchange.Method} {exchange.Path}")));
    }
}
