using Microsoft.Extensions.DependencyInjection;
using RealtimeKit.Generated.Testing;
using RealtimeKit.Generated.Tests.Infrastructure;

namespace RealtimeKit.Generated.Tests;

/// <summary>Sessions served from seeded state, recordings through their statuses, and a simulated meeting delivered end to end.</summary>
public sealed class SandboxSessionTests : IAsyncDisposable
{
    private const string Account = "acc";
    private const string App = "app";
    private static readonly DateTimeOffset _start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly SandboxClient _fixture = new(new RealtimeKitSandboxOptions { DeliveryRetryDelay = TimeSpan.FromMilliseconds(10) });

    private RealtimeKitSandbox Sandbox => _fixture.Sandbox;

    private IRealtimeKitClient Client => _fixture.Client;

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task A_seeded_session_is_served_with_its_participants_chat_and_transcript()
    {
        var meeting = (await Client.Meetings.CreateMeetingAsync(Account, App, new CreateMeetingRequest { Title = "Standup" })).Data!.Id;
        var id = Sandbox.AddSession(Account, App, meeting, _start, _start.AddMinutes(15),
        [
            new("ana", "Ana", "group_call_host", _start, _start.AddMinutes(15)),
            new("bo", "Bo", "group_call_participant", _start.AddMinutes(5)),
        ]);

        var session = (await Client.Sessions.GetSessionAsync(Account, App, id)).Data!;
        Assert.Equal(SessionStatus.Ended, session.Status);
        Assert.Equal(meeting.ToString(), session.AssociatedId);
        Assert.Equal("Standup", session.MeetingDisplayName);
        Assert.Equal(2, session.MaxConcurrentParticipants);
        Assert.Equal(25, session.MinutesConsumed);
        Assert.Equal(id, Assert.Single((await Client.Sessions.ListSessionsAsync(Account, App)).Data!.Sessions!).Id);

        var participants = (await Client.Sessions.ListSessionParticipantsAsync(Account, App, id)).Data!.Participants!;
        Assert.Equal(["ana", "bo"], participants.Select(p => p.CustomParticipantId));
        Assert.Equal("Bo", (await Client.Sessions.GetSessionParticipantAsync(Account, App, id, participants.Last().Id!)).Data!.Participant!.DisplayName);

        Assert.NotNull((await Client.Sessions.GetSessionTranscriptAsync(Account, App, id)).Data!.TranscriptDownloadUrl);
        Assert.NotNull((await Client.Sessions.GetSessionChatAsync(Account, App, id)).Data!.ChatDownloadUrl);
        await Assert.ThrowsAsync<RealtimeKitNotFoundException>(() => Client.Sessions.GetSessionSummaryAsync(Account, App, id));
        await Client.Sessions.GenerateSessionSummaryAsync(Account, App, id);
        Assert.Equal(id, (await Client.Sessions.GetSessionSummaryAsync(Account, App, id)).Data!.SessionId);

        await Assert.ThrowsAsync<RealtimeKitNotFoundException>(() => Client.ActiveSession.GetActiveSessionAsync(Account, App, meeting));
        await Assert.ThrowsAsync<RealtimeKitNotFoundException>(() => Client.Sessions.GetSessionAsync(Account, "other", id));
    }

    [Fact]
    public async Task A_live_session_is_the_meetings_active_session()
    {
        var meeting = Guid.NewGuid();
        var id = Sandbox.AddSession(Account, App, meeting, _start, participants: [new("ana", "Ana", "host", _start)]);

        var active = (await Client.ActiveSession.GetActiveSessionAsync(Account, App, meeting)).Data!;
        Assert.Equal(id, active.Id);
        Assert.Equal(SessionStatus.Live, active.Status);
        Assert.Equal(1, active.LiveParticipants);
    }

