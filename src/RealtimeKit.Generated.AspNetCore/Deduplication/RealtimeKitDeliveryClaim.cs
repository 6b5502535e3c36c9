namespace RealtimeKit.Generated.AspNetCore;

/// <summary>What <see cref="IRealtimeKitDeliveryStore.TryClaimAsync"/> found for a delivery id.</summary>
public enum RealtimeKitDeliveryClaimStatus
{
    /// <summary>The caller now holds the delivery: run the handler, then complete or release the claim.</summary>
    Claimed,

    /// <summary>A handler of this delivery returned already, within the retention: the delivery is a duplicate.</summary>
    AlreadyHandled,

    /// <summary>Another attempt holds an unexpired claim (its handler is running, here or on another instance): try again later.</summary>
    InProgress,
}

/// <summary>
/// The answer of <see cref="IRealtimeKitDeliveryStore.TryClaimAsync"/>. When
/// <see cref="Status"/> is <see cref="RealtimeKitDeliveryClaimStatus.Claimed"/>, it is the
/// caller's claim: pass it to <see cref="IRealtimeKitDeliveryStore.CompleteAsync"/> or
/// <see cref="IRealtimeKitDeliveryStore.ReleaseAsync"/>, which act only while the stored claim
/// still carries its <see cref="Token"/>.
/// </summary>
public sealed class RealtimeKitDeliveryClaim
{
    private RealtimeKitDeliveryClaim(string deliveryId, RealtimeKitDeliveryClaimStatus status, string? token)
    {
        ArgumentException.ThrowIfNullOrEmpty(deliveryId);
        DeliveryId = deliveryId;
        Status = status;
        Token = token;
    }

    /// <summary>The delivery's id (<c>rtk-uuid</c>).</summary>
    public string DeliveryId { get; }

    /// <summary>What the store found.</summary>
    public RealtimeKitDeliveryClaimStatus Status { get; }

    /// <summary>
    /// Identifies this claim among every claim of the same delivery (a new value per claim); set
    /// only when <see cref="Status"/> is <see cref="RealtimeKitDeliveryClaimStatus.Claimed"/>.
    /// </summary>
    public string? Token { get; }

    /// <summary>A claim the caller now holds.</summary>
    /// <param name="deliveryId">The delivery's id.</param>
    /// <param name="token">The claim's token, unique among the claims of this delivery.</param>
    public static RealtimeKitDeliveryClaim Claimed(string deliveryId, string token)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        return new(deliveryId, RealtimeKitDeliveryClaimStatus.Claimed, token);
    }

    /// <summary>The answer for a delivery whose handler returned already.</summary>
    /// <param name="deliveryId">The delivery's id.</param>
    public static RealtimeKitDeliveryClaim AlreadyHandled(string deliveryId) => new(deliveryId, RealtimeKitDeliveryClaimStatus.AlreadyHandled, null);

    /// <summary>The answer for a delivery another attempt holds an unexpired claim on.</summary>
    /// <param name="deliveryId">The delivery's id.</param>
    public static RealtimeKitDeliveryClaim InProgress(string deliveryId) => new(deliveryId, RealtimeKitDeliveryClaimStatus.InProgress, null);
}
