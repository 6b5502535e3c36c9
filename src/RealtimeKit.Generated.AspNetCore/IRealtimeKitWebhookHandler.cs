namespace RealtimeKit.Generated.AspNetCore;

/// <summary>Handles verified deliveries for <c>MapRealtimeKitWebhooks&lt;THandler&gt;</c>; throw to answer 500, so that RealtimeKit retries.</summary>
public interface IRealtimeKitWebhookHandler
{
    /// <summary>Handles one verified delivery.</summary>
    /// <param name="delivery">The delivery, with its typed event.</param>
    /// <param name="cancellationToken">Cancelled when the request is aborted.</param>
    Task HandleAsync(RealtimeKitWebhookDelivery delivery, CancellationToken cancellationToken);
}