    [Fact]
    public async Task A_recording_moves_from_RECORDING_through_PAUSED_to_UPLOADED()
    {
        var meeting = (await Client.Meetings.CreateMeetingAsync(Account, App, new CreateMeetingRequest())).Data!.Id;
        var started = (await Client.Recordings.StartRecordingAsync(Account, App, new StartRecordingRequest { MeetingId = meeting })).Data!;
        Assert.Equal(RecordingStatus.Recording, started.Status);
        Assert.Null(started.DownloadUrl);
        var id = started.Id.ToString();
        Assert.Equal(started.Id, (await Client.Recordings.GetActiveRecordingAsync(Account, App, meeting.ToString())).Data.Id);

        Assert.Equal(RecordingStatus.Paused, (await Client.Recordings.ControlRecordingAsync(Account, App, id, new ControlRecordingRequest { Action = RecordingAction.Pause })).Data!.Status);
        Assert.Equal(RecordingStatus.Recording, (await Client.Recordings.ControlRecordingAsync(Account, App, id, new ControlRecordingRequest { Action = RecordingAction.Resume })).Data!.Status);
        var stopped = (await Client.Recordings.ControlRecordingAsync(Account, App, id, new ControlRecordingRequest { Action = RecordingAction.Stop })).Data!;
        Assert.Equal(RecordingStatus.Uploaded, stopped.Status);
        Assert.NotNull(stopped.DownloadUrl);
        Assert.Equal(RecordingStatus.Uploaded, (await Client.Recordings.GetRecordingAsync(Account, App, id)).Data!.Status);
        await Assert.ThrowsAsync<RealtimeKitNotFoundException>(() => Client.Recordings.GetActiveRecordingAsync(Account, App, meeting.ToString()));
        await Assert.ThrowsAsync<RealtimeKitApiException>(() => Client.Recordings.ControlRecordingAsync(Account, App, id, new ControlRecordingRequest { Action = RecordingAction.Stop }));

        var listed = Assert.Single((await Client.Recordings.ListRecordingsAsync(Account, App)).Data);
        Assert.Equal(meeting, listed.Meeting!.Id);
        await Assert.ThrowsAsync<RealtimeKitNotFoundException>(() => Client.Recordings.StartRecordingAsync(Account, App, new StartRecordingRequest { MeetingId = Guid.NewGuid() }));
    }

    [Fact]
    public async Task A_simulated_meeting_is_recorded_and_every_event_is_delivered_signed_and_typed()
    {
        await using var receiver = await Receiver.StartAsync(o => o.PublicKeyUrl = Sandbox.PublicKeyUrl);
        Sandbox.AddWebhook(Account, App, "receiver", receiver.Url, WebhookEvent.KnownValues);
        var meeting = (await Client.Meetings.CreateMeetingAsync(Account, App, new CreateMeetingRequest { Title = "Weekly sync" })).Data!.Id;

        var simulation = await Sandbox.SimulateMeetingAsync(Account, App, meeting,
        [
            new("ana", "Ana", "group_call_host", _start, _start.AddMinutes(30)),
            new("bo", "Bo", "group_call_participant", _start.AddMinutes(2), _start.AddMinutes(20)),
        ]);

        Assert.Equal(
            ["meeting.started", "meeting.participantJoined", "meeting.participantJoined", "meeting.participantLeft", "meeting.participantLeft", "meeting.ended", "recording.statusUpdate", "meeting.transcript", "meeting.summary"],
            simulation.Events);
        Assert.All(simulation.Deliveries, d => Assert.True(d.Delivered, d.Error));
        var received = receiver.Received.Select(d => d.Event).ToList();
        Assert.Equal(simulation.Events, received.Select(e => e.Event.ToString()));
        Assert.IsType<MeetingStartedEvent>(received[0]);
        var joined = Assert.IsType<MeetingParticipantJoinedEvent>(received[1]);
        Assert.Equal("ana", joined.Participant!.CustomParticipantId);
        Assert.Equal(meeting.ToString(), joined.Meeting!.Id);
        Assert.Equal(simulation.SessionId, joined.Meeting.SessionId);
        Assert.IsType<MeetingParticipantLeftEvent>(received[3]);
        Assert.Equal(MeetingEndReason.AllParticipantsLeft, Assert.IsType<MeetingEndedEvent>(received[5]).Reason);
        var recording = Assert.IsType<RecordingStatusUpdateEvent>(received[6]);
        Assert.Equal(simulation.RecordingId.ToString(), recording.Recording!.Id);
        Assert.IsType<MeetingTranscriptEvent>(received[7]);
        Assert.IsType<MeetingSummaryEvent>(received[8]);

        var session = (await Client.Sessions.GetSessionAsync(Account, App, simulation.SessionId)).Data!;
        Assert.Equal(SessionStatus.Ended, session.Status);
        Assert.Equal(48, session.MinutesConsumed);
        Assert.Equal(2, (await Client.Sessions.ListSessionParticipantsAsync(Account, App, simulation.SessionId)).Data!.Participants!.Count);
        Assert.Equal(RecordingStatus.Uploaded, (await Client.Recordings.GetRecordingAsync(Account, App, simulation.RecordingId.ToString())).Data!.Status);
        Assert.NotNull((await Client.Sessions.GetSessionSummaryAsync(Account, App, simulation.SessionId)).Data!.SummaryDownloadUrl);
        await Assert.ThrowsAsync<ArgumentException>(() => Sandbox.SimulateMeetingAsync(Account, App, Guid.NewGuid()));
    }
}
