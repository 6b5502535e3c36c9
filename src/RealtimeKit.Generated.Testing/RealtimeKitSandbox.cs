using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;
using WireMock.Types;
using WireMock.Util;

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

    private readonly WireMockServer _server;
    private readonly RealtimeKitSandboxOptions _options;
    private readonly SandboxApi _api;
    private readonly SandboxDeliverer _deliverer;
    private readonly SandboxLiveSessions _live;
    private readonly ConcurrentQueue<RealtimeKitSandboxRequest> _requests = new();
    private readonly List<(string? OperationId, RealtimeKitSandboxFault Fault)> _faults = [];
    private readonly Lock _faultLock = new();
    private (RealtimeKitSandboxFault Fault, double UpTo)[] _randomFaults = [];
    private Random? _random;
    private int _disposed;

    /// <summary>The HTTP context of the request being handled, for the faults that act on the connection.</summary>
    private static readonly AsyncLocal<HttpContext?> _currentContext = new();

    private RealtimeKitSandbox(WireMockServer server, RealtimeKitSandboxOptions options, string token)
    {
        _server = server;
        _options = options;
        ApiToken = token;
        Port = server.Ports[0];
        BaseAddress = new Uri($"http://127.0.0.1:{Port}{BasePath}/");
        _api = new SandboxApi(SandboxDocument.Instance, new SandboxStore(), options.TimeProvider);
        _live = new SandboxLiveSessions(_api.Resources, options.TimeProvider);
        _deliverer = new SandboxDeliverer
        {
            MaxAttempts = Math.Max(1, options.MaxDeliveryAttempts),
            RetryDelay = options.DeliveryRetryDelay,
            AllowNonLoopback = options.AllowNonLoopbackDelivery,
        };
        _server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithCallback(HandleAsync));
    }

    /// <summary>The address to give the client: <c>http://127.0.0.1:{port}/client/v4/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The port the sandbox listens on.</summary>
    public int Port { get; }

    /// <summary>The bearer token the sandbox accepts.</summary>
    public string ApiToken { get; }

    /// <summary>Where the sandbox serves its public key, in the shape of the service's key endpoint.</summary>
    public Uri PublicKeyUrl => new($"http://127.0.0.1:{Port}{PublicKeyPath}");

    /// <summary>The public key that verifies the sandbox's deliveries, as PEM.</summary>
    public string PublicKeyPem => _deliverer.PublicKeyPem;

    /// <summary>Every request received so far, in order, with the answer given.</summary>
    public IReadOnlyList<RealtimeKitSandboxRequest> Requests => [.. _requests];

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

        for (var attempt = 1; ; attempt++)
        {
            var port = options.Port != 0 ? options.Port : FreePort();
            try
            {
                var server = WireMockServer.Start(new WireMockServerSettings
                {
                    Urls = [$"http://127.0.0.1:{port}"],
                    StartAdminInterface = false,
                    ReadStaticMappings = false,
                    MaxRequestLogCount = 0,
                    PreWireMockMiddlewareInit = app => ((IApplicationBuilder)app).Use(KeepContextAsync),
                });
                return new RealtimeKitSandbox(server, options, token);
            }
            catch (Exception) when (options.Port == 0 && attempt < 5)
            {
                // Another process took the free port between the probe and the bind: try another.
            }
        }
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
        return _api.Seed(accountId, appId, name, url.AbsoluteUri, events.Select(e => e.ToString()).ToList(), enabled).ToModel();
    }

    /// <summary>The webhooks of an app, in creation order.</summary>
    /// <param name="accountId">The account.</param>
    /// <param name="appId">The app.</param>
    public IReadOnlyList<Webhook> GetWebhooks(string accountId, string appId) =>
        _api.Store.List(accountId, appId).Select(w => w.ToModel()).ToList();

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
        return (string)_api.Resources.AddSession(accountId, appId, meetingId.ToString("D"), startedAt, endedAt, participants ?? [])["id"]!;
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
        var simulator = new SandboxSimulator(_api.Resources, accountId, appId, _options.TimeProvider.GetUtcNow());
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

        lock (_faultLock)
        {
            for (var i = 0; i < times; i++)
            {
                _faults.Add((operationId, fault));
            }
        }
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

        lock (_faultLock)
        {
            _randomFaults = [.. table];
            _random = table.Count == 0 ? null : new Random(seed);
        }
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
        var targets = _api.Store.ListByApp(appId).Where(w => w.Enabled && w.Events.Contains(name, StringComparer.Ordinal)).ToList();
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
            _server.Stop();
            _server.Dispose();
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

    private async Task<IResponseMessage> HandleAsync(IRequestMessage request)
    {
        var received = _options.TimeProvider.GetUtcNow();
        var headers = (request.Headers ?? new Dictionary<string, WireMockList<string>>())
            .ToDictionary(h => h.Key.ToLowerInvariant(), h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
        var body = string.IsNullOrEmpty(request.Body) ? null : request.Body;
        var path = request.Path;

        var match = path.StartsWith(BasePath, StringComparison.Ordinal)
            ? SandboxDocument.Instance.Match(request.Method, path[BasePath.Length..])
            : null;
        var operationId = match?.Route.OperationId;
        var ownRoute = (request.Method == "GET" && path == PublicKeyPath) || (request.Method == "POST" && (path == DeliveriesPath || path == SimulationsPath)) || SandboxLiveRoutes.Matches(request.Method, path);
        var fault = ownRoute ? null : TakeFault(operationId);

        SandboxAnswer answer;
        if (request.Method == "GET" && path == PublicKeyPath)
        {
            answer = new SandboxAnswer(200, SandboxJson.PublicKey(PublicKeyPem));
        }
        else if (request.Method == "POST" && path == DeliveriesPath)
        {
            answer = IsAuthorized(headers) ? await TriggerAsync(body).ConfigureAwait(false) : new SandboxAnswer(401, SandboxJson.Unauthorized);
        }
        else if (request.Method == "POST" && path == SimulationsPath)
        {
            answer = IsAuthorized(headers) ? await SimulateAsync(body).ConfigureAwait(false) : new SandboxAnswer(401, SandboxJson.Unauthorized);
        }
        else if (SandboxLiveRoutes.Matches(request.Method, path))
        {
            answer = IsAuthorized(headers) ? await SandboxLiveRoutes.HandleAsync(this, path, body).ConfigureAwait(false) : new SandboxAnswer(401, SandboxJson.Unauthorized);
        }
        else if (fault?.StatusCode is { } faultStatus)
        {
            answer = new SandboxAnswer(faultStatus, fault.Body ?? string.Empty, fault.ContentType);
        }
        else if (fault is { HandlesRequest: false })
        {
            answer = new SandboxAnswer(0, string.Empty);
        }
        else if (match is null)
        {
            answer = path.StartsWith(BasePath, StringComparison.Ordinal) && SandboxDocument.Instance.PathExists(path[BasePath.Length..])
                ? new SandboxAnswer(405, SandboxJson.Error(405, $"METHOD_NOT_ALLOWED {request.Method} is not an operation of {path}"))
                : new SandboxAnswer(404, SandboxJson.Error(404, $"NOT_FOUND no route for {request.Method} {path}"));
        }
        else if (!IsAuthorized(headers))
        {
            answer = new SandboxAnswer(401, SandboxJson.Unauthorized);
        }
        else
        {
            var query = (request.Query ?? new Dictionary<string, WireMockList<string>>())
                .Where(q => q.Value.Count > 0)
                .ToDictionary(q => q.Key, q => string.Join(',', q.Value), StringComparer.Ordinal);
            answer = HandleOperation(match.Value.Route, match.Value.Values, query, body);
        }

        var responseBody = answer.Body;
        if (fault is { Truncate: true })
        {
            responseBody = responseBody[..(responseBody.Length / 2)];
        }

        if (fault is { Delay: var delay } && delay > TimeSpan.Zero)
        {
            await Task.Delay(delay).ConfigureAwait(false);
        }

        if (fault is { DropsConnection: true })
        {
            // Whatever the API's logic did, no answer is sent: recorded with status 0, before the
            // connection closes, so that the log is in order for a caller that goes on at once.
            var dropped = new RealtimeKitSandboxRequest(request.Method, path, headers, body, operationId, 0, string.Empty, received);
            Record(dropped);
            _options.OnRequest?.Invoke(dropped);
            DropConnection();
            return new ResponseMessage { StatusCode = 500 };
        }

        var response = new ResponseMessage
        {
            StatusCode = answer.Status,
            BodyData = new BodyData { BodyAsString = responseBody, DetectedBodyType = BodyType.String, Encoding = Encoding.UTF8 },
        };
        response.AddHeader("Content-Type", answer.ContentType + "; charset=utf-8");
        foreach (var (name, value) in fault?.Headers ?? new Dictionary<string, string>())
        {
            response.AddHeader(name, value);
        }

        var record = new RealtimeKitSandboxRequest(request.Method, path, headers, body, operationId, answer.Status, responseBody, received);
        Record(record);
        _options.OnRequest?.Invoke(record);
        return response;
    }

    /// <summary>An operation's answer; a bug of the sandbox's is a 500 in the API's error envelope, as the service's own failures are, never a connection WireMock.Net closes.</summary>
    private SandboxAnswer HandleOperation(SandboxRoute route, Dictionary<string, string> path, IReadOnlyDictionary<string, string> query, string? body)
    {
        try
        {
            return _api.Handle(route, path, query, body);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return new SandboxAnswer(500, SandboxJson.Error(500, $"INTERNAL_SERVER_ERROR the sandbox failed on {route.OperationId}: {ex.GetType().Name}: {ex.Message}"));
        }
    }

    /// <summary>The sandbox's own route for delivering a sample event on request (<c>realtimekit webhooks trigger</c>): not part of the API.</summary>
    internal const string DeliveriesPath = "/__sandbox/deliveries";

    /// <summary>The sandbox's own route for simulating a meeting on request (<c>realtimekit meetings simulate</c>): not part of the API.</summary>
    internal const string SimulationsPath = "/__sandbox/simulations";

    /// <summary>The path of the key endpoint, as the service serves it (<see cref="WebhookPublicKeyEndpoint.DefaultUrl"/>).</summary>
    internal static readonly string PublicKeyPath = new Uri(WebhookPublicKeyEndpoint.DefaultUrl).AbsolutePath;

    private async Task<SandboxAnswer> SimulateAsync(string? body)
    {
        string? accountId;
        string? appId;
        string? meetingId;
        try
        {
            var json = Newtonsoft.Json.Linq.JObject.Parse(body ?? "{}");
            accountId = json["accountId"]?.ToString();
            appId = json["appId"]?.ToString();
            meetingId = json["meetingId"]?.ToString();
        }
        catch (Newtonsoft.Json.JsonException)
        {
            return new SandboxAnswer(400, SandboxJson.Error(400, "BAD_REQUEST the request body is not valid JSON"));
        }

        if (string.IsNullOrEmpty(accountId) || string.IsNullOrEmpty(appId) || !Guid.TryParse(meetingId, out var meeting))
        {
            return new SandboxAnswer(400, SandboxJson.Error(400, "BAD_REQUEST \"accountId\", \"appId\" and a \"meetingId\" UUID are required"));
        }

        try
        {
            var simulation = await SimulateMeetingAsync(accountId, appId, meeting).ConfigureAwait(false);
            return new SandboxAnswer(200, SandboxJson.Simulation(simulation));
        }
        catch (ArgumentException ex)
        {
            return new SandboxAnswer(404, SandboxJson.Error(404, $"NOT_FOUND {ex.Message}"));
        }
    }

    private async Task<SandboxAnswer> TriggerAsync(string? body)
    {
        string? appId;
        string? name;
        try
        {
            var json = Newtonsoft.Json.Linq.JObject.Parse(body ?? "{}");
            appId = json["appId"]?.ToString();
            name = json["event"]?.ToString();
        }
        catch (Newtonsoft.Json.JsonException)
        {
            return new SandboxAnswer(400, SandboxJson.Error(400, "BAD_REQUEST the request body is not valid JSON"));
        }

        if (string.IsNullOrEmpty(appId) || string.IsNullOrEmpty(name))
        {
            return new SandboxAnswer(400, SandboxJson.Error(400, "BAD_REQUEST \"appId\" and \"event\" are required"));
        }

        var reports = await DeliverAsync(appId, RealtimeKitSampleEvents.Json(new WebhookEvent(name), _options.TimeProvider.GetUtcNow())).ConfigureAwait(false);
        return new SandboxAnswer(200, SandboxJson.Deliveries(reports));
    }

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

    private void Record(RealtimeKitSandboxRequest record)
    {
        var max = _options.MaxRecordedRequests;
        if (max == 0)
        {
            return;
        }

        _requests.Enqueue(record);
        while (max is { } limit && _requests.Count > limit && _requests.TryDequeue(out _))
        {
        }
    }

    /// <summary>Runs before WireMock.Net's own middleware: keeps the request's context for <see cref="DropConnection"/>.</summary>
    private static async Task KeepContextAsync(HttpContext context, Func<Task> next)
    {
        _currentContext.Value = context;
        try
        {
            await next().ConfigureAwait(false);
        }
        finally
        {
            _currentContext.Value = null;
        }
    }

    /// <summary>
    /// Closes the current request's connection before any byte of the answer is written: an
    /// orderly close of the socket (the client reads the end of the stream where the status line
    /// should be), then an abort, so that the answer WireMock.Net goes on to write is discarded.
    /// </summary>
    private static void DropConnection()
    {
        var context = _currentContext.Value ?? throw new InvalidOperationException("The sandbox has no HTTP context to drop the connection of.");
        try
        {
            context.Features.Get<IConnectionSocketFeature>()?.Socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Already closed by the client: the abort below is all that is left to do.
        }

        context.Abort();
    }

    private bool IsAuthorized(Dictionary<string, string> headers) =>
        headers.TryGetValue("authorization", out var value)
        && value.StartsWith("Bearer ", StringComparison.Ordinal)
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(value[7..]), Encoding.UTF8.GetBytes(ApiToken));

    private RealtimeKitSandboxFault? TakeFault(string? operationId)
    {
        lock (_faultLock)
        {
            var index = _faults.FindIndex(f => f.OperationId is null || f.OperationId == operationId);
            if (index < 0)
            {
                return DrawRandomFault();
            }

            var fault = _faults[index].Fault;
            _faults.RemoveAt(index);
            return fault;
        }
    }

    /// <summary>A fault from <see cref="InjectRandomFaults"/>, or null; called under the fault lock.</summary>
    private RealtimeKitSandboxFault? DrawRandomFault()
    {
        if (_random is null)
        {
            return null;
        }

        var draw = _random.NextDouble();
        foreach (var (fault, upTo) in _randomFaults)
        {
            if (draw < upTo)
            {
                return fault;
            }
        }

        return null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
