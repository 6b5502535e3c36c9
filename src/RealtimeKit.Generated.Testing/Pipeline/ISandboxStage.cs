namespace RealtimeKit.Generated.Testing;

/// <summary>The rest of the pipeline after a stage.</summary>
/// <param name="exchange">The request.</param>
internal delegate ValueTask<SandboxAnswer> SandboxNext(SandboxExchange exchange);

/// <summary>
/// One stage of the sandbox's pipeline (<see cref="SandboxPipeline"/>): it answers the request
/// itself, or passes it on and may change the answer on its way back.
/// </summary>
internal interface ISandboxStage
{
    ValueTask<SandboxAnswer> InvokeAsync(SandboxExchange exchange, SandboxNext next);
}
