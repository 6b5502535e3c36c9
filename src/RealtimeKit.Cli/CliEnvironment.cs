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
        // COLUMNS, where set, is the terminal's width (as for ls and git); a test's writer is 200 wide unless told.
        if (int.TryParse(variable("COLUMNS"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var columns) && columns >= 20)
        {
            Console.Profile.Width = columns;
        }
        else if (!ReferenceEquals(output, System.Console.Out))
        {
            Console.Profile.Width = 200;
        }
    }

    public TextWriter Output { get; }

    public TextWriter Error { get; }

    /// <summary>Whether standard error is a terminal a person watches (not a pipe, a file or a test's writer): progress is drawn live there.</summary>
    public bool ErrorIsTerminal => ReferenceEquals(Error, System.Console.Error) && !System.Console.IsErrorRedirected;

    public Func<string, string?> Variable { get; }

    /// <summary>Spectre.Console over <see cref="Output"/>, for tables.</summary>
    public IAnsiConsole Console { get; }
}
