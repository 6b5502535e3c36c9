using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using NJsonSchema;
using NSwag;
using RealtimeKit.Generated.Testing;
using RealtimeKit.Generated.Tests.Infrastructure;

namespace RealtimeKit.Generated.Tests;

/// <summary>
/// The sandbox cannot drift from the document: every answer it gives in a run that touches all
/// seven operations and every error path matches the document's response schema for that
/// operation and status, and every success answer reads with the generated client's models.
/// </summary>
public sealed class SandboxConformanceTests
{
    [Fact]
    public async Task Every_sandbox_answer_matches_the_documents_schema()
    {
        var document = await OpenApiYamlDocument.FromFileAsync(Repository.OpenApiDocument);
        await using var sandbox = RealtimeKitSandbox.Start();
        await DriveEveryPathAsync(sandbox);

        var requests = sandbox.Requests;
        Assert.Equal(
            SandboxApi.ImplementedOperations.Order(StringComparer.Ordinal),
            requests.Select(r => r.OperationId).OfType<string>().Distinct().Order(StringComparer.Ordinal));
        Assert.Superset(new HashSet<int> { 200, 201, 400, 401, 404 }, requests.Select(r => r.StatusCode).ToHashSet());

        var checkedAnswers = 0;
        foreach (var request in requests)
        {
            var operation = document.Operations.Single(o => o.Operation.OperationId == request.OperationId).Operation;
            if (request.StatusCode == 401)
            {
                Assert.True(operation.Responses.ContainsKey("401"));
                Assert.Equal("{\"message\":\"Unauthorized\"}", request.ResponseBody);
                continue;
            }

            // 404 is not in the published schema; the API answers it in the documented ErrorResponse shape.
            var schema = operation.Responses.TryGetValue(request.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture), out var response)
                ? response.ActualResponse.Content["application/json"].Schema.ActualSchema
                : document.Components.Schemas["ErrorResponse"];
            var errors = schema.Validate(request.ResponseBody);
            Assert.True(errors.Count == 0, $"{request.OperationId} {request.StatusCode}: {string.Join("; ", errors)} in {request.ResponseBody}");
            checkedAnswers++;
        }

