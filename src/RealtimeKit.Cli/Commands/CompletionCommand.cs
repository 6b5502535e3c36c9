using System.CommandLine;

namespace RealtimeKit.Cli;

/// <summary>
/// <c>realtimekit completion bash|zsh|pwsh</c>: a script that completes commands, options and
/// known values in that shell by asking the CLI itself, through System.CommandLine's
/// <c>[suggest:position]</c> directive (no <c>dotnet-suggest</c> needed).
/// </summary>
internal static class CompletionCommand
{
    // Each script hands the CLI the words after its name and where the cursor is in them.
    private const string Bash = """
        # realtimekit completion for bash. Load it now: source <(realtimekit completion bash)
        # or for every shell: realtimekit completion bash > ~/.local/share/bash-completion/completions/realtimekit
        _realtimekit_completions() {
          local line="${COMP_LINE#* }"
          [[ "$line" == "$COMP_LINE" ]] && line=""
          local position=$(( COMP_POINT - ${#COMP_LINE} + ${#line} ))
          (( position < 0 )) && position=0
          local IFS=$'\n'
          COMPREPLY=( $(compgen -W "$(realtimekit "[suggest:${position}]" "${line}" 2>/dev/null)" -- "${COMP_WORDS[COMP_CWORD]}") )
        }
        complete -o default -F _realtimekit_completions realtimekit
        """;

    private const string Zsh = """
        #compdef realtimekit
        # realtimekit completion for zsh. Load it now: source <(realtimekit completion zsh)
        _realtimekit() {
          local line="${BUFFER#* }"
          [[ "$line" == "$BUFFER" ]] && line=""
          local position=$(( CURSOR - ${#BUFFER} + ${#line} ))
          (( position < 0 )) && position=0
          local -a completions
          completions=("${(@f)$(realtimekit "[suggest:${position}]" "${line}" 2>/dev/null)}")
          compadd -a completions
        }
        compdef _realtimekit realtimekit
        """;

    private const string PowerShell = """
        # realtimekit completion for PowerShell. Load it now: realtimekit completion pwsh | Out-String | Invoke-Expression
        Register-ArgumentCompleter -Native -CommandName realtimekit -ScriptBlock {
            param($wordToComplete, $commandAst, $cursorPosition)
            $line = $commandAst.ToString()
            $space = $line.IndexOf(' ')
            $rest = if ($space -lt 0) { '' } else { $line.Substring($space + 1) }
            $position = [Math]::Max(0, $cursorPosition - $commandAst.Extent.StartOffset - ($line.Length - $rest.Length))
            realtimekit "[suggest:$position]" "$rest" | ForEach-Object {
                [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
            }
        }
        """;

    public static Command Create(CliEnvironment environment)
    {
        var shell = new Argument<string>("shell") { Description = "bash, zsh or pwsh" };
        shell.AcceptOnlyFromAmong("bash", "zsh", "pwsh");
        var command = new Command("completion", "Print the shell completion script for bash, zsh or pwsh (commands, options, known values): source <(realtimekit completion bash)") { shell };
        command.SetAction(parse =>
        {
            environment.Output.WriteLine(parse.GetValue(shell) switch
            {
                "zsh" => Zsh,
                "pwsh" => PowerShell,
                _ => Bash,
            });
            return ExitCodes.Success;
        });
        return command;
    }
}
