namespace RealtimeKit.Generated;

/// <summary>
/// The whole RealtimeKit API: one generated client per resource (per tag of the document; the
/// properties are generated with them), all sending through the same configured
/// <see cref="HttpClient"/> pipeline. Register it with <c>services.AddRealtimeKit(…)</c> and
/// inject it, or inject the one resource client you need (<see cref="IMeetingsClient"/>,
/// <see cref="IWebhooksClient"/>, …).
/// </summary>
public partial interface IRealtimeKitClient;
