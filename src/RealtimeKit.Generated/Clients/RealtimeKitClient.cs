namespace RealtimeKit.Generated;

/// <summary>
/// The whole RealtimeKit API over one <see cref="HttpClient"/>: the nine resource clients as
/// properties. <c>services.AddRealtimeKit(…)</c> registers it as <see cref="IRealtimeKitClient"/>;
/// without dependency injection,
/// <c>new RealtimeKitClient(RealtimeKitHttpClient.Create(options))</c>.
/// </summary>
public sealed class RealtimeKitClient : IRealtimeKitClient
{
    /// <summary>
    /// The name of the <see cref="IHttpClientFactory"/> client that every RealtimeKit client
    /// sends through: base address, timeout, credentials, resilience and log redaction are
    /// configured on it once.
    /// </summary>
    public const string HttpClientName = "RealtimeKit";

    /// <summary>Creates the resource clients over one <see cref="HttpClient"/>.</summary>
    /// <param name="httpClient">The client to send through; its BaseAddress is the API's base address and its handlers attach the credentials (see <see cref="RealtimeKitHttpClient.Create"/>).</param>
    public RealtimeKitClient(HttpClient httpClient)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        Apps = new AppsClient(httpClient);
        Meetings = new MeetingsClient(httpClient);
        Presets = new PresetsClient(httpClient);
        Sessions = new SessionsClient(httpClient);
        Recordings = new RecordingsClient(httpClient);
        Livestreams = new LivestreamsClient(httpClient);
        ActiveSession = new ActiveSessionClient(httpClient);
        Analytics = new AnalyticsClient(httpClient);
        Webhooks = new WebhooksClient(httpClient);
    }

    /// <summary>Puts resource clients that already exist together (as dependency injection does).</summary>
    /// <param name="apps">The apps client.</param>
    /// <param name="meetings">The meetings client.</param>
    /// <param name="presets">The presets client.</param>
    /// <param name="sessions">The sessions client.</param>
    /// <param name="recordings">The recordings client.</param>
    /// <param name="livestreams">The livestreams client.</param>
    /// <param name="activeSession">The active session client.</param>
    /// <param name="analytics">The analytics client.</param>
    /// <param name="webhooks">The webhooks client.</param>
    public RealtimeKitClient(
        IAppsClient apps,
        IMeetingsClient meetings,
        IPresetsClient presets,
        ISessionsClient sessions,
        IRecordingsClient recordings,
        ILivestreamsClient livestreams,
        IActiveSessionClient activeSession,
        IAnalyticsClient analytics,
        IWebhooksClient webhooks)
    {
        Apps = apps ?? throw new ArgumentNullException(nameof(apps));
        Meetings = meetings ?? throw new ArgumentNullException(nameof(meetings));
        Presets = presets ?? throw new ArgumentNullException(nameof(presets));
        Sessions = sessions ?? throw new ArgumentNullException(nameof(sessions));
        Recordings = recordings ?? throw new ArgumentNullException(nameof(recordings));
        Livestreams = livestreams ?? throw new ArgumentNullException(nameof(livestreams));
        ActiveSession = activeSession ?? throw new ArgumentNullException(nameof(activeSession));
        Analytics = analytics ?? throw new ArgumentNullException(nameof(analytics));
        Webhooks = webhooks ?? throw new ArgumentNullException(nameof(webhooks));
    }

    /// <inheritdoc />
    public IAppsClient Apps { get; }

    /// <inheritdoc />
    public IMeetingsClient Meetings { get; }

    /// <inheritdoc />
    public IPresetsClient Presets { get; }

    /// <inheritdoc />
    public ISessionsClient Sessions { get; }

    /// <inheritdoc />
    public IRecordingsClient Recordings { get; }

    /// <inheritdoc />
    public ILivestreamsClient Livestreams { get; }

    /// <inheritdoc />
    public IActiveSessionClient ActiveSession { get; }

    /// <inheritdoc />
    public IAnalyticsClient Analytics { get; }

    /// <inheritdoc />
    public IWebhooksClient Webhooks { get; }
}
