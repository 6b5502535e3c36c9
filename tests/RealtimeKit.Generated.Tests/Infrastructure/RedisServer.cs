using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace RealtimeKit.Generated.Tests.Infrastructure;

/// <summary>
/// A real redis-server (Debian's package) started as a child process on a free 127.0.0.1 port,
/// with persistence off and its files in a temporary folder; killed when the tests of the class
/// are done. Where redis-server is not installed (a machine with only the .NET SDK), the tests
/// that need it are skipped, saying so (<see cref="RedisFactAttribute"/>,
/// <see cref="RedisStoreDataAttribute"/>); CI installs it, so there they always run.
/// </summary>
public class RedisServer : IAsyncLifetime
{
    private static readonly TimeSpan _startTimeout = TimeSpan.FromSeconds(15);

    private readonly StringBuilder _output = new();
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("rtk-redis-");
    private Process? _process;

    /// <summary>Why the Redis tests are skipped where redis-server is missing.</summary>
    public const string NotInstalled = "redis-server is not installed: apt-get update && apt-get install -y redis-server (.ci/run does this, so CI runs these tests).";

    /// <summary>Whether redis-server is on the PATH.</summary>
    public static bool IsInstalled { get; } = FindOnPath("redis-server") is not null;

    public int Port { get; private set; }

    /// <summary>A StackExchange.Redis configuration string for this server.</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    /// <summary>A key prefix no other test uses, so that tests sharing the server stay apart.</summary>
    public static string UniqueKeyPrefix() => $"rtk-test:{Guid.NewGuid():N}:";

    public async Task InitializeAsync()
    {
        if (FindOnPath("redis-server") is not { } executable)
        {
            // Nothing to start: every test that needs the server is skipped (RedisFact, RedisStoreData).
            return;
        }

        // A port no parallel test is handed for port 0; another process may hold it: try a few.
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            Port = Ports.OutsideEphemeralRange();
            _process = Start(executable, Port);
            if (await AnswersPingAsync())
            {
                return;
            }

            await StopAsync();
        }

        string output;
        lock (_output)
        {
            output = _output.ToString();
        }

        throw new InvalidOperationException($"redis-server did not answer PING on 127.0.0.1 within {_startTimeout.TotalSeconds} s. Its output:\n{output}");
    }

    public async Task DisposeAsync()
    {
        await StopAsync();
        _folder.Delete(recursive: true);
    }

    /// <summary>Whether the server writes every change to its append-only file before answering (so a restart keeps its keys).</summary>
    protected virtual bool AppendOnly => false;

    /// <summary>Kills the server with SIGKILL, as a crash would: no shutdown, no save.</summary>
    public Task KillAsync() => StopAsync();

    /// <summary>Starts the server again on the same port and folder (after <see cref="KillAsync"/>); what it remembers depends on <see cref="AppendOnly"/>.</summary>
    public async Task StartAgainAsync()
    {
        _process = Start(FindOnPath("redis-server")!, Port);
        if (!await AnswersPingAsync())
        {
            throw new InvalidOperationException($"redis-server did not answer PING again on 127.0.0.1:{Port}.");
        }
    }

    private Process Start(string executable, int port)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _folder.FullName,
        };
        string[] persistence = AppendOnly ? ["--appendonly", "yes", "--appendfsync", "always"] : ["--appendonly", "no"];
        foreach (var argument in new[] { "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--dir", _folder.FullName }.Concat(persistence))
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    /// <summary>Sends PING until the server answers +PONG, it exits, or the time is up.</summary>
    private async Task<bool> AnswersPingAsync()
    {
        var deadline = DateTime.UtcNow + _startTimeout;
        while (DateTime.UtcNow < deadline && _process is { HasExited: false })
        {
            try
            {
                using var client = new TcpClient();
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await client.ConnectAsync(IPAddress.Loopback, Port, timeout.Token);
                var stream = client.GetStream();
                await stream.WriteAsync("PING\r\n"u8.ToArray(), timeout.Token);
                var buffer = new byte[16];
                var read = await stream.ReadAsync(buffer, timeout.Token);
                if (Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal))
                {
                    return true;
                }
            }
            catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException)
            {
                // not listening yet
            }

            await Task.Delay(50);
        }

        return false;
    }

    private async Task StopAsync()
    {
        if (_process is null)
        {
            return;
        }

        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            await _process.WaitForExitAsync();
        }
        finally
        {
            _process.Dispose();
            _process = null;
        }
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);
}

/// <summary>A redis-server that writes every change to its append-only file before it answers (<c>appendfsync always</c>): killed and started again, it has every key it acknowledged.</summary>
public sealed class DurableRedisServer : RedisServer
{
    protected override bool AppendOnly => true;
}

/// <summary>A fact that needs redis-server: skipped, saying why, where it is not installed.</summary>
public sealed class RedisFactAttribute : FactAttribute
{
    public RedisFactAttribute()
    {
        if (!RedisServer.IsInstalled)
        {
            Skip = RedisServer.NotInstalled;
        }
    }
}

/// <summary>The "redis" row of a theory over the delivery stores: skipped, saying why, where redis-server is not installed.</summary>
public sealed class RedisStoreDataAttribute : Xunit.Sdk.DataAttribute
{
    public RedisStoreDataAttribute()
    {
        if (!RedisServer.IsInstalled)
        {
            Skip = RedisServer.NotInstalled;
        }
    }

    public override IEnumerable<object[]> GetData(System.Reflection.MethodInfo testMethod) => [["redis"]];
}
