namespace RealtimeKit.Generated;

/// <summary>
/// The whole RealtimeKit API over one <see cref="HttpClient"/>: a resource client per tag of the
/// document as properties (the constructors and properties are generated from the tags).
/// <c>services.AddRealtimeKit(…)</c> registers it as <see cref="IRealtimeKitClient"/>; without
/// dependency injection, <c>new RealtimeKitClient(RealtimeKitHttpClient.Create(options))</c>.
/// </summary>
public sealed partial class RealtimeKitClient
{
    /// <summary>
    /// The name of the <see cref="IHttpClientFactory"/> client that every RealtimeKit client
    /// sends through: base address, timeout, credentials, resilience and log redaction are
    /// configured on it once.
    /// </summary>
    public const string HttpClientName = "RealtimeKit";
}
