using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json.Linq;
using RealtimeKit.Generated.Testing;
using RealtimeKit.Generated.Tests.Infrastructure;

namespace RealtimeKit.Generated.Tests;

/// <summary>
/// A meeting's session held live on request (RealtimeKitSandbox's live-session methods and the
/// sandbox's own /__sandbox/live-sessions routes): the active-session operations act on it, each
/// step's events are delivered signed, and it ends on request.
/// </summary>
public sealed class SandboxLiveSessionTests : IAsyncDisposable
{
    private const string Account = "acc";
    private const string App = "app";
    private readonly SandboxClient _fixture = new();

    private RealtimeKitSandbox Sandbox => _fixture.Sandbox;

    private IRealtimeKitClient Client => _fixture.Client;

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();

    private async Task<Guid> MeetingAsync(bool summarizeOnEnd = false) =>
        (await Client.Meetings.CreateMeetingAsync(Account, App, new CreateMeetingRequest { Title = "Standup", SummarizeOnEnd = summarizeOnEnd })).Data!.Id;

    [Fact]
    public async Task A_live_session_is_the_meetings_active_session_until_it_ends_and_every_step_is_delivered_signed()
    {
        await using var receiver = await Receiver.StartAsync(o => o.PublicKeyUrl = Sandbox.PublicKeyUrl);
        Sandbox.AddWebhook(Account, App, "receiver", receiver.Url, WebhookEvent.KnownValues);
        var meeting = await MeetingAsync(summarizeOnEnd: true);

        var started = await Sandbox.StartLiveSessionAsync(Account, App, meeting, [new("ana", "Ana", "group_call_host"), new("bo", "Bo")]);
        Assert.Equal(["meeting.started", "meeting.participantJoined", "meeting.participantJoined"], started.Events);
        Assert.Equal(2, started.PeerIds.Count);
        var active = (await Client.ActiveSession.GetActiveSessionAsync(Account, App, meeting)).Data!;
        Assert.Equal(started.SessionId, active.Id);
        Assert.Equal(SessionStatus.Live, active.Status);
        Assert.Equal(2, active.LiveParticipants);

        var joined = await Sandbox.JoinLiveSessionAsync(Account, App, meeting, new("cy", "Cy"));
        Assert.Equal(started.SessionId, joined.SessionId);
        Assert.Equal(3, (await Client.ActiveSession.GetActiveSessionAsync(Account, App, meeting)).Data!.LiveParticipants);
        var left = await Sandbox.LeaveLiveSessionAsync(Account, App, meeting, started.PeerIds[1]);
        Assert.Equal(["meeting.participantLeft"], left.Events);
        Assert.Equal([started.PeerIds[1]], left.PeerIds);

        var muted = (await Client.ActiveSession.MuteParticipantsAsync(Account, App, meeting, new MuteParticipantsRequest { CustomParticipantIds = ["cy"] })).Data!;
        Assert.Equal(joined.PeerIds[0], Assert.Single(muted.Participants!).Id);
        Assert.Equal(2, (await Client.ActiveSession.MuteAllParticipantsAsync(Account, App, meeting, new MuteAllParticipantsRequest { AllowUnmute = true })).Data!.MutedParticipantsCount);
        var poll = (await Client.ActiveSession.CreatePollAsync(Account, App, meeting, new CreatePollRequest { Question = "Lunch?", Options = ["yes", "no"] })).Data!.Poll!;
        Assert.Equal("Lunch?", poll.Question);
        var kicked = (await Client.ActiveSession.KickParticipantsAsync(Account, App, meeting, new KickParticipantsRequest { ParticipantIds = [joined.PeerIds[0]] })).Data!;
        Assert.Equal("Cy", Assert.Single(kicked.Participants!).Name);
        Assert.Equal(1, (await Client.ActiveSession.GetActiveSessionAsync(Account, App, meeting)).Data!.LiveParticipants);

        var ended = await Sandbox.EndLiveSessionAsync(Account, App, meeting);
        Assert.Equal(["meeting.participantLeft", "meeting.ended"], ended.Events);
        Assert.Equal([started.PeerIds[0]], ended.PeerIds);
        await Assert.ThrowsAsync<RealtimeKitNotFoundException>(() => Client.ActiveSession.GetActiveSessionAsync(Account, App, meeting));
        var session = (await Client.Sessions.GetSessionAsync(Account, App, started.SessionId)).Data!;
        Assert.Equal(SessionStatus.Ended, session.Status);
        Assert.Equal(3, (await Client.Sessions.ListSessionParticipantsAsync(Account, App, started.SessionId)).Data!.Participants!.Count);
        Assert.NotNull((await Client.Sessions.GetSessionSummaryAsync(Account, App, started.SessionId)).Data!.SummaryDownloadUrl);
        Assert.Equal(0, (await Client.ActiveSession.KickAllParticipantsAsync(Account, App, meeting)).Data!.KickedParticipantsCount);

        var all = started.Deliveries.Concat(joined.Deliveries).Concat(left.Deliveries).Concat(ended.Deliveries).ToList();
        Assert.Equal(7, all.Count);
        Assert.All(all, d => Assert.True(d.Delivered, d.Error));
        var received = receiver.Received.Select(d => d.Event).ToList();
        Assert.Equal(started.Events.Concat(joined.Events).Concat(left.Events).Concat(ended.Events), received.Select(e => e.Event.ToString()));
        var bo = Assert.IsType<MeetingParticipantLeftEvent>(received[4]);
        Assert.Equal("bo", bo.Participant!.CustomParticipantId);
        Assert.Equal(started.PeerIds[1], bo.Participant.PeerId);
        Assert.NotNull(bo.Participant.LeftAt);
        var end = Assert.IsType<MeetingEndedEvent>(received[6]);
        Assert.Equal(MeetingEndReason.HostEndedMeeting, end.Reason);
        Assert.Equal(started.SessionId, end.Meeting!.SessionId);
        Assert.Equal(meeting.ToString(), end.Meeting.Id);
        Assert.Equal("Ana", end.Meeting.OrganizedBy!.Name);
        Assert.Equal(((MeetingStartedEvent)received[0]).Meeting!.OrganizedBy!.Id, end.Meeting.OrganizedBy.Id);
    }

