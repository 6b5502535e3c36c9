using Microsoft.Extensions.DependencyInjection;
using RealtimeKit.Generated.Testing;

using RealtimeKit.Generated.Tests.Infrastructure;

namespace RealtimeKit.Generated.Tests;

/// <summary>
/// Livestreams, the live session's participants, polls, track recordings, peer reports and
/// analytics answer from the sandbox's state, not from fixed examples.
/// </summary>
public sealed class SandboxLiveTests : IAsyncDisposable
{
    private const string Account = "acc";
    private const string App = "app";
    private readonly SandboxClient _fixture = new();

    private RealtimeKitSandbox Sandbox => _fixture.Sandbox;

    private IRealtimeKitClient Client => _fixture.Client;

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();

    private async Task<(Guid Meeting, string Session, List<string> Peers)> LiveMeetingAsync()
    {
        var meeting = (await Client.Meetings.CreateMeetingAsync(Account, App, new CreateMeetingRequest { Title = "Weekly sync" })).Data!.Id;
        var start = DateTimeOffset.UtcNow.AddMinutes(-5);
        var session = Sandbox.AddSession(Account, App, meeting, start, participants: [new("ana", "Ana", "host", start), new("bea", "Bea", "guest", start), new("cid", "Cid", "guest", start)]);
        var peers = (await Client.Sessions.ListSessionParticipantsAsync(Account, App, session)).Data!.Participants!.Select(p => p.Id!).ToList();
        return (meeting, session, peers);
    }

    [Fact]
    public async Task A_meetings_livestream_goes_live_with_a_session_and_stops_offline()
    {
        var (meeting, session, _) = await LiveMeetingAsync();

        var started = (await Client.Livestreams.StartLivestreamAsync(Account, App, meeting, new StartLivestreamRequest())).Data!;
        Assert.Equal(LivestreamStatus.Live, started.Status);
        var active = (await Client.Livestreams.GetMeetingActiveLivestreamAsync(Account, App, meeting)).Data!;
        Assert.Equal(started.Id, active.Id);
        Assert.Equal(meeting.ToString("D"), active.MeetingId);
        var running = (await Client.Livestreams.GetActiveLivestreamSessionAsync(Account, App, started.Id!)).Data!.Session!;
        Assert.Equal(started.Id, running.LivestreamId);
        Assert.Equal(running.Id, (await Client.Livestreams.ListSessionLivestreamSessionsAsync(Account, App, session)).Data!.Id);

        await Client.Livestreams.StopLivestreamAsync(Account, App, meeting);

        var stopped = (await Client.Livestreams.GetLivestreamAsync(Account, App, started.Id!)).Data!;
        Assert.Equal(LivestreamStatus.Offline, stopped.Livestream!.Status);
        Assert.NotNull(stopped.Session!.StoppedTime);
        await Assert.ThrowsAsync<RealtimeKitNotFoundException>(() => Client.Livestreams.GetMeetingActiveLivestreamAsync(Account, App, meeting));
        var analytics = (await Client.Livestreams.GetLivestreamAnalyticsAsync(Account, App)).Data!;
        Assert.Equal(1, analytics.Count);
    }

    [Fact]
    public async Task A_standalone_livestream_is_created_idle_and_listed_with_paging()
    {
        var (meeting, _, _) = await LiveMeetingAsync();
        await Client.Livestreams.StartLivestreamAsync(Account, App, meeting, new StartLivestreamRequest());
        var created = (await Client.Livestreams.CreateLivestreamAsync(Account, App, new CreateLivestreamRequest())).Data!;
        Assert.Equal(LivestreamStatus.Idle, created.Status);
        Assert.Null(created.MeetingId);

        var listed = (await Client.Livestreams.ListLivestreamsAsync(Account, App, excludeMeetings: true)).Data!;
        Assert.Equal(created.Id, listed.Id);
        Assert.Equal(1, listed.Paging!.TotalCount);
        Assert.Equal(2, (await Client.Livestreams.ListLivestreamsAsync(Account, App)).Data!.Paging!.TotalCount);
    }

