using System.Diagnostics;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using RealtimeKit.Generated.Tests.Infrastructure;

namespace RealtimeKit.Generated.Tests;

/// <summary>The OpenAPI document is valid, complete, and drives the generated surface.</summary>
public sealed class OpenApiDocumentTests
{
    private static OpenApiDocument Read(out OpenApiDiagnostic diagnostic)
    {
        var result = OpenApiYaml.Read(Repository.OpenApiDocument);
        diagnostic = result.Diagnostic!;
        return result.Document!;
    }

    [Fact]
    public void The_document_reads_without_any_diagnostic()
    {
        Read(out var diagnostic);

        Assert.Empty(diagnostic.Errors.Select(e => $"{e.Pointer}: {e.Message}"));
        Assert.Empty(diagnostic.Warnings.Select(e => $"{e.Pointer}: {e.Message}"));
        Assert.Equal(OpenApiSpecVersion.OpenApi3_0, diagnostic.SpecificationVersion);
        Assert.Empty(Read(out _).Validate(ValidationRuleSet.GetDefaultRuleSet())!.Select(e => $"{e.Pointer}: {e.Message}"));
    }

    [Fact]
    public void The_document_has_the_seven_operations_with_their_documented_statuses()
    {
        var document = Read(out _);
        var operations = document.Paths.SelectMany(p => p.Value.Operations!.Select(o => (Path: p.Key, Method: o.Key, Operation: o.Value))).ToList();

        var expected = new[]
        {
            ("/accounts/{account_id}/realtime/kit/{app_id}/webhooks", HttpMethod.Get, "listWebhooks", "200"),
            ("/accounts/{account_id}/realtime/kit/{app_id}/webhooks", HttpMethod.Post, "addWebhook", "201"),
            ("/accounts/{account_id}/realtime/kit/{app_id}/webhooks/all", HttpMethod.Get, "listWebhookEvents", "200"),
            ("/accounts/{account_id}/realtime/kit/{app_id}/webhooks/{webhook_id}", HttpMethod.Get, "getWebhook", "200"),
            ("/accounts/{account_id}/realtime/kit/{app_id}/webhooks/{webhook_id}", HttpMethod.Put, "replaceWebhook", "200"),
            ("/accounts/{account_id}/realtime/kit/{app_id}/webhooks/{webhook_id}", HttpMethod.Patch, "editWebhook", "200"),
            ("/accounts/{account_id}/realtime/kit/{app_id}/webhooks/{webhook_id}", HttpMethod.Delete, "deleteWebhook", "200"),
        };

        Assert.Equal(expected.Length, operations.Count);
        foreach (var (path, method, id, success) in expected)
        {
            var operation = operations.Single(o => o.Path == path && o.Method == method).Operation;
            Assert.Equal(id, operation.OperationId);
            Assert.Equal(success, operation.Responses!.Keys.First(k => k.StartsWith('2')));
            if (id == "listWebhookEvents")
            {
                // The published schema documents only the 200 of /webhooks/all.
                Assert.Equal(["200"], operation.Responses.Keys);
                continue;
            }

            Assert.Contains("401", operation.Responses.Keys);
            if (id != "listWebhooks")
            {
                var schema = Assert.IsType<OpenApiSchemaReference>(operation.Responses["400"].Content!["application/json"].Schema);
                Assert.Equal("ErrorResponse", schema.Reference.Id);
            }
        }

        Assert.Equal("https://api.cloudflare.com/client/v4", Assert.Single(document.Servers!).Url);
        Assert.Equal("bearer", document.Components!.SecuritySchemes!["api_token"].Scheme);
    }

    [Theory]
    [InlineData("listWebhooks", "{\n  message: \"Unauthorized\"\n}\n")]
    [InlineData("addWebhook", "{\n  message: \"Unauthorized\"\n}\n")]
    [InlineData("getWebhook", "{\n  message: \"Unauthorized\"\n}\n")]
    [InlineData("replaceWebhook", "{\n  message: \"Unauthorized\"\n}\n")]
    [InlineData("editWebhook", "{\n  \"message\": \"Unauthorized\"\n}\n")]
    [InlineData("deleteWebhook", "{\n  \"message\": \"Unauthorized\"\n}\n")]
    public void Each_operation_carries_its_published_401_example(string operationId, string example)
    {
        var operation = Read(out _).Paths.SelectMany(p => p.Value.Operations!.Values).Single(o => o.OperationId == operationId);

        var unauthorized = operation.Responses!["401"].Content!["application/json"].Example;

        Assert.Equal(example, unauthorized!.GetValue<string>());
    }

