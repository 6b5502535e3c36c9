using System.Collections.Concurrent;

namespace RealtimeKit.Generated.Testing;

/// <summary>Every request the sandbox answered, in order, up to <see cref="RealtimeKitSandboxOptions.MaxRecordedRequests"/> (the oldest go first); <see cref="RealtimeKitSandboxOptions.OnRequest"/> sees each one.</summary>
internal sealed class SandboxRequestLog(RealtimeKitSandboxOptions options)
{
    private readonly ConcurrentQueue<RealtimeKitSandboxRequest> _requests = new();

    public IReadOnlyList<RealtimeKitSandboxRequest> Snapshot() => [.. _requests];

    public void Record(RealtimeKitSandboxRequest request)
    {
        var max = options.MaxRecordedRequests;
        if (max != 0)
        {
            _requests.Enqueue(request);
            while (max is { } limit && _requests.Count > limit && _requests.TryDequeue(out _))
            {
            }
        }

        options.OnRequest?.Invoke(request);
    }
}
