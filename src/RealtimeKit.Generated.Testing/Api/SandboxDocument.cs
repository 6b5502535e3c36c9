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
                var values = route.Parameters.ToDictionary(p => p.Name, p => Uri.UnescapeDataString(match.Groups[p.Name.Replace("_", string.Empty, StringComparison.Ordinal)].Value));
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
                    .Select(p => new SandboxPathParameter(p.Name, p.ActualSchema.MaxLength, p.ActualSchema.Format ?? p.Format))
                    .ToList();
                var body = operation.RequestBody?.Content.TryGetValue("application/json", out var media) == true ? media.Schema?.ActualSchema : null;
                var success = operation.ActualResponses.Keys.Select(k => int.TryParse(k, out var code) ? code : 0).First(code => code is >= 200 and < 300);
                routes.Add(new SandboxRoute(method.ToUpperInvariant(), template, ToPattern(template), operation.OperationId, parameters, body, success));
            }
        }

        // A literal segment wins over a parameter: /webhooks/all before /webhooks/{webhook_id}.
        routes.Sort((a, b) => b.LiteralSegments.CompareTo(a.LiteralSegments));

        var events = document.Components.Schemas["WebhookEvent"].Enumeration!.Select(e => e?.ToString() ?? string.Empty).ToList();
        return new SandboxDocument(document, routes, events);
    }

    private static Regex ToPattern(string template)
    {
        var pattern = Regex.Replace(Regex.Escape(template), @"\\\{([A-Za-z0-9_]+)}", m => $"(?<{m.Groups[1].Value.Replace("_", string.Empty, StringComparison.Ordinal)}>[^/]+)");
        return new Regex("^" + pattern + "/?$", RegexOptions.CultureInvariant | RegexOptions.Compiled);
    }
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
    public int LiteralSegments => Template.Split('/').Count(s => s.Length > 0 && !s.StartsWith('{'));
}

/// <summary>A path parameter's rules from the document.</summary>
internal sealed record SandboxPathParameter(string Name, int? MaxLength, string? Format);
