using System.Collections.Concurrent;
using RealtimeKit.Generated;

namespace MeetingService;

/// <summary>What the webhooks told the service, by meeting (a real service would write to its database).</summary>
public sealed class MeetingEvents
{
    private readonly ConcurrentDictionary<Guid, ConcurrentQueue<string>> _events = new();

    public void Record(RealtimeKitWebhookDelivery delivery)
    {
        var meetingId = delivery.Event switch
        {
            MeetingStartedEvent started => started.Meeting?.Id,
            MeetingEndedEvent ended => ended.Meeting?.Id,
            _ => null,
        };
        if (Guid.TryParse(meetingId, out var id))
        {
            _events.GetOrAdd(id, _ => new()).Enqueue($"{delivery.Event.Event}");
        }
    }

    public IReadOnlyList<string> Of(Guid meetingId) => _events.TryGetValue(meetingId, out var events) ? [.. events] : [];
}
