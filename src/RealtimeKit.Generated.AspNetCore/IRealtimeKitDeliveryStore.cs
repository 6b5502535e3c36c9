namespace RealtimeKit.Generated.AspNetCore;

/// <summary>
/// Remembers which deliveries (by <c>rtk-uuid</c>) were handled, so that a delivery RealtimeKit
/// sends again is handled once. Register your own (e.g. over Redis or a database) for more than
/// one instance; <see cref="InMemoryRealtimeKitDeliveryStore"/> is the default.
/// </summary>
public interface IRealtimeKitDeliveryStore
{
    /// <summary>Claims a delivery; false when it was handled already or is being handled now.</summary>
    /// <param name="deliveryId">The <c>rtk-uuid</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    ValueTask<bool> TryBeginAsync(string deliveryId, CancellationToken cancellationToken);

    /// <summary>Marks a claimed delivery as handled: later copies are dropped.</summary>
    /// <param name="deliveryId">The <c>rtk-uuid</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    ValueTask CompleteAsync(string deliveryId, CancellationToken cancellationToken);

    /// <summary>Releases a claimed delivery whose handler failed, so that RealtimeKit's retry is handled.</summary>
    /// <param name="deliveryId">The <c>rtk-uuid</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    ValueTask AbandonAsync(string deliveryId, CancellationToken cancellationToken);
}
