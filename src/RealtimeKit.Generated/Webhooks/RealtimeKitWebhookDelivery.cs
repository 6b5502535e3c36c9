namespace RealtimeKit.Generated;

/// <summary>A delivery whose signature was verified, read as the type of its event.</summary>
/// <param name="Event">The event: <see cref="MeetingStartedEvent"/>, …, or <see cref="UnknownWebhookEvent"/>.</param>
/// <param name="DeliveryId">The <c>rtk-uuid</c> header: the delivery's id, the same on every retry of it; use it to drop duplicates.</param>
/// <param name="WebhookId">The <c>rtk-webhook-id</c> header: the webhook configuration that fired.</param>
public sealed record RealtimeKitWebhookDelivery(RealtimeKitWebhookEvent Event, string? DeliveryId, string? WebhookId);
