using System.Net.Http.Headers;

namespace RealtimeKit.Generated;

/// <summary>
/// The one place that decides which credential <see cref="RealtimeKitClientOptions"/> carry and
/// whether it can be sent: an API token (preferred) or the legacy e-mail and global key pair,
/// never both, never half a pair, no whitespace or control characters. The options validator,
/// <see cref="RealtimeKitClientOptions.ToString"/> and <see cref="RealtimeKitAuthenticationHandler"/>
/// all ask it. Its own <see cref="ToString"/> names the kind, never the secret.
/// </summary>
internal sealed class RealtimeKitCredential
{
    private const string EmailHeader = "X-Auth-Email";
    private const string KeyHeader = "X-Auth-Key";

    private readonly string? _token;
    private readonly string? _email;
    private readonly string? _key;

    private RealtimeKitCredential(string? token, string? email, string? key, string? problem)
    {
        _token = token;
        _email = email;
        _key = key;
        Problem = problem;
    }

    /// <summary>What is wrong with the configured credential, as a message that says what to set; null when it is usable.</summary>
    public string? Problem { get; }

    /// <summary>Which credential this is, for messages: never the secret.</summary>
    public string Kind => Problem is not null ? "none" : _token is not null ? "api token (redacted)" : "api key (redacted)";

    public static RealtimeKitCredential Of(RealtimeKitClientOptions options)
    {
        var hasToken = !string.IsNullOrEmpty(options.ApiToken);
        var hasLegacy = !string.IsNullOrEmpty(options.ApiKey) || !string.IsNullOrEmpty(options.ApiEmail);
        string? problem = (hasToken, hasLegacy) switch
        {
            (false, false) => "RealtimeKitClientOptions.ApiToken is required: set it to a Cloudflare API token with the Realtime permission.",
            (true, true) => "RealtimeKitClientOptions: set either ApiToken or ApiEmail with ApiKey, not both.",
            (true, false) when !IsHeaderSafe(options.ApiToken!) => "RealtimeKitClientOptions.ApiToken contains whitespace or control characters; check how it was copied.",
            (false, true) when string.IsNullOrEmpty(options.ApiKey) || string.IsNullOrEmpty(options.ApiEmail) => "RealtimeKitClientOptions: the legacy credential needs both ApiEmail and ApiKey.",
            (false, true) when !IsHeaderSafe(options.ApiKey!) || !IsHeaderSafe(options.ApiEmail!) => "RealtimeKitClientOptions.ApiEmail or ApiKey contains whitespace or control characters.",
            _ => null,
        };

        return problem is not null
            ? new RealtimeKitCredential(null, null, null, problem)
            : hasToken ? new RealtimeKitCredential(options.ApiToken, null, null, null) : new RealtimeKitCredential(null, options.ApiEmail, options.ApiKey, null);
    }

    /// <summary>Puts the credential on a request's headers.</summary>
    public void Apply(HttpRequestHeaders headers)
    {
        if (_token is not null)
        {
            headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
            return;
        }

        headers.Remove(EmailHeader);
        headers.Remove(KeyHeader);
        headers.TryAddWithoutValidation(EmailHeader, _email);
        headers.TryAddWithoutValidation(KeyHeader, _key);
    }

    public override string ToString() => Kind;

    private static bool IsHeaderSafe(string value) => !value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c));
}