    [Fact]
    public async Task Kick_and_mute_act_on_the_live_sessions_participants()
    {
        var (meeting, session, peers) = await LiveMeetingAsync();

        var muted = (await Client.ActiveSession.MuteParticipantsAsync(Account, App, meeting, new MuteParticipantsRequest { CustomParticipantIds = ["bea"] })).Data!;
        Assert.Equal(peers[1], Assert.Single(muted.Participants!).Id);
        var kicked = (await Client.ActiveSession.KickParticipantsAsync(Account, App, meeting, new KickParticipantsRequest { ParticipantIds = [peers[0]] })).Data!;
        Assert.Equal("Ana", Assert.Single(kicked.Participants!).Name);
        Assert.NotNull((await Client.Sessions.GetSessionParticipantAsync(Account, App, session, peers[0])).Data!.Participant!.LeftAt);
        await Assert.ThrowsAsync<RealtimeKitNotFoundException>(() => Client.ActiveSession.KickParticipantsAsync(Account, App, meeting, new KickParticipantsRequest { ParticipantIds = [peers[0]] }));

        Assert.Equal(2, (await Client.ActiveSession.MuteAllParticipantsAsync(Account, App, meeting, new MuteAllParticipantsRequest { AllowUnmute = true })).Data!.MutedParticipantsCount);
        Assert.Equal(2, (await Client.ActiveSession.KickAllParticipantsAsync(Account, App, meeting)).Data!.KickedParticipantsCount);
        Assert.Equal(0, (await Client.Sessions.GetSessionAsync(Account, App, session)).Data!.LiveParticipants);
    }

    [Fact]
    public async Task A_poll_answers_what_was_asked()
    {
        var (meeting, _, _) = await LiveMeetingAsync();

        var poll = (await Client.ActiveSession.CreatePollAsync(Account, App, meeting, new CreatePollRequest { Question = "Ship?", Options = ["Yes", "No"], HideVotes = true })).Data!.Poll!;

        Assert.Equal("Ship?", poll.Question);
        Assert.Equal(["Yes", "No"], poll.Options.Select(o => o.Text));
        Assert.All(poll.Options, o => Assert.Equal(0, o.Count));
        Assert.True(poll.HideVotes);
    }

    [Fact]
    public async Task A_track_recording_is_a_recording_and_a_peer_report_is_the_peers()
    {
        var (meeting, session, peers) = await LiveMeetingAsync();

        var track = (await Client.Recordings.StartTrackRecordingAsync(Account, App, new StartTrackRecordingRequest { MeetingId = meeting })).Data!.Recording!;
        Assert.Equal(track.Id, (await Client.Recordings.GetRecordingAsync(Account, App, track.Id.ToString())).Data!.Id);

        var report = (await Client.Sessions.GetPeerReportAsync(Account, App, peers[2], includePeerEvents: true)).Data!.Participant!;
        Assert.Equal("cid", report.CustomParticipantId);
        Assert.Equal("guest", report.Role);
        Assert.Equal(session, report.SessionId);
        Assert.Equal(PeerEventName.PeerJoining, Assert.Single(report.PeerEvents!).EventName);
    }

    [Fact]
    public async Task Daywise_analytics_count_the_sessions_and_recordings_held()
    {
        var (meeting, _, _) = await LiveMeetingAsync();
        var recording = (await Client.Recordings.StartRecordingAsync(Account, App, new StartRecordingRequest { MeetingId = meeting })).Data!.Id.ToString();
        await Client.Recordings.ControlRecordingAsync(Account, App, recording, new ControlRecordingRequest { Action = RecordingAction.Stop });
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var stats = (await Client.Analytics.GetDaywiseAnalyticsAsync(Account, App, today.AddDays(-1), today)).Data!;

        Assert.Equal(1, stats.SessionStats!.SessionsCount);
        Assert.Equal(1, stats.RecordingStats!.RecordingCount);
        Assert.Equal(0, (await Client.Analytics.GetDaywiseAnalyticsAsync(Account, App, today.AddDays(-10), today.AddDays(-5))).Data!.SessionStats!.SessionsCount);
    }
}
