namespace RealtimeKit.Generated.AspNetCore;

/// <summary>
/// Remembers, by <c>rtk-uuid</c>, which deliveries are being handled and which were handled, so
/// that a delivery RealtimeKit sends more than once (retries, or copies arriving at several
/// instances at once) is handled once, and a delivery whose handler did not return is handled
/// by a later retry. <see cref="InMemoryRealtimeKitDeliveryStore"/> serves one process;
/// several instances share one store (e.g. <c>RedisRealtimeKitDeliveryStore</c> from
/// <c>RealtimeKit.Generated.AspNetCore.Redis</c>).
/// </summary>
/// <remarks>
/// <para>
/// The store keeps at most one record per delivery id: none; <b>in progress</b>, owned by one
/// claim (its <see cref="RealtimeKitDeliveryClaim.Token"/>) until its lease ends; or
/// <b>handled</b>, until its retention ends. An expired record counts as none.
/// </para>
/// <para>
/// Each method is atomic with respect to every other call on the same store, from this process
/// or from any other process sharing it: of concurrent <see cref="TryClaimAsync"/> calls for one
/// id, at most one answers <see cref="RealtimeKitDeliveryClaimStatus.Claimed"/>.
/// <see cref="CompleteAsync"/> and <see cref="ReleaseAsync"/> change the record only while it
/// is still the caller's claim, so a claim whose lease ended and that another attempt took over
/// is never overwritten nor deleted by its first owner.
/// </para>
/// <para>
/// <c>MapRealtimeKitWebhooks</c> claims each delivery before calling the handler and answers
/// <c>200 duplicate</c> for <see cref="RealtimeKitDeliveryClaimStatus.AlreadyHandled"/> and
/// <c>503</c> with <c>Retry-After</c> for <see cref="RealtimeKitDeliveryClaimStatus.InProgress"/>
/// (RealtimeKit retries 5xx answers, never a 2xx one). It completes the claim when the handler
/// returned, releases it when the handler threw or the request was aborted before the handler
/// returned, and passes <see cref="CancellationToken.None"/> to both. When a method throws, the
/// endpoint answers <c>503</c> (claim) or logs the failure (complete, release); the record then
/// ends with its lease.
/// </para>
/// </remarks>
public interface IRealtimeKitDeliveryStore
{
    /// <summary>
    /// Claims a delivery, atomically. With no unexpired record for <paramref name="deliveryId"/>:
    /// stores an in-progress record owned by a new token that expires after
    /// <paramref name="lease"/>, and answers <see cref="RealtimeKitDeliveryClaimStatus.Claimed"/>
    /// with that token. With an unexpired handled record: answers
    /// <see cref="RealtimeKitDeliveryClaimStatus.AlreadyHandled"/>. With an unexpired in-progress
    /// record (whoever owns it): answers <see cref="RealtimeKitDeliveryClaimStatus.InProgress"/>.
    /// Only the first case changes anything.
    /// </summary>
    /// <param name="deliveryId">The <c>rtk-uuid</c>.</param>
    /// <param name="lease">How long the claim holds when it is neither completed nor released (its owner crashed): longer than any handler runs. Positive.</param>
    /// <param name="cancellationToken">Cancels the call while no claim is made; a claim once made is answered, so that its owner completes or releases it.</param>
    /// <returns>The claim, or what prevented it.</returns>
    ValueTask<RealtimeKitDeliveryClaim> TryClaimAsync(string deliveryId, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>
    /// Records the claimed delivery as handled, atomically: when the record is still
    /// <paramref name="claim"/>'s in-progress record, or there is none (the lease ended and nobody
    /// claimed the delivery since), it becomes a handled record that expires after
    /// <paramref name="retention"/>, and the answer is true. Otherwise (another claim took the
    /// delivery over after the lease ended, or handled it already) nothing changes and the answer
    /// is false: the delivery may have been handled twice.
    /// </summary>
    /// <param name="claim">A claim with <see cref="RealtimeKitDeliveryClaimStatus.Claimed"/> from this store.</param>
    /// <param name="retention">How long the delivery is remembered as handled: longer than RealtimeKit retries it. Positive.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Whether this claim's record is now the handled one.</returns>
    ValueTask<bool> CompleteAsync(RealtimeKitDeliveryClaim claim, TimeSpan retention, CancellationToken cancellationToken);

    /// <summary>
    /// Gives a claim up, atomically: deletes the record when it is still <paramref name="claim"/>'s
    /// in-progress record, so that the next attempt of the delivery claims it; otherwise
    /// nothing changes. Releasing twice is harmless.
    /// </summary>
    /// <param name="claim">A claim with <see cref="RealtimeKitDeliveryClaimStatus.Claimed"/> from this store.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Whether this claim's record was deleted.</returns>
    ValueTask<bool> ReleaseAsync(RealtimeKitDeliveryClaim claim, CancellationToken cancellationToken);
}
