namespace RealtimeKit.Cli;

/// <summary>
/// How the document's operations become commands: the group of each (its tag, or a split of it)
/// and the command's name. Used at build time (RealtimeKit.Cli.Catalog writes the catalog) and by
/// the tests; nothing here names an operation, except the override table.
/// </summary>
internal static class CommandNames
{
    /// <summary>
    /// Command names the naming rule cannot produce: today's hand-written names. Keyed by operationId.
    /// </summary>
    private static readonly Dictionary<string, string> _commandNameOverrides = new(StringComparer.Ordinal)
    {
        ["listWebhookEvents"] = "events",
    };

    /// <summary>Tag operations whose path holds the segment go to their own group, e.g. the participants of a meeting.</summary>
    public static readonly (string Tag, string Segment, string Group, string Description)[] Splits =
    [
        ("Meetings", "participants", "participants", "The participants added to a meeting (--meeting-id)."),
    ];

    /// <summary>
    /// The naming rule: the operationId's words, in kebab case, without the words of the group's
    /// name (singular or plural). createMeeting in meetings is <c>create</c>,
    /// refreshParticipantToken in participants is <c>refresh-token</c>, kickParticipants in
    /// active-session is <c>kick-participants</c>.
    /// </summary>
    public static string CommandName(string operationId, string group)
    {
        if (_commandNameOverrides.TryGetValue(operationId, out var name))
        {
            return name;
        }

        var words = Naming.Words(operationId);
        var groupWords = group.Split('-');
        var kept = new List<string>();
        for (var i = 0; i < words.Count; i++)
        {
            if (i + groupWords.Length <= words.Count && Matches(words, i, groupWords))
            {
                i += groupWords.Length - 1;
                continue;
            }

            kept.Add(words[i]);
        }

        return string.Join('-', kept.Count > 0 ? kept : words);

        static bool Matches(IReadOnlyList<string> words, int start, string[] groupWords)
        {
            for (var j = 0; j < groupWords.Length; j++)
            {
                var word = words[start + j];
                var wanted = groupWords[j];
                if (word != wanted && word + "s" != wanted && word != wanted + "s")
                {
                    return false;
                }
            }

            return true;
        }
    }
}
