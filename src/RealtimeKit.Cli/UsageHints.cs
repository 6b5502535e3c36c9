using System.CommandLine;
using System.Text.RegularExpressions;

namespace RealtimeKit.Cli;

/// <summary>
/// Parse errors that say how to fix them: a missing <c>--X-id</c> names the command that lists
/// the X's (found in the command tree, so every id the document has gets one), with the options
/// that command needs in turn.
/// </summary>
internal static partial class UsageHints
{
    public static string ForError(RootCommand root, string message)
    {
        if (RequiredOption().Match(message) is not { Success: true } match)
        {
            return message;
        }

        var option = match.Groups["option"].Value;
        return FinderOf(root, option) is { } finder
            ? $"{option} is required; find it with: {finder}"
            : $"{option} is required.";
    }

    /// <summary><c>realtimekit apps list</c> for <c>--app-id</c>; <c>realtimekit meetings list --app-id &lt;app-id&gt;</c> for <c>--meeting-id</c>.</summary>
    private static string? FinderOf(RootCommand root, string option)
    {
        if (!option.StartsWith("--", StringComparison.Ordinal) || !option.EndsWith("-id", StringComparison.Ordinal))
        {
            return null;
        }

        var resource = option[2..^3];
        var group = root.Subcommands.FirstOrDefault(c => c.Name == resource + "s" || c.Name == resource);
        var list = group?.Subcommands.FirstOrDefault(c => c.Name == "list");
        if (list is null)
        {
            return null;
        }

        var needs = list.Options.Where(o => o.Required).Select(o => $" {o.Name} <{o.Name[2..]}>");
        return $"realtimekit {group!.Name} list{string.Concat(needs)}";
    }

    [GeneratedRegex("^Option '(?<option>--[a-z0-9-]+)' is required\\.?$")]
    private static partial Regex RequiredOption();
}
