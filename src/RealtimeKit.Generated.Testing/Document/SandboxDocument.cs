using System.Text.RegularExpressions;
using NJsonSchema;
using NSwag;

namespace RealtimeKit.Generated.Testing;

/// <summary>
/// The OpenAPI document the client is generated from, embedded in this assembly: the sandbox
/// takes its routes, path parameter rules, request body schemas, success statuses and event
/// names from it, so it cannot drift from the document.
/// </summary>
internal sealed class SandboxDocument
{
    private static readonly Lazy<SandboxDocument> _instance = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private SandboxDocument(OpenApiDocument document, IReadOnlyList<SandboxRoute> routes, IReadOnlyList<string> events)
    {
        Document = document;
        Routes = routes;
        EventNames = events;
    }

    public static SandboxDocument Instance => _instance.Value;

    public OpenApiDocument Document { get; }

    public IReadOnlyList<SandboxRoute> Routes { get; }

    /// <summary>The names of the WebhookEvent enum, in the document's order.</summary>
    public IReadOnlyList<string> EventNames { get; }

    public (SandboxRoute Route, Dictionary<string, string> Values)? Match(string method, string path)
    {
        foreach (var route in Routes)
        {
            if (!string.Equals(route.Method, method, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var match = route.Pattern.Match(path);
            if (match.Success)
            {
                var values = route.Parameters.ToDictionary(p => p.Name, p => Uri.UnescapeDataString(match.Groups[GroupName(p.Name)].Value));
                return (route, values);
            }
        }

        return null;
    }

    public bool PathExists(string path) => Routes.Any(r => r.Pattern.IsMatch(path));

    private static SandboxDocument Load()
    {
        using var stream = typeof(SandboxDocument).Assembly.GetManifestResourceStream("RealtimeKit.Generated.Testing.realtimekit.yaml")
            ?? throw new InvalidOperationException("The embedded OpenAPI document is missing.");
        using var reader = new StreamReader(stream);
        var yaml = reader.ReadToEnd();
        var document = OpenApiYamlDocument.FromYamlAsync(yaml).GetAwaiter().GetResult();

        var routes = new List<SandboxRoute>();
        foreach (var (template, item) in document.Paths)
        {
            foreach (var (method, operation) in item)
            {
                var parameters = operation.ActualParameters.Where(p => p.Kind == OpenApiParameterKind.Path)
                    .Select(p => new SandboxPathParameter(p.Name, p.ActualSchema.MaxLength, p.ActualSchema.Format ?? p.Format, MalformedStatus(p)))
                    .ToList();
                var body = operation.RequestBody?.Content.TryGetValue("application/json", out var media) == true ? media.Schema?.ActualSchema : null;
                var success = operation.ActualResponses.Keys.Select(k => int.TryParse(k, out var code) ? code : 0).First(code => code is >= 200 and < 300);
                routes.Add(new SandboxRoute(method.ToUpperInvariant(), template, ToPattern(template), operation.OperationId, parameters, body, success));
            }
        }

        // A literal segment wins over a parameter, segment by segment from the left:
        // /webhooks/all before /webhooks/{webhook_id}, /sessions/peer-report/{peer_id} before
        // /sessions/{session_id}/chat. OrderBy is stable: routes that tie keep the document's order.
        routes = [.. routes.OrderBy(r => r, SandboxRouteSpecificity.Instance)];

        var events = document.Components.Schemas["WebhookEvent"].Enumeration!.Select(e => e?.ToString() ?? string.Empty).ToList();
        return new SandboxDocument(document, routes, events);
    }

    private static int? MalformedStatus(OpenApiParameter parameter) =>
        (parameter.ActualParameter.ExtensionData ?? parameter.ExtensionData) is { } extensions && extensions.TryGetValue("x-rtk-malformed-status", out var value) && value is not null
            ? Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)
            : null;

    private static Regex ToPattern(string template)
    {
        var pattern = Regex.Replace(Regex.Escape(template), @"\\\{([A-Za-z0-9_-]+)}", m => $"(?<{GroupName(m.Groups[1].Value)}>[^/]+)");
        return new Regex("^" + pattern + "/?$", RegexOptions.CultureInvariant | RegexOptions.Compiled);
    }

    /// <summary>A path parameter's name as a regex group name (letters and digits only: livestream-session-id, app_id).</summary>
    private static string GroupName(string parameter) => new([.. parameter.Where(char.IsAsciiLetterOrDigit)]);
}

/// <summary>One operation of the document, as the sandbox routes it.</summary>
internal sealed record SandboxRoute(
    string Method,
    string Template,
    Regex Pattern,
    string OperationId,
    IReadOnlyList<SandboxPathParameter> Parameters,
    JsonSchema? RequestBody,
    int SuccessStatus)
{
    public IReadOnlyList<string> Segments { get; } = Template.Split('/', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>Orders routes so that the first match is the most specific: at the first segment where two routes differ, a literal comes before a parameter.</summary>
internal sealed class SandboxRouteSpecificity : IComparer<SandboxRoute>
{
    public static SandboxRouteSpecificity Instance { get; } = new();

    public int Compare(SandboxRoute? x, SandboxRoute? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : 1) : -1;
        }

        for (var i = 0; i < Math.Min(x.Segments.Count, y.Segments.Count); i++)
        {
            var xParameter = x.Segments[i].StartsWith('{');
            var yParameter = y.Segments[i].StartsWith('{');
            if (xParameter != yParameter)
            {
                return xParameter ? 1 : -1;
            }
        }

        // Routes of different lengths never match the same path; any consistent order will do.
        return x.Segments.Count.CompareTo(y.Segments.Count);
    }
}

/// <summary>A path parameter's rules from the document.</summary>
/// <summary>
/// A path parameter's rules. <paramref name="MalformedStatus"/> is the document's
/// <c>x-rtk-malformed-status</c>: what the service answers a value that breaks the format with
/// (the webhooks resource's published 400); without it, such a value is answered as an id that
/// does not exist, as the service answers it (a non-UUID meeting id is a 404, never a 400).
/// </summary>
internal sealed record SandboxPathParameter(string Name, int? MaxLength, string? Format, int? MalformedStatus);
