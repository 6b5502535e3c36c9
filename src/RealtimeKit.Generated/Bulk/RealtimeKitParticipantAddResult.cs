namespace RealtimeKit.Generated;

/// <summary>What became of one participant of <see cref="RealtimeKitParticipantsExtensions.AddParticipantsAsync"/>: added (with its token), or the typed exception that says why not.</summary>
public sealed class RealtimeKitParticipantAddResult
{
    internal RealtimeKitParticipantAddResult(int index, AddParticipantRequest request, MeetingParticipantWithToken? participant, Exception? error, bool recovered)
    {
        Index = index;
        Request = request;
        Participant = participant;
        Error = error;
        Recovered = recovered;
    }

    /// <summary>The request's position in the sequence given, from 0.</summary>
    public int Index { get; }

    /// <summary>The request as given.</summary>
    public AddParticipantRequest Request { get; }

    /// <summary>The participant the meeting has for the request, with the token its front end joins with; null when it was not added.</summary>
    public MeetingParticipantWithToken? Participant { get; }

    /// <summary>Why the participant was not added: the exception of its last attempt (a <see cref="RealtimeKitValidationException"/>, a <see cref="RealtimeKitApiException"/>, a <see cref="TimeoutException"/>, …); null when it was.</summary>
    public Exception? Error { get; }

    /// <summary>Whether the participant was added.</summary>
    public bool Succeeded => Participant is not null;

    /// <summary>
    /// Whether the answer to the add was lost and the participant was found in the meeting
    /// afterwards (by its <c>custom_participant_id</c>) instead of being added again; its token is
    /// then a refreshed one.
    /// </summary>
    public bool Recovered { get; }
}