    [Fact]
    public async Task A_step_that_does_not_fit_the_state_is_refused_and_changes_nothing()
    {
        var meeting = await MeetingAsync();

        await Assert.ThrowsAsync<KeyNotFoundException>(() => Sandbox.StartLiveSessionAsync(Account, App, Guid.NewGuid()));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Sandbox.JoinLiveSessionAsync(Account, App, meeting, new("x", "X")));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Sandbox.EndLiveSessionAsync(Account, App, meeting));
        var started = await Sandbox.StartLiveSessionAsync(Account, App, meeting);
        Assert.Equal(["meeting.started"], started.Events);
        Assert.Empty(started.Deliveries);
        await Assert.ThrowsAsync<InvalidOperationException>(() => Sandbox.StartLiveSessionAsync(Account, App, meeting));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => Sandbox.LeaveLiveSessionAsync(Account, App, meeting, "nobody"));

        Assert.Single((await Client.Sessions.ListSessionsAsync(Account, App)).Data!.Sessions!);
        Assert.Equal(["meeting.ended"], (await Sandbox.EndLiveSessionAsync(Account, App, meeting)).Events);
    }

    [Fact]
    public async Task The_live_session_routes_hold_a_meeting_live_over_http()
    {
        var meeting = await MeetingAsync();
        var body = new JObject { ["accountId"] = Account, ["appId"] = App, ["meetingId"] = meeting.ToString() };

        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync("live-sessions", body, token: "wrong")).Status);
        var start = (JObject)body.DeepClone();
        start["participants"] = new JArray(new JObject { ["customParticipantId"] = "ana", ["displayName"] = "Ana" });
        var (status, answer) = await PostAsync("live-sessions", start);
        Assert.Equal(HttpStatusCode.OK, status);
        var sessionId = (string)answer["data"]!["sessionId"]!;
        Assert.Equal(new JArray("meeting.started", "meeting.participantJoined"), answer["data"]!["events"]);
        Assert.Equal(sessionId, (await Client.ActiveSession.GetActiveSessionAsync(Account, App, meeting)).Data!.Id);
        AssertError(await PostAsync("live-sessions", body), 409, "CONFLICT ");

        var join = (JObject)body.DeepClone();
        join["customParticipantId"] = "bo";
        join["displayName"] = "Bo";
        var joined = await PostAsync("live-sessions/join", join);
        Assert.Equal(HttpStatusCode.OK, joined.Status);
        var leave = (JObject)body.DeepClone();
        leave["peerId"] = joined.Body["data"]!["peerIds"]![0];
        Assert.Equal(new JArray("meeting.participantLeft"), (await PostAsync("live-sessions/leave", leave)).Body["data"]!["events"]);
        AssertError(await PostAsync("live-sessions/leave", leave), 404, "NOT_FOUND ");
        AssertError(await PostAsync("live-sessions/join", body), 400, "BAD_REQUEST \"customParticipantId\" and \"displayName\" are required");

        var ended = await PostAsync("live-sessions/end", body);
        Assert.Equal(HttpStatusCode.OK, ended.Status);
        Assert.Equal(sessionId, (string)ended.Body["data"]!["sessionId"]!);
        AssertError(await PostAsync("live-sessions/end", body), 409, "CONFLICT ");
        body["meetingId"] = Guid.NewGuid().ToString();
        AssertError(await PostAsync("live-sessions", body), 404, "NOT_FOUND ");
        body["meetingId"] = "not-a-uuid";
        AssertError(await PostAsync("live-sessions", body), 400, "BAD_REQUEST ");
    }

    private static void AssertError((HttpStatusCode Status, JObject Body) answer, int status, string messageStart)
    {
        Assert.Equal(status, (int)answer.Status);
        Assert.False((bool)answer.Body["success"]!);
        Assert.Equal(status, (int)answer.Body["error"]!["code"]!);
        Assert.StartsWith(messageStart, (string)answer.Body["error"]!["message"]!, StringComparison.Ordinal);
    }

    private async Task<(HttpStatusCode Status, JObject Body)> PostAsync(string route, JObject body, string? token = null)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"http://127.0.0.1:{Sandbox.Port}/__sandbox/{route}"))
        {
            Content = new StringContent(body.ToString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? Sandbox.ApiToken);
        using var response = await http.SendAsync(request);
        return (response.StatusCode, JObject.Parse(await response.Content.ReadAsStringAsync()));
    }
}
