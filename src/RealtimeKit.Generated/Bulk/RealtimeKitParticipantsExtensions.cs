using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Newtonsoft.Json.Linq;

namespace RealtimeKit.Generated;

/// <summary>Adds many participants to a meeting, each exactly once.</summary>
public static class RealtimeKitParticipantsExtensions
{
    /// <summary>The default number of adds in flight at once.</summary>
    public const int DefaultMaxConcurrency = 8;

    /// <summary>
    /// Adds every participant of <paramref name="participants"/> to the meeting, at most
    /// <paramref name="maxConcurrency"/> at a time, each call under the client's rate budget,
    /// and yields one result per request as it completes (not in the order given; see
    /// <see cref="RealtimeKitParticipantAddResult.Index"/>).
    /// </summary>
    /// <remarks>
    /// Adding a participant is not idempotent: the same <c>custom_participant_id</c> added twice
    /// is two participants. So an add whose outcome is unknown — the connection closed after the
    /// request was sent (<see cref="RealtimeKitConnectionException.RequestMayHaveBeenProcessed"/>),
    /// the call timed out, or the service answered 5xx — is never simply sent again: the meeting's
    /// participants are listed first and the request matched by its <c>custom_participant_id</c>.
    /// Found, it is the result (<see cref="RealtimeKitParticipantAddResult.Recovered"/>, with a
    /// refreshed token, since a list carries none); not found, the add is sent again, up to three
    /// attempts in all. Any other failure (a bad request, 401, 404, a rate budget without a
    /// permit in time) is the request's result at once. Give each attendee a
    /// <c>custom_participant_id</c> of its own: the match relies on it. Stopping the enumeration
    /// stops the adds not yet begun.
    /// </remarks>
    /// <param name="meetings">The meetings client (from <c>AddRealtimeKit</c>, so that the rate budget and retries apply).</param>
    /// <param name="accountId">The account.</param>
    /// <param name="appId">The app.</param>
    /// <param name="meetingId">The meeting.</param>
    /// <param name="participants">The participants to add; read once, as the adds proceed.</param>
    /// <param name="maxConcurrency">How many adds may be in flight at once, 1 to 64; default 8.</param>
    /// <param name="cancellationToken">Stops the adds; those in flight end in <see cref="OperationCanceledException"/>.</param>
    public static async IAsyncEnumerable<RealtimeKitParticipantAddResult> AddParticipantsAsync(
        this IMeetingsClient meetings,
        string accountId,
        string appId,
        Guid meetingId,
        IEnumerable<AddParticipantRequest> participants,
        int maxConcurrency = DefaultMaxConcurrency,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(meetings);
        ArgumentNullException.ThrowIfNull(participants);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrency, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxConcurrency, 64);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var results = Channel.CreateBounded<RealtimeKitParticipantAddResult>(new BoundedChannelOptions(maxConcurrency) { SingleReader = true });
        var queue = new Queue(participants);
        var adder = new Adder(meetings, accountId, appId, meetingId);
        var workers = new Task[maxConcurrency];
        for (var i = 0; i < workers.Length; i++)
        {
            workers[i] = Task.Run(
                async () =>
                {
                    while (queue.TryTake(out var index, out var request))
                    {
                        var result = await adder.AddAsync(index, request, stop.Token).ConfigureAwait(false);
                        await results.Writer.WriteAsync(result, stop.Token).ConfigureAwait(false);
                    }
                },
                CancellationToken.None);
        }

        _ = Task.WhenAll(workers).ContinueWith(
            static (all, writer) => ((ChannelWriter<RealtimeKitParticipantAddResult>)writer!).TryComplete(all.Exception?.InnerException),
            results.Writer,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);

        try
        {
            await foreach (var result in results.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return result;
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            try
            {
                await Task.WhenAll(workers).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The adds not yet done when the caller stopped listening.
            }

            queue.Dispose();
        }
    }

