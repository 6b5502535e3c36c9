using System.Security.Cryptography;
using System.Text;

namespace RealtimeKit.Generated.Testing;

/// <summary>
/// A stateful, in-process fake of the RealtimeKit API on 127.0.0.1, built on WireMock.Net and
/// driven by the same OpenAPI document as the client: all of the document's operations, with
/// in-memory state per account and app (webhooks, apps, meetings, participants, presets,
/// recordings, livestreams, polls, and sessions seeded with <see cref="AddSession"/>, played by
/// <see cref="SimulateMeetingAsync"/> or held live with <see cref="StartLiveSessionAsync"/>),
/// the documented status codes and shapes, 401 for a wrong token, 400 naming the field for a
/// body that breaks the document's rules, 404 for an unknown id, every error in the documented
/// envelope, and queued faults for testing a caller's resilience. Where the service's behaviour
/// is not documented, the sandbox is permissive (see the README, "Testing your code against the
/// sandbox").
/// </summary>
/// <example>
/// <code>
/// await using var sandbox = RealtimeKitSandbox.Start();
/// services.AddRealtimeKit(o => { o.BaseAddress = sandbox.BaseAddress; o.ApiToken = sandbox.ApiToken; });
/// </code>
/// </example>
public sealed class RealtimeKitSandbox : IDisposable, IAsyncDisposable
{
    /// <summary>The path the API lives under, as on api.cloudflare.com.</summary>
    public const string BasePath = "/client/v4";

    private readonly SandboxHost _host;
    private readonly RealtimeKitSandboxOptions _options;
    private readonly SandboxOperations _operations;
    private readonly SandboxDeliverer _deliverer;
    private readonly SandboxLiveSessions _live;
    private readonly SandboxFaults _faults = new();
    private readonly SandboxRequestLog _log;
    private int _disposed;

    private RealtimeKitSandbox(RealtimeKitSandboxOptions options, string token)
    {
        _options = options;
        ApiToken = token;
        _operations = new SandboxOperations(new SandboxStore(), new SandboxResourceStore(), SandboxDocument.Instance, options.TimeProvider);
        _live = new SandboxLiveSessions(_operations, options.TimeProvider);
        _deliverer = new SandboxDeliverer
        {
            MaxAttempts = Math.Max(1, options.MaxDeliveryAttempts),
            RetryDelay = options.DeliveryRetryDelay,
            AllowNonLoopback = options.AllowNonLoopbackDelivery,
        };
        _log = new SandboxRequestLog(options);
        var authorization = new SandboxAuthorization(token);
        List<ISandboxStage> stages =
        [
            new SandboxOwnRoutesStage(this, authorization, options.TimeProvider),
            new SandboxFaultStage(_faults),
            new SandboxRouteStage(),
            new SandboxAuthStage(authorization),
        ];
        if (options.RateLimit is { } limit)
        {
            stages.Add(new SandboxRateLimitStage(limit, options.TimeProvider));
        }

        stages.AddRange([new SandboxFailureStage(), new SandboxRequestCheckStage(), new SandboxOperationStage(_operations)]);
        var pipeline = new SandboxPipeline(stages);
        _host = SandboxHost.Start(options.Port, pipeline, _log, options.TimeProvider);
        Port = _host.Port;
        BaseAddress = new Uri($"http://127.0.0.1:{Port}{BasePath}/");
    }

    /// <summary>The address to give the client: <c>http://127.0.0.1:{port}/client/v4/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The port the sandbox listens on.</summary>
    public int Port { get; }

    /// <summary>The bearer token the sandbox accepts.</summary>
    public string ApiToken { get; }

    /// <summary>Where the sandbox serves its public key, in the shape of the service's key endpoint.</summary>
    public Uri PublicKeyUrl => new($"http://127.0.0.1:{Port}{SandboxOwnRoutesStage.PublicKeyPath}");

    /// <summary>The public key that verifies the sandbox's deliveries, as PEM.</summary>
    public string PublicKeyPem => _deliverer.PublicKeyPem;

    /// <summary>Every request received so far, in order, with the answer given.</summary>
    public IReadOnlyList<RealtimeKitSandboxRequest> Requests => _log.Snapshot();