    [Fact]
    public void The_published_schema_facts_are_in_the_document()
    {
        var schemas = Read(out _).Components!.Schemas!;

        Assert.True(schemas["Webhook"].Properties!["id"].ReadOnly);
        Assert.Null(schemas["EditWebhookRequest"].MinProperties);
        Assert.False(schemas["EditWebhookRequest"].Extensions?.ContainsKey("x-rtk-at-least-one-field") ?? false);
        Assert.Contains("roomName", schemas["Meeting"].Properties!.Keys);
        foreach (var open in new[] { "MeetingEndReason", "RecordingStatus", "LivestreamStatus", "WebhookEvent" })
        {
            Assert.True(schemas[open].Extensions!.ContainsKey("x-extensible-enum"), open);
        }
    }

    [Fact]
    public void The_document_carries_the_documented_constraints()
    {
        var document = Read(out _);

        var components = document.Components!;
        Assert.Equal(32, components.Parameters!["AccountId"].Schema!.MaxLength);
        Assert.Null(components.Parameters["AppId"].Schema!.MaxLength);
        Assert.True(components.Parameters["AppId"].Extensions!.ContainsKey("x-rtk-source-conflict"));
        Assert.Equal("uuid", components.Parameters["WebhookId"].Schema!.Format);
        var webhook = components.Schemas!["Webhook"];
        Assert.Equal(["created_at", "enabled", "events", "id", "name", "updated_at", "url"], webhook.Required!.Order());
        Assert.Equal("uri", webhook.Properties!["url"].Format);
        Assert.Equal("date-time", webhook.Properties["created_at"].Format);
        Assert.Equal(["events", "name", "url"], components.Schemas["AddWebhookRequest"].Required!.Order());
        Assert.True(components.Schemas["EditWebhookRequest"].Required is null or { Count: 0 });
        Assert.Equal(
            SpecExamples.AllEventNames.Order(),
            components.Schemas["WebhookEvent"].Enum!.Select(e => e.GetValue<string>()).Order());
    }

    [Fact]
    public void Every_documented_event_is_a_static_property_of_WebhookEvent()
    {
        Assert.Equal(SpecExamples.AllEventNames, WebhookEvent.KnownValues.Select(e => e.ToString()));
        Assert.Equal("meeting.participantJoined", WebhookEvent.MeetingParticipantJoined.ToString());
        Assert.Equal("livestreaming.statusUpdate", WebhookEvent.LivestreamingStatusUpdate.ToString());
    }

    [Fact]
    public async Task Adding_an_event_to_the_document_adds_a_static_property_after_one_generation()
    {
        var work = Directory.CreateTempSubdirectory("rtk-regen-");
        try
        {
            var document = await File.ReadAllTextAsync(Repository.OpenApiDocument);
            var changed = document
                .Replace("        - meeting.summary\n      x-enumNames:", "        - meeting.summary\n        - meeting.recapReady\n      x-enumNames:", StringComparison.Ordinal)
                .Replace("        - MeetingSummary\n", "        - MeetingSummary\n        - MeetingRecapReady\n", StringComparison.Ordinal);
            Assert.NotEqual(document, changed);
            var input = Path.Combine(work.FullName, "changed.yaml");
            await File.WriteAllTextAsync(input, changed);

            var before = await GenerateAsync(Repository.OpenApiDocument, Path.Combine(work.FullName, "before.g.cs"));
            var after = await GenerateAsync(input, Path.Combine(work.FullName, "after.g.cs"));

            Assert.DoesNotContain("MeetingRecapReady", before, StringComparison.Ordinal);
            Assert.Contains("public static WebhookEvent MeetingRecapReady { get; } = new WebhookEvent(@\"meeting.recapReady\");", after, StringComparison.Ordinal);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static async Task<string> GenerateAsync(string document, string output)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(Repository.NSwagDirectory, "dotnet-nswag.dll"));
        start.ArgumentList.Add("run");
        start.ArgumentList.Add(Path.Combine(Repository.Root, "nswag.json"));
        start.ArgumentList.Add($"/variables:InputDocument={document},OutputFile={output},TemplateDirectory={Path.Combine(Repository.Root, "templates", "nswag")}");
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"nswag failed: {await stdout}{await stderr}");
        return await File.ReadAllTextAsync(output);
    }
}
