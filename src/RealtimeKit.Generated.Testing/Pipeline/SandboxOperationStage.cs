namespace RealtimeKit.Generated.Testing;

/// <summary>The last stage: the operation's handler from the dispatch table (<see cref="SandboxOperations.Table"/>), or 501 for an operation of the document the sandbox does not implement.</summary>
internal sealed class SandboxOperationStage(SandboxOperations operations) : ISandboxStage
{
    public ValueTask<SandboxAnswer> InvokeAsync(SandboxExchange exchange, SandboxNext next)
    {
        var (route, values) = exchange.Match!.Value;
        return ValueTask.FromResult(operations.Table.TryGetValue(route.OperationId, out var handler)
            ? handler(new SandboxCall(route, values, exchange.Query, exchange.Json))
            : new SandboxAnswer(501, SandboxJson.Error(501, $"{route.Method} {route.Template} ({route.OperationId}) is not implemented by the sandbox yet")));
    }
}
