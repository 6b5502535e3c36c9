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
/// 62 operations and every error path matches the document's response schema for that
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
            SandboxOperations.ImplementedOperationIds.Order(StringComparer.Ordinal),
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

            // 404 is not in the published schema, and some documented errors have no body schema
            // (createPoll's 400); the API answers them in the documented ErrorResponse shape.
            var schema = operation.Responses.TryGetValue(request.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture), out var response)
                && response.ActualResponse.Content.TryGetValue("application/json", out var media)
                ? media.Schema.ActualSchema
                : document.Components.Schemas["ErrorResponse"];
            var errors = schema.Validate(request.ResponseBody);
            Assert.True(errors.Count == 0, $"{request.OperationId} {request.StatusCode}: {string.Join("; ", errors)} in {request.ResponseBody}");
            checkedAnswers++;
        }

        Assert.True(checkedAnswers >= 100, $"only {checkedAnswers} answers were checked");
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
        await DriveLiveAsync(provider.GetRequiredService<IRealtimeKitClient>(), http, sandbox);
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

    /// <summary>Livestreams, the live session's participants, polls, track recordings, peer reports and analytics.</summary>
    private static async Task DriveLiveAsync(IRealtimeKitClient client, HttpClient http, RealtimeKitSandbox sandbox)
    {
        var token = sandbox.ApiToken;
        const string account = "acc";
        const string app = "app";
        var kit = $"accounts/{account}/realtime/kit/{app}";
        var meeting = (await client.Meetings.CreateMeetingAsync(account, app, new CreateMeetingRequest { Title = "live" })).Data!.Id;
        var start = DateTimeOffset.UtcNow.AddMinutes(-10);
        var session = sandbox.AddSession(account, app, meeting, start, participants: [new("ana", "Ana", "host", start), new("bea", "Bea", "guest", start), new("cid", "Cid", "guest", start)]);
        var peers = (await client.Sessions.ListSessionParticipantsAsync(account, app, session)).Data!.Participants!.Select(p => p.Id!).ToList();

        await client.Livestreams.ListLivestreamsAsync(account, app);
        await client.Livestreams.CreateLivestreamAsync(account, app, new CreateLivestreamRequest());
        await SendAsync(http, "POST", $"{kit}/livestreams", "{\"name\":null}", token);
        await SendAsync(http, "POST", $"{kit}/livestreams", "{\"name\":\"n\"}", token);
        var started = (await client.Livestreams.StartLivestreamAsync(account, app, meeting, new StartLivestreamRequest { VideoConfig = new LivestreamVideoConfig { Width = 1280, Height = 720 } })).Data!.Id!;
        await client.Livestreams.StartLivestreamAsync(account, app, meeting, new StartLivestreamRequest());
        await client.Livestreams.ListLivestreamsAsync(account, app, excludeMeetings: true);
        await client.Livestreams.ListLivestreamsAsync(account, app, sortOrder: LivestreamSortOrder.Ascending);
        await client.Livestreams.GetMeetingActiveLivestreamAsync(account, app, meeting);
        await client.Livestreams.GetActiveLivestreamSessionAsync(account, app, started);
        await client.Livestreams.GetLivestreamAsync(account, app, started);
        await client.Livestreams.ListLivestreamsAsync(account, app, status: LivestreamStatusFilter.Live, sortOrder: LivestreamSortOrder.Descending);
        await client.Livestreams.ListLivestreamsAsync(account, app, excludeMeetings: true, perPage: 1, pageNo: 2);
        await client.Livestreams.ListSessionLivestreamSessionsAsync(account, app, session);
        await client.Livestreams.ListMeetingLivestreamsAsync(account, app, meeting);
        await client.Livestreams.StopLivestreamAsync(account, app, meeting);
        var detail = await client.Livestreams.GetLivestreamAsync(account, app, started);
        await client.Livestreams.GetLivestreamSessionAsync(account, app, detail.Data!.Session!.Id!);
        await client.Livestreams.ListMeetingLivestreamsAsync(account, app, meeting);
        await client.Livestreams.ListSessionLivestreamSessionsAsync(account, app, session, pageNo: 5);
        await client.Livestreams.ListLivestreamsAsync(account, app, pageNo: 9);
        await client.Livestreams.GetLivestreamAnalyticsAsync(account, app);
        await client.Livestreams.GetLivestreamAnalyticsAsync(account, app, startTime: 0, endTime: 1);
        await client.Livestreams.GetDaywiseLivestreamAnalyticsAsync(account, app, startTime: start.ToUnixTimeSeconds(), endTime: DateTimeOffset.UtcNow.AddDays(1).ToUnixTimeSeconds());
        await Assert.ThrowsAsync<RealtimeKitNotFoundException>(() => client.Livestreams.GetMeetingActiveLivestreamAsync(account, app, meeting));
        await Assert.ThrowsAsync<RealtimeKitNotFoundException>(() => client.Livestreams.StopLivestreamAsync(account, app, meeting));
        await Assert.ThrowsAsync<RealtimeKitNotFoundException>(() => client.Livestreams.GetActiveLivestreamSessionAsync(account, app, started));
        await Assert.ThrowsAsync<RealtimeKitNotFoundException>(() => client.Livestreams.GetLivestreamAsync(account, app, "missing"));
        await Assert.ThrowsAsync<RealtimeKitNotFoundException>(() => client.Livestreams.GetLivestreamSessionAsync(account, app, "missing"));
        await Assert.ThrowsAsync<RealtimeKitNotFoundException>(() => client.Livestreams.StartLivestreamAsync(account, app, Guid.NewGuid(), new StartLivestreamRequest()));
        await Assert.ThrowsAsync<RealtimeKitNotFoundException>(() => client.Livestreams.ListSessionLivestreamSessionsAsync(account, app, "missing"));
        await SendAsync(http, "POST", $"{kit}/meetings/{meeting}/livestreams", "{\"video_config\":{\"width\":\"wide\"}}", token);

        await client.ActiveSession.MuteParticipantsAsync(account, app, meeting, new MuteParticipantsRequest { CustomParticipantIds = ["bea"] });
        await client.ActiveSession.MuteParticipantsAsync(account, app, meeting, new MuteParticipantsRequest { ParticipantIds = ["nobody"] });
        await client.ActiveSession.MuteAllParticipantsAsync(account, app, meeting, new MuteAllParticipantsRequest { AllowUnmute = false });
        await client.ActiveSession.CreatePollAsync(account, app, meeting, new CreatePollRequest { Question = "q", Options = ["a", "b"], Anonymous = true });
        await client.ActiveSession.KickParticipantsAsync(account, app, meeting, new KickParticipantsRequest { ParticipantIds = [peers[0]] });
        await Assert.ThrowsAsync<RealtimeKitNotFoundException>(() => client.ActiveSession.KickParticipantsAsync(account, app, meeting, new KickParticipantsRequest { ParticipantIds = [peers[0]] }));
        await client.ActiveSession.KickAllParticipantsAsync(account, app, meeting);
        await client.ActiveSession.KickAllParticipantsAsync(account, app, meeting);
        await Assert.ThrowsAsync<RealtimeKitNotFoundException>(() => client.ActiveSession.KickAllParticipantsAsync(account, app, Guid.NewGuid()));
        await SendAsync(http, "POST", $"{kit}/meetings/{meeting}/active-session/poll", "{\"question\":\"q\"}", token);
        await SendAsync(http, "POST", $"{kit}/meetings/{meeting}/active-session/mute-all", "{}", token);

        await client.Recordings.StartTrackRecordingAsync(account, app, new StartTrackRecordingRequest
        {
            MeetingId = meeting,
            Layers = new Dictionary<string, TrackRecordingLayer> { ["default"] = new() { FileNamePrefix = "tracks", MediaKind = TrackMediaKind.Audio } },
        });
        await Assert.ThrowsAsync<RealtimeKitNotFoundException>(() => client.Recordings.StartTrackRecordingAsync(account, app, new StartTrackRecordingRequest { MeetingId = Guid.NewGuid() }));
        await client.Sessions.GetPeerReportAsync(account, app, peers[0], includePeerEvents: true);
        await client.Sessions.GetPeerReportAsync(account, app, peers[1], filters: PeerReportFilter.Events);
        await Assert.ThrowsAsync<RealtimeKitNotFoundException>(() => client.Sessions.GetPeerReportAsync(account, app, "missing"));
        await client.Analytics.GetDaywiseAnalyticsAsync(account, app);
        await client.Analytics.GetDaywiseAnalyticsAsync(account, app, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)), DateOnly.FromDateTime(DateTime.UtcNow.AddDays(1)));
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
