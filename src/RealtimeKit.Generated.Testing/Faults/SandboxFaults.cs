namespace RealtimeKit.Generated.Testing;

/// <summary>
/// The faults waiting for requests: queued ones (<see cref="RealtimeKitSandbox.InjectFault"/>),
/// each for the next request of its operation (or of any), then random ones
/// (<see cref="RealtimeKitSandbox.InjectRandomFaults"/>) drawn from a seeded <see cref="Random"/>.
/// </summary>
internal sealed class SandboxFaults
{
    private readonly List<(string? OperationId, RealtimeKitSandboxFault Fault)> _queued = [];
    private readonly Lock _lock = new();
    private (RealtimeKitSandboxFault Fault, double UpTo)[] _random = [];
    private Random? _draws;

    public void Enqueue(RealtimeKitSandboxFault fault, int times, string? operationId)
    {
        lock (_lock)
        {
            for (var i = 0; i < times; i++)
            {
                _queued.Add((operationId, fault));
            }
        }
    }

    /// <summary>Replaces the random faults: each with the upper bound of its draws (the running sum of the probabilities); an empty table turns them off.</summary>
    public void SetRandom(IReadOnlyList<(RealtimeKitSandboxFault Fault, double UpTo)> table, int seed)
    {
        lock (_lock)
        {
            _random = [.. table];
            _draws = table.Count == 0 ? null : new Random(seed);
        }
    }

    /// <summary>The fault for a request of <paramref name="operationId"/> (null: none of the document's), or null to handle it normally.</summary>
    public RealtimeKitSandboxFault? Take(string? operationId)
    {
        lock (_lock)
        {
            var index = _queued.FindIndex(f => f.OperationId is null || f.OperationId == operationId);
            if (index >= 0)
            {
                var fault = _queued[index].Fault;
                _queued.RemoveAt(index);
                return fault;
            }

            if (_draws is null)
            {
                return null;
            }

            var draw = _draws.NextDouble();
            foreach (var (fault, upTo) in _random)
            {
                if (draw < upTo)
                {
                    return fault;
                }
            }

            return null;
        }
    }
}