    /// <summary>Starts a sandbox on 127.0.0.1.</summary>
    /// <param name="options">Port, token and clock; null for a free port, a generated token and the system clock.</param>
    public static RealtimeKitSandbox Start(RealtimeKitSandboxOptions? options = null)
    {
        options ??= new RealtimeKitSandboxOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(options.Port, nameof(options));
        ArgumentNullException.ThrowIfNull(options.TimeProvider);
        if (options.MaxRecordedRequests is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxRecordedRequests, "MaxRecordedRequests must be null (every request) or at least 0.");
        }

        var token = string.IsNullOrEmpty(options.ApiToken) ? "sandbox-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) : options.ApiToken;
        _ = SandboxDocument.Instance;
        return new RealtimeKitSandbox(options, token);
    }

    /// <summary>Adds a webhook directly to the state, as if it had been created through the API.</summary>
    /// <param name="accountId">The account.</param>
    /// <param name="appId">The app.</param>
    /// <param name="name">Its name.</param>
    /// <param name="url">Where events go.</param>
    /// <param name="events">The events it is triggered by.</param>
    /// <param name="enabled">Whether it is active.</param>
    /// <returns>The webhook as the API would return it.</returns>
    public Webhook AddWebhook(string accountId, string appId, string name, Uri url, IEnumerable<WebhookEvent> events, bool enabled = true)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountId);
        ArgumentException.ThrowIfNullOrEmpty(appId);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(events);
        return _operations.SeedWebhook(accountId, appId, name, url.AbsoluteUri, events.Select(e => e.ToString()).ToList(), enabled).ToModel();
    }

    /// <summary>The webhooks of an app, in creation order.</summary>
    /// <param name="accountId">The account.</param>
    /// <param name="appId">The app.</param>
    public IReadOnlyList<Webhook> GetWebhooks(string accountId, string appId) =>
        _operations.Webhooks.List(accountId, appId).Select(w => w.ToModel()).ToList();

    /// <summary>
    /// Records a session of a meeting, as if it had taken place: LIVE when <paramref name="endedAt"/>
    /// is null (then it is the meeting's active session), else ENDED, with its chat and transcript
    /// ready (and its summary when the meeting has <c>summarize_on_end</c>). Served by the sessions
    /// and active-session operations.
    /// </summary>
    /// <param name="accountId">The account.</param>
    /// <param name="appId">The app.</param>
    /// <param name="meetingId">The meeting the session belongs to (its <c>associated_id</c>); it need not have been created.</param>
    /// <param name="startedAt">When the session started.</param>
    /// <param name="endedAt">When it ended; null for a live session.</param>
    /// <param name="participants">Who joined it; none by default.</param>
    /// <returns>The session's id.</returns>
    public string AddSession(string accountId, string appId, Guid meetingId, DateTimeOffset startedAt, DateTimeOffset? endedAt = null, IEnumerable<RealtimeKitSandboxSessionParticipant>? participants = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountId);
        ArgumentException.ThrowIfNullOrEmpty(appId);
        return (string)_operations.AddSession(accountId, appId, meetingId.ToString("D"), startedAt, endedAt, participants ?? [])["id"]!;
    }

    /// <summary>
    /// Plays the life of a meeting created through the API: it starts, the participants join and
    /// leave, it ends, its recording is uploaded, its transcript and summary are ready. The
    /// session and the recording are recorded (readable through the sessions and recordings
    /// operations), and each event (meeting.started, meeting.participantJoined,
    /// meeting.participantLeft, meeting.ended, recording.statusUpdate, meeting.transcript,
    /// meeting.summary) is delivered, signed, to the app's subscribed webhooks as
    /// <see cref="DeliverAsync(string, string, CancellationToken)"/> does, one event after the other.
    /// </summary>
    /// <param name="accountId">The account.</param>
    /// <param name="appId">The app.</param>
    /// <param name="meetingId">The meeting; it must exist in the sandbox.</param>
    /// <param name="participants">Who joins and when (a null <c>LeftAt</c> stays to the end); null for two participants over 30 minutes from now by the sandbox's clock.</param>
    /// <param name="cancellationToken">Cancels the deliveries.</param>
    /// <returns>The session, the recording, the events and the delivery reports.</returns>
    /// <exception cref="ArgumentException">The sandbox has no such meeting.</exception>
    public async Task<RealtimeKitSandboxSimulation> SimulateMeetingAsync(string accountId, string appId, Guid meetingId, IEnumerable<RealtimeKitSandboxSessionParticipant>? participants = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountId);
        ArgumentException.ThrowIfNullOrEmpty(appId);
        var simulator = new SandboxSimulator(_operations, accountId, appId, _options.TimeProvider.GetUtcNow());
        var events = simulator.Play(meetingId, participants?.ToList());
        var reports = await DeliverInTurnAsync(appId, events.Bodies, cancellationToken).ConfigureAwait(false);
        return new RealtimeKitSandboxSimulation(events.SessionId, events.RecordingId, events.Names, reports);
    }

    /// <summary>
    /// Starts a session of a meeting and keeps it LIVE until <see cref="EndLiveSessionAsync"/>: it
    /// is the meeting's active session, so getActiveSession, kick, kick-all, mute, mute-all and
    /// polls act on it. meeting.started, then a meeting.participantJoined per participant, are
    /// delivered, signed, to the app's subscribed webhooks, one after the other. Kicks through
    /// the API change the state without a delivery.
    /// </summary>
    /// <param name="accountId">The account.</param>
    /// <param name="appId">The app.</param>
    /// <param name="meetingId">The meeting; it must exist in the sandbox and have no live session.</param>
    /// <param name="participants">Who joins at once; null or empty for nobody yet (<see cref="JoinLiveSessionAsync"/>).</param>
    /// <param name="cancellationToken">Cancels the deliveries (the state has changed by then).</param>
    /// <returns>The session, the peer ids of those who joined, the events and the delivery reports.</returns>
    /// <exception cref="KeyNotFoundException">The sandbox has no such meeting.</exception>
    /// <exception cref="InvalidOperationException">The meeting has a live session already.</exception>
    public Task<RealtimeKitSandboxLiveStep> StartLiveSessionAsync(string accountId, string appId, Guid meetingId, IEnumerable<RealtimeKitSandboxLiveParticipant>? participants = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountId);
        ArgumentException.ThrowIfNullOrEmpty(appId);
        var joining = participants?.ToList() ?? [];
        foreach (var participant in joining)
        {
            ArgumentNullException.ThrowIfNull(participant, nameof(participants));
        }

        return DeliverAsync(appId, _live.Start(accountId, appId, meetingId, joining), cancellationToken);
    }

    /// <summary>A participant joins the meeting's live session; meeting.participantJoined is delivered.</summary>
    /// <param name="accountId">The account.</param>
    /// <param name="appId">The app.</param>
    /// <param name="meetingId">The meeting, with a live session (<see cref="StartLiveSessionAsync"/>).</param>
    /// <param name="participant">Who joins.</param>
    /// <param name="cancellationToken">Cancels the delivery.</param>
    /// <returns>The session, the new peer id, the event and the delivery reports.</returns>
    /// <exception cref="KeyNotFoundException">The sandbox has no such meeting.</exception>
    /// <exception cref="InvalidOperationException">The meeting has no live session.</exception>
    public Task<RealtimeKitSandboxLiveStep> JoinLiveSessionAsync(string accountId, string appId, Guid meetingId, RealtimeKitSandboxLiveParticipant participant, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountId);
        ArgumentException.ThrowIfNullOrEmpty(appId);
        ArgumentNullException.ThrowIfNull(participant);
        return DeliverAsync(appId, _live.Join(accountId, appId, meetingId, participant), cancellationToken);
    }

    /// <summary>A participant leaves the meeting's live session; meeting.participantLeft is delivered.</summary>
    /// <param name="accountId">The account.</param>
    /// <param name="appId">The app.</param>
    /// <param name="meetingId">The meeting, with a live session.</param>
    /// <param name="peerId">The session participant id joining answered (<see cref="RealtimeKitSandboxLiveStep.PeerIds"/>).</param>
    /// <param name="cancellationToken">Cancels the delivery.</param>
    /// <exception cref="KeyNotFoundException">No such meeting, or no such participant still in its live session.</exception>
    /// <exception cref="InvalidOperationException">The meeting has no live session.</exception>
    public Task<RealtimeKitSandboxLiveStep> LeaveLiveSessionAsync(string accountId, string appId, Guid meetingId, string peerId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountId);
        ArgumentException.ThrowIfNullOrEmpty(appId);
        ArgumentException.ThrowIfNullOrEmpty(peerId);
        return DeliverAsync(appId, _live.Leave(accountId, appId, meetingId, peerId), cancellationToken);
    }

    /// <summary>
    /// Ends the meeting's live session: whoever is still in it leaves (meeting.participantLeft
    /// each), then meeting.ended (reason HOST_ENDED_MEETING, or ALL_PARTICIPANTS_LEFT when nobody
    /// was left). The session is ENDED, with its chat and transcript ready (and its summary when
    /// the meeting has <c>summarize_on_end</c>); the meeting has no active session any more.
    /// </summary>
    /// <param name="accountId">The account.</param>
    /// <param name="appId">The app.</param>
    /// <param name="meetingId">The meeting, with a live session.</param>
    /// <param name="cancellationToken">Cancels the deliveries.</param>
    /// <exception cref="KeyNotFoundException">The sandbox has no such meeting.</exception>
    /// <exception cref="InvalidOperationException">The meeting has no live session.</exception>
    public Task<RealtimeKitSandboxLiveStep> EndLiveSessionAsync(string accountId, string appId, Guid meetingId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountId);
        ArgumentException.ThrowIfNullOrEmpty(appId);
        return DeliverAsync(appId, _live.End(accountId, appId, meetingId), cancellationToken);
    }

    /// <summary>Answers the next <paramref name="times"/> requests of an operation (or of any) with a fault.</summary>
    /// <param name="fault">What to answer with.</param>
    /// <param name="times">How many requests in a row get it.</param>
    /// <param name="operationId">The document's operationId, e.g. <c>addWebhook</c>; null for any request.</param>
    public void InjectFault(RealtimeKitSandboxFault fault, int times = 1, string? operationId = null)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(times);
        if (operationId is not null && SandboxDocument.Instance.Routes.All(r => r.OperationId != operationId))
        {
            throw new ArgumentException($"'{operationId}' is not an operationId of the document.", nameof(operationId));
        }

        _faults.Enqueue(fault, times, operationId);
    }

    /// <summary>
    /// From now on, answers each request that no queued fault (<see cref="InjectFault"/>) takes
    /// with a fault drawn at random: <paramref name="faults"/> lists each fault with the
    /// probability of drawing it, the rest of the time the request is handled normally. Replaces
    /// the random faults given before; an empty list turns them off.
    /// </summary>
    /// <remarks>
    /// The draws come from a <see cref="Random"/> seeded with <paramref name="seed"/>: the same
    /// seed gives the same sequence of faults. Which request meets which draw follows the order
    /// in which requests arrive, so under concurrency the pairing varies from run to run; count
    /// outcomes rather than expect a fault on a given request.
    /// </remarks>
    /// <param name="faults">Each fault with its probability, from 0 to 1; the probabilities add up to at most 1.</param>
    /// <param name="seed">The seed of the draws.</param>
    /// <example>
    /// <code>
    /// sandbox.InjectRandomFaults([(RealtimeKitSandboxFault.ServiceUnavailableHtml(), 0.01), (RealtimeKitSandboxFault.DroppedConnection(), 0.005)], seed: 42);
    /// </code>
    /// </example>
    public void InjectRandomFaults(IEnumerable<(RealtimeKitSandboxFault Fault, double Probability)> faults, int seed)
    {
        ArgumentNullException.ThrowIfNull(faults);
        var table = new List<(RealtimeKitSandboxFault Fault, double UpTo)>();
        var total = 0.0;
        foreach (var (fault, probability) in faults)
        {
            ArgumentNullException.ThrowIfNull(fault, nameof(faults));
            if (!(probability >= 0 && probability <= 1))
            {
                throw new ArgumentOutOfRangeException(nameof(faults), probability, "Each probability must be between 0 and 1.");
            }

            total += probability;
            table.Add((fault, total));
        }

        if (total > 1 + 1e-9)
        {
            throw new ArgumentOutOfRangeException(nameof(faults), total, "The probabilities must add up to at most 1.");
        }

        _faults.SetRandom(table, seed);
    }

    /// <summary>
    /// Delivers an event as RealtimeKit does: to every enabled webhook of the app (in any account)
    /// subscribed to the event, signed, with the rtk-uuid and rtk-webhook-id headers; 5xx answers
    /// and network failures are retried.
    /// </summary>
    /// <param name="appId">The app whose webhooks receive it.</param>
    /// <param name="body">The delivery body, e.g. from <see cref="RealtimeKitSampleEvents.Json"/>; it must carry <c>event</c>.</param>
    /// <param name="cancellationToken">Cancels the deliveries.</param>
    /// <returns>One report per webhook the event went to.</returns>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026", Justification = "Overloads by the event's form; the optional parameter is the Azure SDK's trailing CancellationToken.")]
    public async Task<IReadOnlyList<RealtimeKitSandboxDelivery>> DeliverAsync(string appId, string body, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(appId);
        ArgumentException.ThrowIfNullOrEmpty(body);
        var name = Newtonsoft.Json.Linq.JObject.Parse(body)["event"]?.ToString();
        if (string.IsNullOrEmpty(name))
        {
            throw new ArgumentException("The delivery body has no \"event\" name.", nameof(body));
        }

        var bytes = Encoding.UTF8.GetBytes(body);
        var targets = _operations.Webhooks.ListByApp(appId).Where(w => w.Enabled && w.Events.Contains(name, StringComparer.Ordinal)).ToList();
        var reports = await Task.WhenAll(targets.Select(w => _deliverer.DeliverAsync(w, bytes, cancellationToken))).ConfigureAwait(false);
        return reports;
    }

    /// <summary>Delivers an event model (serialized as the API writes it); see <see cref="DeliverAsync(string, string, CancellationToken)"/>.</summary>
    /// <param name="appId">The app whose webhooks receive it.</param>
    /// <param name="webhookEvent">The event; its <see cref="RealtimeKitWebhookEvent.Event"/> must be set.</param>
    /// <param name="cancellationToken">Cancels the deliveries.</param>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026", Justification = "Overloads by the event's form; the optional parameter is the Azure SDK's trailing CancellationToken.")]
    public Task<IReadOnlyList<RealtimeKitSandboxDelivery>> DeliverAsync(string appId, RealtimeKitWebhookEvent webhookEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(webhookEvent);
        var body = webhookEvent is UnknownWebhookEvent unknown ? unknown.Raw.ToString(Newtonsoft.Json.Formatting.None) : RealtimeKitJson.Serialize(webhookEvent);
        return DeliverAsync(appId, body, cancellationToken);
    }

    /// <summary>Signs with a new key pair from now on, as when the service rotates its key; <see cref="PublicKeyUrl"/> serves the new key.</summary>
    public void RotateSigningKey() => _deliverer.RotateKey();

    /// <summary>Stops the sandbox.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _host.Dispose();
            _deliverer.Dispose();
        }
    }

    /// <summary>Stops the sandbox.</summary>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>The sandbox's address and token, never more.</summary>
    public override string ToString() => $"RealtimeKitSandbox {{ BaseAddress = {BaseAddress} }}";

    private async Task<RealtimeKitSandboxLiveStep> DeliverAsync(string appId, SandboxLiveSessions.Step step, CancellationToken cancellationToken)
    {
        var reports = await DeliverInTurnAsync(appId, step.Events.Select(e => e.Body), cancellationToken).ConfigureAwait(false);
        return new RealtimeKitSandboxLiveStep(step.SessionId, step.PeerIds, [.. step.Events.Select(e => e.Name)], reports);
    }

    /// <summary>Delivers events one after the other, as the service does for one meeting: each to all its webhooks before the next.</summary>
    private async Task<List<RealtimeKitSandboxDelivery>> DeliverInTurnAsync(string appId, IEnumerable<string> bodies, CancellationToken cancellationToken)
    {
        var reports = new List<RealtimeKitSandboxDelivery>();
        foreach (var body in bodies)
        {
            reports.AddRange(await DeliverAsync(appId, body, cancellationToken).ConfigureAwait(false));
        }

        return reports;
    }
}
