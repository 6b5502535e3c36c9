using System.Reflection;
using NSwag;
using RealtimeKit.Generated;

namespace RealtimeKit.Cli;

/// <summary>
/// The operations of the embedded OpenAPI document, each joined to the generated client method that
/// calls it: the document gives the tag, path, summary and descriptions; the method gives the
/// parameters and the body type. Nothing here names an operation, except the override table.
/// </summary>
internal sealed class ApiCatalog
{
    private const string ResourceName = "RealtimeKit.Cli.realtimekit.yaml";

    /// <summary>
    /// Command names the naming rule cannot produce: today's hand-written names. Keyed by operationId.
    /// </summary>
    private static readonly Dictionary<string, string> _commandNameOverrides = new(StringComparer.Ordinal)
    {
        ["listWebhookEvents"] = "events",
    };

    /// <summary>Tag operations whose path holds the segment go to their own group, e.g. the participants of a meeting.</summary>
    private static readonly (string Tag, string Segment, string Group, string Description)[] _splits =
    [
        ("Meetings", "participants", "participants", "The participants added to a meeting (--meeting-id)."),
    ];

    private static readonly Lazy<ApiCatalog> _instance = new(Load);

    private ApiCatalog(IReadOnlyList<ApiGroup> groups) => Groups = groups;

    public static ApiCatalog Instance => _instance.Value;

    public IReadOnlyList<ApiGroup> Groups { get; }

    public IEnumerable<ApiOperation> Operations => Groups.SelectMany(g => g.Operations);

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

    private static ApiCatalog Load()
    {
        using var stream = typeof(ApiCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("The embedded OpenAPI document is missing.");
        using var reader = new StreamReader(stream);
        var document = OpenApiYamlDocument.FromYamlAsync(reader.ReadToEnd()).GetAwaiter().GetResult();
        var clients = typeof(IWebhooksClient).Assembly;

        var groups = new List<ApiGroup>();
        foreach (var tag in document.Tags)
        {
            var client = clients.GetType($"RealtimeKit.Generated.I{tag.Name}Client")
                ?? throw new InvalidOperationException($"No generated client I{tag.Name}Client for the tag {tag.Name}.");
            var tagGroup = new ApiGroup(Naming.Kebab(tag.Name), tag.Description ?? tag.Name);
            groups.Add(tagGroup);
            foreach (var split in _splits.Where(s => s.Tag == tag.Name))
            {
                groups.Add(new ApiGroup(split.Group, split.Description));
            }

            foreach (var (path, item) in document.Paths)
            {
                foreach (var (method, operation) in item)
                {
                    if (!operation.Tags.Contains(tag.Name))
                    {
                        continue;
                    }

                    var segments = path.Split('/');
                    var split = _splits.FirstOrDefault(s => s.Tag == tag.Name && segments.Contains(s.Segment));
                    var group = split.Group is null ? tagGroup : groups.Single(g => g.Name == split.Group);
                    var methodName = char.ToUpperInvariant(operation.OperationId[0]) + operation.OperationId[1..] + "Async";
                    var clientMethod = client.GetMethod(methodName)
                        ?? throw new InvalidOperationException($"{client.Name} has no {methodName} for the operation {operation.OperationId}.");
                    group.Operations.Add(new ApiOperation(
                        group.Name,
                        CommandName(operation.OperationId, group.Name),
                        operation.OperationId,
                        method.ToUpperInvariant(),
                        path,
                        operation.Summary ?? operation.OperationId,
                        operation,
                        client,
                        clientMethod));
                }
            }
        }

        foreach (var group in groups)
        {
            var duplicate = group.Operations.GroupBy(o => o.CommandName).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
            {
                throw new InvalidOperationException(
                    $"The naming rule gives '{group.Name} {duplicate.Key}' to {string.Join(" and ", duplicate.Select(o => o.OperationId))}: add an override.");
            }
        }

        return new ApiCatalog(groups.Where(g => g.Operations.Count > 0).ToList());
    }
}

/// <summary>A command group: the operations of one tag, or of one split of a tag.</summary>
internal sealed record ApiGroup(string Name, string Description)
{
    public List<ApiOperation> Operations { get; } = [];
}

/// <summary>One operation of the document and the generated method that calls it.</summary>
internal sealed record ApiOperation(
    string Group,
    string CommandName,
    string OperationId,
    string HttpMethod,
    string Path,
    string Summary,
    OpenApiOperation Operation,
    Type Client,
    MethodInfo Method);
