using System.CommandLine;
using System.Globalization;
using RealtimeKit.Generated.Testing;

namespace RealtimeKit.Cli;

/// <summary><c>realtimekit sandbox</c>: serves the sandbox of the whole API on 127.0.0.1 until Ctrl+C or SIGTERM.</summary>
internal static class SandboxCommand
{
    public static Command Create(CliEnvironment environment, GlobalOptions globals)
    {
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1 (0 picks a free one)", DefaultValueFactory = _ => 8787 };
        var rateLimit = new Option<string?>("--rate-limit") { Description = "Enforce a limit per token, count/window (e.g. 250/10s, 1200/5m): Ratelimit headers on every answer, 429 with Retry-After beyond it for the rest of the window" };
        var command = new Command("sandbox", "Serve a sandbox of the whole RealtimeKit API (every operation, stateful; signed deliveries, simulated and live meetings) on 127.0.0.1 until Ctrl+C or SIGTERM") { port, rateLimit };
        command.SetAction((parse, ct) => CliRunner.GuardAsync(environment, parse.GetValue(globals.Verbose), CancellationToken.None, async () =>
        {
            // Only a token given on the command line becomes the sandbox's: one from the environment may be a real one.
            var explicitToken = parse.GetResult(globals.ApiToken) is { Implicit: false } ? parse.GetValue(globals.ApiToken) : null;
            var value = parse.GetValue(port);
            if (value is < 0 or > 65535)
            {
                throw new UsageException($"--port must be between 0 and 65535; {value} is not.");
            }

            RealtimeKitSandboxRateLimit? limit = null;
            if (parse.GetValue(rateLimit) is { } limitText && !RealtimeKitSandboxRateLimit.TryParse(limitText, out limit))
            {
                throw new UsageException($"--rate-limit must be count/window, e.g. 250/10s, 1200/5m or 100/500ms; '{limitText}' is not.");
            }

            var output = environment.Output;
            var gate = new Lock();
            await using var sandbox = RealtimeKitSandbox.Start(new RealtimeKitSandboxOptions
            {
                Port = value,
                ApiToken = explicitToken,
                RateLimit = limit,
                OnRequest = request =>
                {
                    lock (gate)
                    {
                        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"{request.ReceivedAt:HH:mm:ss.fff} {request.Method} {request.Path} -> {request.StatusCode}{(request.OperationId is null ? string.Empty : $" ({request.OperationId})")}"));
                        output.Flush();
                    }
                },
            });

            lock (gate)
            {
                output.WriteLine($"RealtimeKit sandbox listening: --base-url {sandbox.BaseAddress} --api-token {sandbox.ApiToken}");
                if (limit is not null)
                {
                    output.WriteLine($"Rate limit per token: {limit}");
                }

                output.WriteLine("Press Ctrl+C to stop.");
                output.Flush();
            }

            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                lock (gate)
                {
                    output.WriteLine("Sandbox stopped.");
                    output.Flush();
                }
            }
        }));
        return command;
    }
}
