using RealtimeKit.Cli;

namespace RealtimeKit.Generated.Tests.Infrastructure;

/// <summary>Runs the realtimekit CLI in-process with its own output, error and environment.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static async Task<CliRun> RunAsync(IReadOnlyDictionary<string, string?> environment, CancellationToken cancellationToken, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await RealtimeKitCli.RunAsync(args, new CliEnvironment(output, error, name => environment.TryGetValue(name, out var value) ? value : null), cancellationToken);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    public static Task<CliRun> RunAsync(IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        RunAsync(environment, CancellationToken.None, args);
}
