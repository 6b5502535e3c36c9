namespace RealtimeKit.Generated.Testing;

/// <summary>
/// The stages every request goes through, in order. The sandbox's is: its own routes
/// (<see cref="SandboxOwnRoutesStage"/>), the injected faults (<see cref="SandboxFaultStage"/>),
/// the document's routes (<see cref="SandboxRouteStage"/>: 404 or 405), the token
/// (<see cref="SandboxAuthStage"/>: 401), the sandbox's own failures
/// (<see cref="SandboxFailureStage"/>: 500), the path and body rules
/// (<see cref="SandboxRequestCheckStage"/>: 400), then the operation
/// (<see cref="SandboxOperationStage"/>). A new concern is a new stage.
/// </summary>
internal sealed class SandboxPipeline
{
    private readonly SandboxNext _first;

    public SandboxPipeline(IReadOnlyList<ISandboxStage> stages)
    {
        SandboxNext next = static exchange => throw new InvalidOperationException($"No stage of the sandbox answered {exchange.Method} {exchange.Path}.");
        for (var i = stages.Count - 1; i >= 0; i--)
        {
            var stage = stages[i];
            var rest = next;
            next = exchange => stage.InvokeAsync(exchange, rest);
        }

        _first = next;
    }

    public ValueTask<SandboxAnswer> InvokeAsync(SandboxExchange exchange) => _first(exchange);
}
