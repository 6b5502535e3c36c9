namespace RealtimeKit.Cli;

/// <summary>Names of the document and of the generated code, as command-line names.</summary>
internal static class Naming
{
    /// <summary>The lower-case words of a camelCase, PascalCase, snake_case or kebab-case name.</summary>
    public static IReadOnlyList<string> Words(string name)
    {
        var words = new List<string>();
        var current = new System.Text.StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!char.IsLetterOrDigit(c))
            {
                Flush();
                continue;
            }

            if (char.IsUpper(c) && current.Length > 0 && (!char.IsUpper(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
            {
                Flush();
            }

            current.Append(char.ToLowerInvariant(c));
        }

        Flush();
        return words;

        void Flush()
        {
            if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }
    }

    /// <summary><c>ActiveSession</c> → <c>active-session</c>, <c>custom_participant_id</c> → <c>custom-participant-id</c>.</summary>
    public static string Kebab(string name) => string.Join('-', Words(name));

    /// <summary>The option of a parameter or a JSON field: <c>meetingId</c> → <c>--meeting-id</c>.</summary>
    public static string Option(string name) => "--" + Kebab(name);

    /// <summary>A name as one key, whatever its case or separators: <c>meeting_id</c> and <c>meetingId</c> are <c>meetingid</c>.</summary>
    public static string Key(string name) => string.Concat(name.Where(char.IsLetterOrDigit)).ToLowerInvariant();
}
