namespace RealtimeKit.Generated;

/// <summary>
/// What every call of a generated client runs in, in one place: the <see cref="System.Net.Http.HttpClient"/>
/// it sends through, the one deadline of a call (<see cref="Timeout"/>) and the one clock
/// (<see cref="TimeProvider"/>) that measures it, the Retry-After waits and the dates of a
/// <c>Retry-After</c>. The generated clients receive it through their internal constructor; the
/// request carries it (<see cref="RealtimeKitRequestMessage"/>, with the caller's per-call
/// options) to the handlers that decide per call, so the retry handler caps a <c>Retry-After</c>
/// by the same deadline the transport applies.
/// </summary>
internal sealed class RealtimeKitCallContext
{
    /// <summary>The timeout this context owns; null: the client's own, read at each call (a client built by hand).</summary>
    private readonly TimeSpan? _timeout;

    private RealtimeKitCallContext(HttpClient httpClient, TimeSpan? timeout, TimeProvider timeProvider)
    {
        HttpClient = httpClient;
        _timeout = timeout;
        TimeProvider = timeProvider;
    }

    /// <summary>The client the requests are sent through.</summary>
    public HttpClient HttpClient { get; }

    /// <summary>The total time a call may take: every attempt, the waits between them and the reading of the body.</summary>
    public TimeSpan Timeout => _timeout ?? HttpClient.Timeout;

    /// <summary>The clock of the deadline, of the retry waits and of a <c>Retry-After</c> date.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>
    /// For a client built by hand (<c>new MeetingsClient(httpClient)</c>): the client keeps its
    /// own <see cref="HttpClient.Timeout"/> (it applies it to sending), and the same time, read at
    /// each call, bounds the reading of the body; the system clock.
    /// </summary>
    public static RealtimeKitCallContext Of(HttpClient httpClient) =>
        new(httpClient ?? throw new ArgumentNullException(nameof(httpClient)), null, TimeProvider.System);

    /// <summary>
    /// For the clients <c>AddRealtimeKit</c> registers: the context takes the client's timeout as
    /// the factory left it (<see cref="RealtimeKitClientOptions.Timeout"/>, or what a
    /// <c>ConfigureHttpClient</c> set after it) and sets the client's own to infinite, so each call
    /// runs one deadline timer (the transport's, over sending and reading the body) instead of two;
    /// under concurrency the second cost more than a tenth of the requests per second (bench/README.md, load).
    /// </summary>
    public static RealtimeKitCallContext TakeOver(HttpClient httpClient, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var timeout = httpClient.Timeout;
        httpClient.Timeout = System.Threading.Timeout.InfiniteTimeSpan;
        return new RealtimeKitCallContext(httpClient, timeout, timeProvider);
    }

    /// <summary>Starts a call's deadline: a token cancelled when the caller cancels or <paramref name="timeout"/> has passed on <see cref="TimeProvider"/>.</summary>
    public RealtimeKitDeadline StartDeadline(TimeSpan timeout, CancellationToken cancellationToken) => new(cancellationToken, timeout, TimeProvider);
}

/// <summary>
/// One call's deadline: linked to the caller's token and cancelled after the timeout. On the
/// system clock it is the linked source's own timer; on another <see cref="TimeProvider"/> (a
/// test's fake) a timer of that provider cancels it.
/// </summary>
internal readonly struct RealtimeKitDeadline : IDisposable
{
    private readonly CancellationTokenSource _source;
    private readonly ITimer? _timer;

    public RealtimeKitDeadline(CancellationToken cancellationToken, TimeSpan timeout, TimeProvider timeProvider)
    {
        _source = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _timer = null;
        if (timeout == System.Threading.Timeout.InfiniteTimeSpan)
        {
            return;
        }

        if (ReferenceEquals(timeProvider, TimeProvider.System))
        {
            _source.CancelAfter(timeout);
        }
        else
        {
            _timer = timeProvider.CreateTimer(static state => Cancel((CancellationTokenSource)state!), _source, timeout, System.Threading.Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Cancelled when the caller cancels or the time is up.</summary>
    public CancellationToken Token => _source.Token;

    public void Dispose()
    {
        _timer?.Dispose();
        _source.Dispose();
    }

    private static void Cancel(CancellationTokenSource source)
    {
        try
        {
            source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The call ended as the time ran out: nothing is left to cancel.
        }
    }
}
