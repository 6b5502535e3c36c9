namespace RealtimeKit.Generated.Testing;

/// <summary>
/// The injected faults (<see cref="SandboxFaults"/>): a fault with a status answers in place of
/// the API; one that does not handle the request answers nothing; the others let the request
/// through and then change the answer: its body cut in half, a delay, extra headers, or the
/// connection closed instead of the answer.
/// </summary>
internal sealed class SandboxFaultStage(SandboxFaults faults) : ISandboxStage
{
    public async ValueTask<SandboxAnswer> InvokeAsync(SandboxExchange exchange, SandboxNext next)
    {
        if (faults.Take(exchange.OperationId) is not { } fault)
        {
            return await next(exchange).ConfigureAwait(false);
        }

        var answer = fault.StatusCode is { } status
            ? new SandboxAnswer(status, fault.Body ?? string.Empty, fault.ContentType)
            : fault.HandlesRequest ? await next(exchange).ConfigureAwait(false) : new SandboxAnswer(0, string.Empty);

        if (fault.Truncate)
        {
            answer = answer with { Body = answer.Body[..(answer.Body.Length / 2)] };
        }

        if (fault.Delay > TimeSpan.Zero)
        {
            await Task.Delay(fault.Delay).ConfigureAwait(false);
        }

        foreach (var (name, value) in fault.Headers)
        {
            exchange.ResponseHeaders[name] = value;
        }

        exchange.DropConnection = fault.DropsConnection;
        return answer;
    }
}
