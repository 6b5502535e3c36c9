namespace RealtimeKit.Generated.Testing;

/// <summary>What happened to one delivery of an event to one webhook.</summary>
/// <param name="WebhookId">The webhook delivered to.</param>
/// <param name="Url">Its URL.</param>
/// <param name="DeliveryId">The <c>rtk-uuid</c> sent, the same on every attempt.</param>
/// <param name="StatusCode">The status of the last attempt; null when no answer came (a network failure).</param>
/// <param name="Attempts">How many times it was sent: 5xx answers and network failures are retried, like the real service does.</param>
/// <param name="Error">Why the last attempt failed, or null.</param>
public sealed record RealtimeKitSandboxDelivery(Guid WebhookId, Uri Url, string DeliveryId, int? StatusCode, int Attempts, string? Error)
{
    /// <summary>Whether the receiver answered 2xx.</summary>
    public bool Delivered => StatusCode is >= 200 and < 300;
}
