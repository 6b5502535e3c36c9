namespace RealtimeKit.Generated;

/// <summary>
/// The permits every call of the clients <c>AddRealtimeKit</c> registers waits for before each
/// attempt is sent, and what the service said about its limits. One instance serves every client
/// of a service provider: <see cref="RealtimeKitLocalRateBudget"/> (this process, the default) or
/// a budget shared by several processes (the Redis package's). Derive from it for another store.
/// </summary>
public abstract class RealtimeKitRateBudget
{
    /// <summary>Creates the budget, reported by the <c>realtimekit.client.rate_budget.permits</c> gauge while it lives.</summary>
    protected RealtimeKitRateBudget() => RealtimeKitTelemetry.Track(this);

    /// <summary>
    /// The permits to be had now, as this process knows them without asking a store: the
    /// <c>realtimekit.client.rate_budget.permits</c> gauge. Null (not reported) when the budget cannot say.
    /// </summary>
    public virtual long? CurrentPermits => null;

    /// <summary>
    /// Takes one permit, waiting for it at most <paramref name="maxWait"/>
    /// (<see cref="Timeout.InfiniteTimeSpan"/>: until <paramref name="cancellationToken"/> is cancelled).
    /// </summary>
    /// <param name="maxWait">How long the caller can wait: the time its call has left.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    /// <returns>
    /// The permit, to be disposed when the attempt it pays for has ended (its answer's headers
    /// arrived, or it failed): the window it counts in runs from then, so it covers the request
    /// wherever it is measured. Null when no permit is to be had within <paramref name="maxWait"/>.
    /// </returns>
    /// <exception cref="RealtimeKitRateBudgetException">Too many calls are waiting already.</exception>
    public abstract ValueTask<IDisposable?> TryAcquireAsync(TimeSpan maxWait, CancellationToken cancellationToken = default);

    /// <summary>
    /// The service asked for a pause (a 429's <c>Retry-After</c>, or <c>Ratelimit: …;r=0;t=N</c>):
    /// no caller of the budget gets a permit until <paramref name="duration"/> has passed. A pause
    /// shorter than one already running changes nothing.
    /// </summary>
    public abstract ValueTask PauseAsync(TimeSpan duration, CancellationToken cancellationToken = default);

    /// <summary>
    /// The service announced a quota (<c>Ratelimit-Policy: …;q=permits;w=seconds</c>): from now on
    /// the budget also keeps any window of length <paramref name="window"/> to
    /// <paramref name="permits"/> requests, unless the configured budget already does.
    /// </summary>
    public abstract ValueTask LowerAsync(int permits, TimeSpan window, CancellationToken cancellationToken = default);
}
