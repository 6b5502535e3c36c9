using Microsoft.Extensions.Options;
using RealtimeKit.Generated;

namespace MeetingService;

/// <summary>Which RealtimeKit app the service's meetings belong to.</summary>
public sealed class MeetingServiceOptions
{
    public string AccountId { get; set; } = "";

    public string AppId { get; set; } = "";
}

/// <summary>What a caller asks for: a meeting and the people who may join it.</summary>
public sealed record NewMeeting(string Title, IReadOnlyList<Attendee> Attendees);

/// <summary>One person: the caller's own id for them (custom_participant_id), their name and role (a preset).</summary>
public sealed record Attendee(string Id, string Name, string Preset);

/// <summary>The meeting, and for each attendee the token their client joins with (or why they could not be added).</summary>
public sealed record MeetingCreated(Guid MeetingId, IReadOnlyList<AttendeeJoin> Attendees);

public sealed record AttendeeJoin(string Id, string? Token, string? Error);

internal static class MeetingEndpoints
{
    public static async Task<IResult> CreateAsync(NewMeeting request, IMeetingsClient meetings, IOptions<MeetingServiceOptions> options, CancellationToken cancellationToken)
    {
        var (account, app) = (options.Value.AccountId, options.Value.AppId);
        var meeting = await meetings.CreateMeetingAsync(account, app, new CreateMeetingRequest { Title = request.Title }, cancellationToken);
        var meetingId = meeting.Data!.Id;

        // Added in bulk: a few at a time under the rate budget, each exactly once (a lost answer is looked up, not re-sent).
        var joins = new AttendeeJoin[request.Attendees.Count];
        var participants = request.Attendees.Select(a => new AddParticipantRequest { CustomParticipantId = a.Id, Name = a.Name, PresetName = a.Preset });
        await foreach (var added in meetings.AddParticipantsAsync(account, app, meetingId, participants, cancellationToken: cancellationToken))
        {
            joins[added.Index] = new AttendeeJoin(added.Request.CustomParticipantId, added.Participant?.Token, added.Error?.Message);
        }

        return Results.Created($"/meetings/{meetingId}", new MeetingCreated(meetingId, joins));
    }
}