    /// <summary>Whether an add that failed with <paramref name="error"/> may still have added the participant.</summary>
    internal static bool OutcomeUnknown(Exception error) => error switch
    {
        RealtimeKitConnectionException connection => connection.RequestMayHaveBeenProcessed,
        RealtimeKitRateBudgetException => false,
        TimeoutException => true,
        RealtimeKitApiException api => api.StatusCode >= 500,
        _ => false,
    };

    /// <summary>The requests, handed out one at a time with their position.</summary>
    private sealed class Queue(IEnumerable<AddParticipantRequest> participants) : IDisposable
    {
        private readonly IEnumerator<AddParticipantRequest> _source = participants.GetEnumerator();
        private readonly Lock _gate = new();
        private int _next;

        public bool TryTake(out int index, out AddParticipantRequest request)
        {
            lock (_gate)
            {
                if (_source.MoveNext())
                {
                    index = _next++;
                    request = _source.Current;
                    return true;
                }
            }

            index = -1;
            request = null!;
            return false;
        }

        public void Dispose()
        {
            lock (_gate)
            {
                _source.Dispose();
            }
        }
    }

    /// <summary>One add, resolved before it is repeated.</summary>
    private sealed class Adder(IMeetingsClient meetings, string accountId, string appId, Guid meetingId)
    {
        private const int MaxAttempts = 3;

        public async Task<RealtimeKitParticipantAddResult> AddAsync(int index, AddParticipantRequest request, CancellationToken cancellationToken)
        {
            Exception? last = null;
            for (var attempt = 1; attempt <= MaxAttempts; attempt++)
            {
                try
                {
                    var answer = await meetings.AddParticipantAsync(accountId, appId, meetingId, request, cancellationToken).ConfigureAwait(false);
                    if (answer.Data is { } added)
                    {
                        return new RealtimeKitParticipantAddResult(index, request, added, null, recovered: false);
                    }

                    last = new RealtimeKitApiException("RealtimeKit API addParticipant answered success without the participant.", 200, null, null, null);
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested && OutcomeUnknown(ex))
                {
                    last = ex;
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                {
                    return new RealtimeKitParticipantAddResult(index, request, null, ex, recovered: false);
                }

                // The outcome is unknown: look before adding again.
                try
                {
                    if (await FindAsync(request.CustomParticipantId, cancellationToken).ConfigureAwait(false) is { } found)
                    {
                        return new RealtimeKitParticipantAddResult(index, request, await WithTokenAsync(found, cancellationToken).ConfigureAwait(false), null, recovered: true);
                    }
                }
                catch (Exception) when (!cancellationToken.IsCancellationRequested)
                {
                    // Unknown whether it was added, and no way to learn it now: not sent again.
                    return new RealtimeKitParticipantAddResult(index, request, null, last, recovered: false);
                }
            }

            return new RealtimeKitParticipantAddResult(index, request, null, last, recovered: false);
        }

        private async Task<MeetingParticipant?> FindAsync(string customParticipantId, CancellationToken cancellationToken)
        {
            await foreach (var participant in meetings.EnumerateParticipantsAsync(accountId, appId, meetingId, perPage: 100, cancellationToken).ConfigureAwait(false))
            {
                if (string.Equals(participant.CustomParticipantId, customParticipantId, StringComparison.Ordinal))
                {
                    return participant;
                }
            }

            return null;
        }

        private async Task<MeetingParticipantWithToken> WithTokenAsync(MeetingParticipant participant, CancellationToken cancellationToken)
        {
            var token = await meetings.RefreshParticipantTokenAsync(accountId, appId, meetingId, participant.Id.ToString("D"), cancellationToken).ConfigureAwait(false);
            var fields = JObject.FromObject(participant, RealtimeKitJson.Serializer);
            fields["token"] = token.Data.Token;
            return fields.ToObject<MeetingParticipantWithToken>(RealtimeKitJson.Serializer)!;
        }
    }
}
