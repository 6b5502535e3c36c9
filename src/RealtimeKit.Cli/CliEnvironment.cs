using Spectre.Console;

namespace RealtimeKit.Cli;

/// <summary>What the CLI reads from and writes to: standard output and error, and environment variables. Tests pass their own.</summary>
internal sealed class CliEnvironment
{
    public CliEnvironment(TextWriter output, TextWriter error, Func<string, string?> variable)
    {
        Output = output;
        Error = error;
        Variable = variable;
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = ReferenceEquals(output, System.Console.Out) ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = ReferenceEquals(output, System.Console.Out) ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!ReferenceEquals(output, System.Console.Out))
        {
            Console.Profile.Width = 200;
        }
    }

    public TextWriter Output { get; }

    public TextWriter Error { get; }

    public Func<string, string?> Variable { get; }

    /// <summary>Spectre.Console over <see cref="Output"/>, for tables.</summary>
    public IAnsiConsole Console { get; }
}
