using System.CommandLine;
using System.Runtime.InteropServices;

namespace RealtimeKit.Cli;

/// <summary>The <c>realtimekit</c> command tree, parsed with System.CommandLine.</summary>
internal static class RealtimeKitCli
{
    public static RootCommand Build(CliEnvironment environment)
    {
        var globals = new GlobalOptions(environment);
        var root = new RootCommand("realtimekit: call every Cloudflare RealtimeKit API operation, serve the sandbox, or run the demo.");
        foreach (var option in globals.All)
        {
            root.Options.Add(option);
        }

        // One group per tag of the document (participants split from meetings), one command per operation;
        // a hand-written command stands in for the generated one of its name, or joins the group.
        foreach (var group in ApiCommands.CreateGroups(environment, globals, WebhookCommands.Create(environment, globals), MeetingCommands(environment, globals), ParticipantCommands(environment, globals)))
        {
            root.Subcommands.Add(group);
        }
        root.Subcommands.Add(SandboxCommand.Create(environment, globals));
        root.Subcommands.Add(DemoCommand.Create(environment, globals));
        root.Subcommands.Add(CompletionCommand.Create(environment));
        return root;
    }

    /// <summary>The hand-written part of the <c>meetings</c> group; the generated commands fill in the rest.</summary>
    private static Command MeetingCommands(CliEnvironment environment, GlobalOptions globals) =>
        new("meetings", "Create, find, change and (against a sandbox) simulate, hold live and end the meetings of a RealtimeKit app") { SimulateCommand.Create(environment, globals), SimulateCommand.CreateEnd(environment, globals) };

    /// <summary>The hand-written part of the <c>participants</c> group.</summary>
    private static Command ParticipantCommands(CliEnvironment environment, GlobalOptions globals) =>
        new("participants", "The participants added to a meeting (--meeting-id); import adds a CSV file of attendees, each once.") { ParticipantsImportCommand.Create(environment, globals) };

    /// <summary>Runs the CLI as a process: Ctrl+C and SIGTERM cancel the command that runs.</summary>
    public static async Task<int> RunAsync(string[] args, CliEnvironment environment)
    {
        using var stop = new CancellationTokenSource();
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        return await RunAsync(args, environment, stop.Token);

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
    }

    /// <summary>Runs the CLI in-process; <paramref name="cancellationToken"/> plays the part of Ctrl+C.</summary>
    public static async Task<int> RunAsync(string[] args, CliEnvironment environment, CancellationToken cancellationToken)
    {
        var root = Build(environment);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await environment.Error.WriteLineAsync($"error: {UsageHints.ForError(root, error.Message)}");
            }

            await environment.Error.WriteLineAsync("Run 'realtimekit --help' for usage.");
            return ExitCodes.Usage;
        }

        var configuration = new InvocationConfiguration
        {
            Output = environment.Output,
            Error = environment.Error,
            ProcessTerminationTimeout = null,
        };
        return await parse.InvokeAsync(configuration, cancellationToken);
    }
}