        Assert.True(checkedAnswers >= 45, $"only {checkedAnswers} answers were checked");
    }

    private static async Task DriveEveryPathAsync(RealtimeKitSandbox sandbox)
    {
        const string account = "acc";
        const string app = "app";
        var services = new ServiceCollection();
        services.AddRealtimeKit(options =>
        {
            options.BaseAddress = sandbox.BaseAddress;
            options.ApiToken = sandbox.ApiToken;
            options.Retry.MaxRetries = 0;
        });
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IWebhooksClient>();

        await client.ListWebhooksAsync(account, app);
        var added = (await client.AddWebhookAsync(account, app, new AddWebhookRequest { Name = "n", Url = new Uri("https://e.com/h"), Events = [.. WebhookEvent.KnownValues] })).Data;
        await client.AddWebhookAsync(account, app, new AddWebhookRequest { Name = "m", Url = new Uri("https://e.com/m"), Events = [WebhookEvent.MeetingEnded], Enabled = false });
        await client.ListWebhooksAsync(account, app);
        await client.ListWebhookEventsAsync(account, app);
        await client.GetWebhookAsync(account, app, added.Id);
        await client.EditWebhookAsync(account, app, added.Id, new EditWebhookRequest { Name = "renamed" });
        await client.ReplaceWebhookAsync(account, app, added.Id, new ReplaceWebhookRequest { Name = "r", Url = new Uri("https://e.com/r"), Events = [WebhookEvent.MeetingSummary] });
        await client.DeleteWebhookAsync(account, app, added.Id);
        await Assert.ThrowsAsync<RealtimeKitNotFoundException>(() => client.GetWebhookAsync(account, app, added.Id));
        await Assert.ThrowsAsync<RealtimeKitNotFoundException>(() => client.DeleteWebhookAsync(account, app, added.Id));

        using var http = new HttpClient { BaseAddress = sandbox.BaseAddress };
        await SendAsync(http, "GET", $"accounts/{account}/realtime/kit/{app}/webhooks", null, token: "wrong");
        await SendAsync(http, "POST", $"accounts/{account}/realtime/kit/{app}/webhooks", "{\"name\":\"n\"}", sandbox.ApiToken);
        await SendAsync(http, "PUT", $"accounts/{account}/realtime/kit/{app}/webhooks/not-a-guid", "{}", sandbox.ApiToken);
        await SendAsync(http, "PATCH", $"accounts/{account}/realtime/kit/{app}/webhooks/{added.Id}", "{}", sandbox.ApiToken);
        await SendAsync(http, "GET", $"accounts/{new string('x', 40)}/realtime/kit/{app}/webhooks/all", null, sandbox.ApiToken);

        await DriveResourcesAsync(provider.GetRequiredService<IRealtimeKitClient>(), http, sandbox);
    }

    /// <summary>Apps, meetings, participants and presets: every operation, success and error paths.</summary>
    private static async Task DriveResourcesAsync(IRealtimeKitClient client, HttpClient http, RealtimeKitSandbox sandbox)
    {
        var token = sandbox.ApiToken;
        const string account = "acc";
        const string app = "app";
        var kit = $"accounts/{account}/realtime/kit/{app}";

        await client.Apps.ListAppsAsync(account);
        var createdApp = (await client.Apps.CreateAppAsync(account, new CreateAppRequest { Name = "a" })).Data!.App!;
        await client.Apps.GetAppAsync(account, createdApp.Id!);
        await client.Apps.ListAppsAsync(account, pageNo: 1, perPage: 5);
        await Assert.ThrowsAsync<RealtimeKitNotFoundException>(() => client.Apps.GetAppAsync(account, "missing"));

        var meeting = (await client.Meetings.CreateMeetingAsync(account, app, new CreateMeetingRequest { Title = "t", RecordOnStart = true })).Data!.Id;
        await client.Meetings.CreateMeetingAsync(account, app, new CreateMeetingRequest());
        await client.Meetings.ListMeetingsAsync(account, app, pageNo: 1, perPage: 1);
        await client.Meetings.ListMeetingsAsync(account, app, pageNo: 9, perPage: 1);
        await client.Meetings.GetMeetingAsync(account, app, meeting);
        await client.Meetings.UpdateMeetingAsync(account, app, meeting, new UpdateMeetingRequest { Status = MeetingStatus.Inactive });
        await client.Meetings.ReplaceMeetingAsync(account, app, meeting, new ReplaceMeetingRequest { Title = "r" });
        await Assert.ThrowsAsync<RealtimeKitNotFoundException>(() => client.Meetings.GetMeetingAsync(account, app, Guid.NewGuid()));
        await SendAsync(http, "POST", $"{kit}/meetings", "{\"title\":1}", token);

        var participant = (await client.Meetings.AddParticipantAsync(account, app, meeting, new AddParticipantRequest { CustomParticipantId = "u", PresetName = "host", Name = "Ana" })).Data!.Id.ToString();
        await client.Meetings.ListParticipantsAsync(account, app, meeting);
        await client.Meetings.GetParticipantAsync(account, app, meeting, participant);
        await client.Meetings.EditParticipantAsync(account, app, meeting, participant, new EditParticipantRequest { Name = "Bea" });
        await SendAsync(http, "PATCH", $"{kit}/meetings/{meeting}/participants/{participant}", "{\"name\":null,\"picture\":null}", token);
        await client.Meetings.ReplaceParticipantAsync(account, app, meeting, participant, new ReplaceParticipantRequest { CustomParticipantId = "u2", PresetName = "viewer" });
        await client.Meetings.RefreshParticipantTokenAsync(account, app, meeting, participant);
        await client.Meetings.DeleteParticipantAsync(account, app, meeting, participant);
        await Assert.ThrowsAsync<RealtimeKitNotFoundException>(() => client.Meetings.GetParticipantAsync(account, app, meeting, participant));
        await SendAsync(http, "POST", $"{kit}/meetings/{meeting}/participants", "{\"preset_name\":\"p\"}", token);

        var presetBody = DocumentExamples.PresetRequestBody();
        await SendAsync(http, "POST", $"{kit}/presets", presetBody, token);
        var preset = (await client.Presets.ListPresetsAsync(account, app)).Data.Single().Id!.ToString()!;
        await client.Presets.GetPresetAsync(account, app, preset);
        await client.Presets.UpdatePresetAsync(account, app, preset, new UpdatePresetRequest { Name = "n2" });
        await SendAsync(http, "PUT", $"{kit}/presets/{preset}", presetBody, token);
        await client.Presets.DeletePresetAsync(account, app, preset);
        await Assert.ThrowsAsync<RealtimeKitNotFoundException>(() => client.Presets.GetPresetAsync(account, app, preset));
        await SendAsync(http, "POST", $"{kit}/presets", "{\"name\":\"p\"}", token);

        // Sessions from seeded state and a simulated meeting; recordings through their statuses.
        var start = DateTimeOffset.UtcNow.AddHours(-1);
        var live = sandbox.AddSession(account, app, meeting, start, participants: [new("a", "A", "host", start)]);
        await client.ActiveSession.GetActiveSessionAsync(account, app, meeting);
        var simulated = await sandbox.SimulateMeetingAsync(account, app, meeting);
        var ended = sandbox.AddSession(account, app, meeting, start, start.AddMinutes(5), [new("b", "B", "host", start)]);
        await client.Sessions.ListSessionsAsync(account, app, pageNo: 1, perPage: 2);
        await client.Sessions.GetSessionAsync(account, app, simulated.SessionId);
        var peer = (await client.Sessions.ListSessionParticipantsAsync(account, app, simulated.SessionId)).Data!.Participants!.First().Id!;
        await client.Sessions.GetSessionParticipantAsync(account, app, simulated.SessionId, peer);
        await client.Sessions.GetSessionChatAsync(account, app, simulated.SessionId);
        await client.Sessions.GetSessionTranscriptAsync(account, app, simulated.SessionId);
        await client.Sessions.GetSessionSummaryAsync(account, app, simulated.SessionId);
        await Assert.ThrowsAsync<RealtimeKitNotFoundException>(() => client.Sessions.GetSessionSummaryAsync(account, app, ended));
        await client.Sessions.GenerateSessionSummaryAsync(account, app, ended);
        await Assert.ThrowsAsync<RealtimeKitNotFoundException>(() => client.Sessions.GetSessionAsync(account, app, "missing"));
        await Assert.ThrowsAsync<RealtimeKitNotFoundException>(() => client.ActiveSession.GetActiveSessionAsync(account, app, Guid.NewGuid()));
        Assert.NotEqual(live, ended);

        var recording = (await client.Recordings.StartRecordingAsync(account, app, new StartRecordingRequest { MeetingId = meeting })).Data!.Id.ToString();
        await SendAsync(http, "POST", $"{kit}/recordings", $"{{\"meeting_id\":\"{meeting}\"}}", token);
        await client.Recordings.GetActiveRecordingAsync(account, app, meeting.ToString());
        await client.Recordings.ControlRecordingAsync(account, app, recording, new ControlRecordingRequest { Action = RecordingAction.Pause });
        await client.Recordings.ControlRecordingAsync(account, app, recording, new ControlRecordingRequest { Action = RecordingAction.Stop });
        await client.Recordings.GetRecordingAsync(account, app, recording);
        await client.Recordings.ListRecordingsAsync(account, app);
        await Assert.ThrowsAsync<RealtimeKitNotFoundException>(() => client.Recordings.GetActiveRecordingAsync(account, app, meeting.ToString()));
        await SendAsync(http, "PUT", $"{kit}/recordings/{recording}", "{\"action\":\"stop\"}", token);
        await SendAsync(http, "PUT", $"{kit}/recordings/{recording}", "{\"action\":\"rewind\"}", token);
    }

    private static async Task SendAsync(HttpClient http, string method, string path, string? body, string token)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var _ = await http.SendAsync(request);
    }
}
