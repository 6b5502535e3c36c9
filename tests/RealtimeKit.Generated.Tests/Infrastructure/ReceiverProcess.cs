using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace RealtimeKit.Generated.Tests.Infrastructure;

/// <summary>
/// A webhook receiver in its own process (tests/RealtimeKit.Generated.ReceiverHost): the Redis
/// delivery store, a free 127.0.0.1 port, and one line on standard output per thing it did
/// (<c>started {id}</c>, <c>handled {id}</c>), recorded here as they come, so that what a process
/// did before it was killed is known. Killed (SIGKILL) by <see cref="Kill"/> or when disposed.
/// </summary>
internal sealed class ReceiverProcess : IAsyncDisposable
{
    private static readonly TimeSpan _startTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _errors = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _waitLock = new();
    private readonly List<(Func<string, bool> Matches, TaskCompletionSource Seen)> _waits = [];

    private ReceiverProcess(Process process) => _process = process;

    public string Name { get; private init; } = "";

    public Uri Url { get; private set; } = null!;

    /// <summary>Every <c>started</c>/<c>handled</c> line, in order, with when the process wrote it (<see cref="Stopwatch.GetTimestamp"/>: one monotonic clock for every process of the machine).</summary>
    public ConcurrentQueue<(string Line, long At)> Lines { get; } = new();

    /// <summary>The ids whose handler finished in this process, in order.</summary>
    public IEnumerable<string> Handled => Lines.Where(l => l.Line.StartsWith("handled ", StringComparison.Ordinal)).Select(l => l.Line["handled ".Length..]);

    /// <summary>Starts an instance and waits until it listens.</summary>
    /// <param name="name">A name for failure messages.</param>
    /// <param name="redis">The Redis configuration string.</param>
    /// <param name="keyPrefix">The delivery store's key prefix (one per test).</param>
    /// <param name="publicKeyPem">The key deliveries are verified with.</param>
    /// <param name="lease">The claim lease.</param>
    /// <param name="stallPrefix">Deliveries whose id starts with it are started and never finished.</param>
    public static async Task<ReceiverProcess> StartAsync(string name, string redis, string keyPrefix, string publicKeyPem, TimeSpan lease, string? stallPrefix = null)
    {
        var keyFile = Path.Combine(Path.GetTempPath(), $"rtk-key-{Guid.NewGuid():N}.pem");
        await File.WriteAllTextAsync(keyFile, publicKeyPem);
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Repository.ReceiverHostAssembly);
        foreach (var argument in new[] { "--redis", redis, "--prefix", keyPrefix, "--public-key", keyFile, "--lease-ms", ((long)lease.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        if (stallPrefix is not null)
        {
            start.ArgumentList.Add("--stall");
            start.ArgumentList.Add(stallPrefix);
        }

        start.Environment["DOTNET_gcServer"] = "0";
        var receiver = new ReceiverProcess(new Process { StartInfo = start }) { Name = name };
        receiver._process.OutputDataReceived += (_, e) => receiver.OnLine(e.Data);
        receiver._process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                receiver._errors.Enqueue(e.Data);
            }
        };
        receiver._process.Start();
        receiver._process.BeginOutputReadLine();
        receiver._process.BeginErrorReadLine();
        try
        {
            receiver.Url = await receiver._listening.Task.WaitAsync(_startTimeout);
        }
        catch (TimeoutException)
        {
            receiver.Kill();
            throw new InvalidOperationException($"receiver {name} did not listen within {_startTimeout.TotalSeconds} s: {string.Join('\n', receiver._errors)}");
        }
        finally
        {
            File.Delete(keyFile); // read at start-up
        }

        return receiver;
    }

    /// <summary>Waits for the line <paramref name="line"/> (e.g. <c>started stall-1</c>).</summary>
    public Task WaitForLineAsync(string line, TimeSpan timeout)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_waitLock)
        {
            if (Lines.Any(l => l.Line == line))
            {
                return Task.CompletedTask;
            }

            _waits.Add((l => l == line, seen));
        }

        return seen.Task.WaitAsync(timeout);
    }

    /// <summary>SIGKILL: the process ends at once, its handlers mid-way, nothing released or completed.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit();
    }

    public bool HasExited => _process.HasExited;

    /// <summary>What the process wrote on standard error (an unexpected crash's reason).</summary>
    public string Errors => string.Join('\n', _errors);

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        if (line.StartsWith("listening ", StringComparison.Ordinal))
        {
            _listening.TrySetResult(new Uri(line["listening ".Length..]));
            return;
        }

        var at = line.LastIndexOf(' ');
        var written = long.Parse(line[(at + 1)..], CultureInfo.InvariantCulture);
        line = line[..at];
        lock (_waitLock)
        {
            Lines.Enqueue((line, written));
            foreach (var wait in _waits.Where(w => w.Matches(line)).ToList())
            {
                wait.Seen.TrySetResult();
                _waits.Remove(wait);
            }
        }
    }
}
