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

    /// <summary>Every operation of the index of realtimekit-api.md: tag (the client), method, path under /accounts/{account_id}/realtime/kit, .NET operationId, published operationId, success status.</summary>
    public static readonly (string Tag, string Method, string Path, string OperationId, string PublishedId, int Success)[] Operations =
    [
            ("Apps", "GET", "/apps", "listApps", "get_apps", 200),
            ("Apps", "POST", "/apps", "createApp", "create_app", 200),
            ("Apps", "GET", "/apps/{app_id}", "getApp", "get_app", 200),
            ("Meetings", "GET", "/{app_id}/meetings", "listMeetings", "get_all_meetings", 200),
            ("Meetings", "POST", "/{app_id}/meetings", "createMeeting", "create_meeting", 201),
            ("Meetings", "GET", "/{app_id}/meetings/{meeting_id}", "getMeeting", "get_meeting", 200),
            ("Meetings", "PATCH", "/{app_id}/meetings/{meeting_id}", "updateMeeting", "update_meeting", 200),
            ("Meetings", "PUT", "/{app_id}/meetings/{meeting_id}", "replaceMeeting", "replace_meeting", 200),
            ("Meetings", "GET", "/{app_id}/meetings/{meeting_id}/participants", "listParticipants", "get_meeting_participants", 200),
            ("Meetings", "POST", "/{app_id}/meetings/{meeting_id}/participants", "addParticipant", "add_participant", 201),
            ("Meetings", "GET", "/{app_id}/meetings/{meeting_id}/participants/{participant_id}", "getParticipant", "get_meeting_participant", 200),
            ("Meetings", "PATCH", "/{app_id}/meetings/{meeting_id}/participants/{participant_id}", "editParticipant", "edit_participant", 200),
            ("Meetings", "PUT", "/{app_id}/meetings/{meeting_id}/participants/{participant_id}", "replaceParticipant", "replace_participant", 200),
            ("Meetings", "DELETE", "/{app_id}/meetings/{meeting_id}/participants/{participant_id}", "deleteParticipant", "delete_meeting_participant", 200),
            ("Meetings", "POST", "/{app_id}/meetings/{meeting_id}/participants/{participant_id}/token", "refreshParticipantToken", "regenerate_token", 200),
            ("Presets", "GET", "/{app_id}/presets", "listPresets", "get-presets", 200),
            ("Presets", "POST", "/{app_id}/presets", "createPreset", "post-presets", 201),
            ("Presets", "GET", "/{app_id}/presets/{preset_id}", "getPreset", "get-presets-preset_id", 200),
            ("Presets", "PATCH", "/{app_id}/presets/{preset_id}", "updatePreset", "patch-presets-preset_id", 200),
            ("Presets", "PUT", "/{app_id}/presets/{preset_id}", "replacePreset", "put-presets-preset_id", 200),
            ("Presets", "DELETE", "/{app_id}/presets/{preset_id}", "deletePreset", "delete-presets-preset_id", 200),
            ("Sessions", "GET", "/{app_id}/sessions", "listSessions", "GetSessions", 200),
            ("Sessions", "GET", "/{app_id}/sessions/{session_id}", "getSession", "GetSessionDetails", 200),
            ("Sessions", "GET", "/{app_id}/sessions/{session_id}/participants", "listSessionParticipants", "GetSessionParticipants", 200),
            ("Sessions", "GET", "/{app_id}/sessions/{session_id}/participants/{participant_id}", "getSessionParticipant", "GetParticipantDetails", 200),
            ("Sessions", "GET", "/{app_id}/sessions/peer-report/{peer_id}", "getPeerReport", "GetParticipantDataFromPeerId", 200),
            ("Sessions", "GET", "/{app_id}/sessions/{session_id}/chat", "getSessionChat", "GetSessionChat", 200),
            ("Sessions", "GET", "/{app_id}/sessions/{session_id}/transcript", "getSessionTranscript", "GetSessionTranscript", 200),
            ("Sessions", "GET", "/{app_id}/sessions/{session_id}/summary", "getSessionSummary", "GetSessionSummary", 200),
            ("Sessions", "POST", "/{app_id}/sessions/{session_id}/summary", "generateSessionSummary", "post-sessions-session_id-summary", 200),
            ("Recordings", "GET", "/{app_id}/recordings", "listRecordings", "get_all_recordings", 200),
            ("Recordings", "POST", "/{app_id}/recordings", "startRecording", "start_recording", 200),
            ("Recordings", "GET", "/{app_id}/recordings/active-recording/{meeting_id}", "getActiveRecording", "get_active_recording", 200),
            ("Recordings", "GET", "/{app_id}/recordings/{recording_id}", "getRecording", "get_one_recording", 200),
            ("Recordings", "PUT", "/{app_id}/recordings/{recording_id}", "controlRecording", "pause_resume_stop_recording", 200),
            ("Recordings", "POST", "/{app_id}/recordings/track", "startTrackRecording", "startTrackRecordingForAMeeting", 200),
            ("Livestreams", "GET", "/{app_id}/livestreams", "listLivestreams", "fetch_all_livestreams", 200),
            ("Livestreams", "POST", "/{app_id}/livestreams", "createLivestream", "create_livestream", 201),
            ("Livestreams", "GET", "/{app_id}/livestreams/{livestream_id}", "getLivestream", "get-v2-livestream-session-livestream-id", 200),
            ("Livestreams", "GET", "/{app_id}/livestreams/{livestream_id}/active-livestream-session", "getActiveLivestreamSession", "get-v2-active-livestream-session-details", 200),
            ("Livestreams", "GET", "/{app_id}/livestreams/sessions/{livestream-session-id}", "getLivestreamSession", "get-v2-livestreams-livestream-session-id", 200),
            ("Livestreams", "POST", "/{app_id}/meetings/{meeting_id}/livestreams", "startLivestream", "start-livestreaming", 201),
            ("Livestreams", "POST", "/{app_id}/meetings/{meeting_id}/active-livestream/stop", "stopLivestream", "stop_livestreaming", 200),
            ("Livestreams", "GET", "/{app_id}/meetings/{meeting_id}/active-livestream", "getMeetingActiveLivestream", "get-v2-meetings-meetingId-active-livestream", 200),
            ("Livestreams", "GET", "/{app_id}/meetings/{meeting_id}/livestream", "listMeetingLivestreams", "livestream-session-details", 200),
            ("Livestreams", "GET", "/{app_id}/sessions/{session_id}/livestream-sessions", "listSessionLivestreamSessions", "get-v2-livestreamsession-session-meetingId-active-livestream", 200),
            ("Livestreams", "GET", "/{app_id}/analytics/livestreams/overall", "getLivestreamAnalytics", "get-livestream-analytics-complete", 200),
            ("Livestreams", "GET", "/{app_id}/analytics/livestreams/daywise", "getDaywiseLivestreamAnalytics", "get-livestream-analytics-daywise", 200),
            ("ActiveSession", "GET", "/{app_id}/meetings/{meeting_id}/active-session", "getActiveSession", "GetActiveSession", 200),
            ("ActiveSession", "POST", "/{app_id}/meetings/{meeting_id}/active-session/kick", "kickParticipants", "KickPartcipants", 200),
            ("ActiveSession", "POST", "/{app_id}/meetings/{meeting_id}/active-session/kick-all", "kickAllParticipants", "KickAllParticipants", 200),
            ("ActiveSession", "POST", "/{app_id}/meetings/{meeting_id}/active-session/mute", "muteParticipants", "MuteParticipants", 200),
            ("ActiveSession", "POST", "/{app_id}/meetings/{meeting_id}/active-session/mute-all", "muteAllParticipants", "MuteAllParticipants", 200),
            ("ActiveSession", "POST", "/{app_id}/meetings/{meeting_id}/active-session/poll", "createPoll", "CreatePoll", 201),
            ("Analytics", "GET", "/{app_id}/analytics/daywise", "getDaywiseAnalytics", "get-org-analytics", 200),
            ("Webhooks", "GET", "/{app_id}/webhooks", "listWebhooks", "getAllWebhooks", 200),
            ("Webhooks", "POST", "/{app_id}/webhooks", "addWebhook", "addWebhook", 201),
            ("Webhooks", "GET", "/{app_id}/webhooks/all", "listWebhookEvents", "getAllWebhookEvents", 200),
            ("Webhooks", "GET", "/{app_id}/webhooks/{webhook_id}", "getWebhook", "getWebhook", 200),
            ("Webhooks", "PUT", "/{app_id}/webhooks/{webhook_id}", "replaceWebhook", "replaceWebhook", 200),
            ("Webhooks", "PATCH", "/{app_id}/webhooks/{webhook_id}", "editWebhook", "editWebhook", 200),
            ("Webhooks", "DELETE", "/{app_id}/webhooks/{webhook_id}", "deleteWebhook", "deleteWebhook", 200),
    ];

    private static readonly string[] _tags = ["Apps", "Meetings", "Presets", "Sessions", "Recordings", "Livestreams", "ActiveSession", "Analytics", "Webhooks"];

    [Fact]
    public void The_document_has_the_62_operations_with_their_documented_statuses()
    {
        var document = Read(out _);
        var operations = document.Paths.SelectMany(p => p.Value.Operations!.Select(o => (Path: p.Key, Method: o.Key, Operation: o.Value))).ToList();

        Assert.Equal(62, Operations.Length);
        Assert.Equal(Operations.Length, operations.Count);
        Assert.Equal(Operations.Length, operations.Select(o => o.Operation.OperationId).Distinct().Count());
        foreach (var (tag, method, path, id, publishedId, success) in Operations)
        {
            var operation = operations.Single(o => o.Path == "/accounts/{account_id}/realtime/kit" + path && o.Method == new HttpMethod(method)).Operation;
            Assert.Equal(id, operation.OperationId);
            Assert.Equal(publishedId, operation.Extensions!["x-cloudflare-operation-id"] is JsonNodeExtension node ? node.Node.GetValue<string>() : null);
            Assert.Equal(tag, Assert.Single(operation.Tags!).Name);
            Assert.Equal(success.ToString(System.Globalization.CultureInfo.InvariantCulture), operation.Responses!.Keys.First(k => k.StartsWith('2')));
            Assert.NotNull(DocumentExamples.SuccessBody(id));
        }

        // The webhooks keep what the published schema documents: 401 on all but /webhooks/all, 400 on all but list and /all.
        foreach (var (_, _, _, id, _, _) in Operations.Where(o => o.Tag == "Webhooks"))
        {
            var operation = operations.Single(o => o.Operation.OperationId == id).Operation;
            if (id == "listWebhookEvents")
            {
                Assert.Equal(["200"], operation.Responses!.Keys);
                continue;
            }

            Assert.Contains("401", operation.Responses!.Keys);
            if (id != "listWebhooks")
            {
                var schema = Assert.IsType<OpenApiSchemaReference>(operation.Responses["400"].Content!["application/json"].Schema);
                Assert.Equal("ErrorResponse", schema.Reference.Id);
            }
        }

        Assert.Equal(_tags, document.Tags!.Select(t => t.Name));
        Assert.Equal("https://api.cloudflare.com/client/v4", Assert.Single(document.Servers!).Url);
        Assert.Equal("bearer", document.Components!.SecuritySchemes!["api_token"].Scheme);
    }

    [Fact]
    public void Every_parameter_has_its_CSharp_name_and_position_and_every_description_is_folded()
    {
        var document = Read(out _);
        foreach (var (path, _, operation) in DocumentExamples.Operations)
        {
            foreach (var parameter in (document.Paths[path].Parameters ?? []).Concat(operation.Parameters ?? []))
            {
                Assert.True(parameter.Extensions!.ContainsKey("x-originalName"), $"{operation.OperationId}: {parameter.Name}");
                Assert.True(parameter.Extensions.ContainsKey("x-position"), $"{operation.OperationId}: {parameter.Name}");
            }

            if (operation.RequestBody is { } body)
            {
                Assert.True(body.Extensions!.ContainsKey("x-position"), operation.OperationId);

                // Every request body's schema is marked, so the generated model checks its rules before sending.
                var schema = Assert.IsType<OpenApiSchemaReference>(body.Content!["application/json"].Schema);
                Assert.True(document.Components!.Schemas![schema.Reference.Id!].Extensions?.ContainsKey("x-rtk-request-body") ?? false, $"{operation.OperationId}: {schema.Reference.Id}");
            }
        }

        // Block descriptions are folded (>-): a literal block (|-) turns every line break into <br/> in the XML docs.
        var text = File.ReadAllText(Repository.OpenApiDocument);
        Assert.DoesNotContain(": |", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_success_example_reads_as_the_generated_answer_type_without_loss()
    {
        foreach (var (tag, _, _, id, _, _) in Operations)
        {
            var client = typeof(IRealtimeKitClient).Assembly.GetType($"RealtimeKit.Generated.I{tag}Client", throwOnError: true)!;
            var method = client.GetMethod(char.ToUpperInvariant(id[0]) + id[1..] + "Async") ?? throw new InvalidOperationException($"I{tag}Client has no method for {id}");
            var answerType = method.ReturnType.GetGenericArguments().Single();
            var example = DocumentExamples.SuccessBody(id);

            var model = Newtonsoft.Json.JsonConvert.DeserializeObject(example, answerType, RealtimeKitJson.SerializerSettings)!;

            Wire.AssertModelMatchesExample(example, model);
        }
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
    public void Where_the_sources_disagree_the_document_says_so()
    {
        var document = Read(out _);
        var components = document.Components!;

        // The numbered list "Source disagreements" of realtimekit-api.md, each where it applies.
        foreach (var parameter in new[] { "AppId", "PageNo", "PerPage", "UnixStartTime", "UnixEndTime" })
        {
            Assert.True(components.Parameters![parameter].Extensions!.ContainsKey("x-rtk-source-conflict"), parameter);
        }

        foreach (var schema in new[] { "VideoCodec", "KickParticipantsRequest", "MuteParticipantsRequest", "StorageConfig", "Livestream", "PresetPluginPermissions", "PresetUi", "Session", "StartRecordingRequest", "AddParticipantRequest", "Paging", "MediaQuality" })
        {
            Assert.True(components.Schemas![schema].Extensions!.ContainsKey("x-rtk-source-conflict"), schema);
        }

        foreach (var operation in new[] { "listApps", "createPreset", "listSessions", "getSession", "getSessionParticipant", "listRecordings", "startTrackRecording", "generateSessionSummary", "listLivestreams", "createLivestream", "getActiveLivestreamSession", "getLivestreamSession", "listMeetingLivestreams", "listSessionLivestreamSessions", "replaceParticipant" })
        {
            Assert.True(DocumentExamples.Operation(operation).Extensions!.ContainsKey("x-rtk-source-conflict"), operation);
        }

        // VP9 (the SDK) is accepted; kick and mute need neither list; the SDK's storage union is described, none of its variants required.
        Assert.Contains("VP9", components.Schemas!["VideoCodec"].Enum!.Select(e => e.GetValue<string>()));
        Assert.True(components.Schemas["KickParticipantsRequest"].Required is null or { Count: 0 });
        Assert.Equal(5, components.Schemas["StorageConfig"].AnyOf!.Count);
        Assert.True(components.Schemas["StorageConfig"].Required is null or { Count: 0 });
    }

    [Fact]
    public void No_schema_rule_is_stricter_than_the_service()
    {
        // Numeric limits, lengths, patterns and counts come from older copies of the published schema
        // or are contradicted by the service: they live in descriptions. The one exception is
        // account_id's maxLength 32, which every Cloudflare account id meets.
        var rules = File.ReadAllLines(Repository.OpenApiDocument)
            .Select((line, index) => (Line: line.Trim(), Number: index + 1))
            .Where(l => System.Text.RegularExpressions.Regex.IsMatch(l.Line, "^(minimum|maximum|exclusiveMinimum|exclusiveMaximum|minLength|maxLength|pattern|minItems|maxItems|minProperties|maxProperties|multipleOf|uniqueItems):"))
            .ToList();

        Assert.Equal("maxLength: 32", Assert.Single(rules).Line);
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

    [Fact]
    public async Task A_new_tag_in_the_document_is_a_client_everywhere_after_one_generation()
    {
        var work = Directory.CreateTempSubdirectory("rtk-regen-");
        try
        {
            var document = await File.ReadAllTextAsync(Repository.OpenApiDocument);
            var changed = document.Replace(
                "      tags: [Analytics]\n      summary: Fetch an app's analytics day by day",
                "      tags: [Usage]\n      summary: Fetch an app's analytics day by day",
                StringComparison.Ordinal);
            Assert.NotEqual(document, changed);
            var input = Path.Combine(work.FullName, "changed.yaml");
            await File.WriteAllTextAsync(input, changed);

            var before = await GenerateAsync(Repository.OpenApiDocument, Path.Combine(work.FullName, "before.g.cs"));
            var after = await GenerateAsync(input, Path.Combine(work.FullName, "after.g.cs"));

            foreach (var (text, client) in new[] { (before, "Analytics"), (after, "Usage") })
            {
                Assert.Contains($"public partial class {client}Client : I{client}Client", text, StringComparison.Ordinal);
                Assert.Contains($"        I{client}Client {client} {{ get; }}", text, StringComparison.Ordinal);
                Assert.Contains($"            {client} = new {client}Client(httpClient);", text, StringComparison.Ordinal);
                Assert.Contains($"            {client} = {char.ToLowerInvariant(client[0])}{client[1..]} ?? throw", text, StringComparison.Ordinal);
                Assert.Contains($"        public I{client}Client {client} {{ get; }}", text, StringComparison.Ordinal);
                Assert.Contains($"TryAddTransient<I{client}Client>(services, provider => new {client}Client(context(provider)));", text, StringComparison.Ordinal);
                Assert.Contains($"GetRequiredService<I{client}Client>(provider)", text, StringComparison.Ordinal);
            }

            Assert.DoesNotContain("UsageClient", before, StringComparison.Ordinal);
            Assert.DoesNotContain("AnalyticsClient", after, StringComparison.Ordinal);
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
