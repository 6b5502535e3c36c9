using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;

namespace RealtimeKit.Generated;

/// <summary>
/// Verifies a webhook delivery: the <c>rtk-signature</c> header is a base64 RSA-SHA256 (PKCS#1
/// v1.5) signature of the raw body bytes, exactly as received. Only a verified body is read into
/// an event. The key is pinned in <see cref="RealtimeKitWebhookOptions.PublicKeyPem"/> or fetched
/// from the service's key endpoint, cached, and fetched again at most once per
/// <see cref="RealtimeKitWebhookOptions.KeyRefreshInterval"/> when a signature fails (key rotation).
/// </summary>
public class RealtimeKitWebhookVerifier
{
    /// <summary>The header with the body's signature (<see cref="WebhookDeliveryHeaders.Signature"/>).</summary>
    public const string SignatureHeader = WebhookDeliveryHeaders.Signature;

    /// <summary>The header with the delivery's id (<see cref="WebhookDeliveryHeaders.DeliveryId"/>).</summary>
    public const string DeliveryIdHeader = WebhookDeliveryHeaders.DeliveryId;

    /// <summary>The header with the webhook configuration's id (<see cref="WebhookDeliveryHeaders.WebhookId"/>).</summary>
    public const string WebhookIdHeader = WebhookDeliveryHeaders.WebhookId;

    /// <summary>The name of the <see cref="IHttpClientFactory"/> client that fetches the key.</summary>
    public const string KeyHttpClientName = "RealtimeKit.Webhooks.PublicKey";

    private readonly RealtimeKitWebhookOptions _options;
    private readonly Func<HttpClient> _httpClient;
    private readonly TimeProvider _time;
    private readonly byte[]? _pinnedKey;
    private readonly SemaphoreSlim _fetchLock = new(1, 1);
    private byte[]? _fetchedKey;
    private DateTimeOffset? _lastRefresh;

    /// <summary>Creates the verifier as <c>AddRealtimeKitWebhooks</c> registers it.</summary>
    /// <param name="options">The options.</param>
    /// <param name="httpClientFactory">Makes the client that fetches the key.</param>
    /// <param name="timeProvider">The clock for the refetch interval; null for the system clock.</param>
    public RealtimeKitWebhookVerifier(IOptions<RealtimeKitWebhookOptions> options, IHttpClientFactory httpClientFactory, TimeProvider? timeProvider)
        : this(options?.Value!, () => httpClientFactory.CreateClient(KeyHttpClientName), timeProvider)
    {
        ArgumentNullException.ThrowIfNull(httpClientFactory);
    }

    /// <summary>Creates a verifier without dependency injection, with its own client for fetching the key (used only when no key is pinned).</summary>
    /// <param name="options">The options.</param>
    public RealtimeKitWebhookVerifier(RealtimeKitWebhookOptions options)
        : this(options, keyClient: null, timeProvider: null)
    {
    }

    /// <summary>Creates a verifier without dependency injection.</summary>
    /// <param name="options">The options.</param>
    /// <param name="keyClient">The client that fetches the key; null for a new one (only used when no key is pinned).</param>
    /// <param name="timeProvider">The clock for the refetch interval; null for the system clock.</param>
    public RealtimeKitWebhookVerifier(RealtimeKitWebhookOptions options, HttpClient? keyClient, TimeProvider? timeProvider)
        : this(options, CreateClientFactory(keyClient), timeProvider)
    {
    }

    private RealtimeKitWebhookVerifier(RealtimeKitWebhookOptions options, Func<HttpClient> httpClient, TimeProvider? timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _httpClient = httpClient;
        _time = timeProvider ?? TimeProvider.System;
        if (!string.IsNullOrWhiteSpace(options.PublicKeyPem))
        {
            _pinnedKey = ImportPem(options.PublicKeyPem, "RealtimeKitWebhookOptions.PublicKeyPem");
        }
    }

    /// <summary>The options in use.</summary>
    public RealtimeKitWebhookOptions Options => _options;

    /// <summary>Verifies the delivery and reads it into its event.</summary>
    /// <param name="body">The raw body bytes, exactly as received.</param>
    /// <param name="signature">The <c>rtk-signature</c> header.</param>
    /// <param name="deliveryId">The <c>rtk-uuid</c> header.</param>
    /// <param name="webhookId">The <c>rtk-webhook-id</c> header.</param>
    /// <param name="cancellationToken">Cancels a key fetch.</param>
    /// <exception cref="RealtimeKitWebhookException">The delivery is rejected; <see cref="RealtimeKitWebhookException.Failure"/> says why.</exception>
    public virtual async Task<RealtimeKitWebhookDelivery> VerifyAsync(
        ReadOnlyMemory<byte> body,
        string? signature,
        string? deliveryId,
        string? webhookId,
        CancellationToken cancellationToken = default)
    {
        if (body.Length > _options.MaxBodyBytes)
        {
            throw new RealtimeKitWebhookException(RealtimeKitWebhookFailure.BodyTooLarge, $"The delivery body has {body.Length} bytes; at most {_options.MaxBodyBytes} are accepted.");
        }

        if (string.IsNullOrWhiteSpace(signature))
        {
            throw new RealtimeKitWebhookException(RealtimeKitWebhookFailure.MissingSignature, $"The delivery has no {SignatureHeader} header.");
        }

        var signatureBytes = new byte[signature.Length];
        if (!Convert.TryFromBase64String(signature.Trim(), signatureBytes, out var written) || written == 0)
        {
            throw new RealtimeKitWebhookException(RealtimeKitWebhookFailure.MalformedSignature, $"The {SignatureHeader} header is not base64.");
        }

        var verified = await VerifySignatureAsync(body, signatureBytes.AsMemory(0, written), cancellationToken).ConfigureAwait(false);
        if (!verified)
        {
            throw new RealtimeKitWebhookException(RealtimeKitWebhookFailure.InvalidSignature, "The delivery's signature does not match its body under the service's public key.");
        }

        return new RealtimeKitWebhookDelivery(RealtimeKitWebhookEventReader.Read(body.Span), Clean(deliveryId), Clean(webhookId));
    }

    private async Task<bool> VerifySignatureAsync(ReadOnlyMemory<byte> body, ReadOnlyMemory<byte> signature, CancellationToken cancellationToken)
    {
        if (_pinnedKey is not null)
        {
            return Verify(_pinnedKey, body.Span, signature.Span);
        }

        var key = _fetchedKey ?? await FetchKeyAsync(force: false, cancellationToken).ConfigureAwait(false);
        if (Verify(key, body.Span, signature.Span))
        {
            return true;
        }

        // The key may have been rotated: fetch it again, at most once per interval.
        var refreshed = await FetchKeyAsync(force: true, cancellationToken).ConfigureAwait(false);
        return !ReferenceEquals(refreshed, key) && Verify(refreshed, body.Span, signature.Span);
    }

    private static bool Verify(byte[] subjectPublicKeyInfo, ReadOnlySpan<byte> body, ReadOnlySpan<byte> signature)
    {
        using var rsa = RSA.Create();
        rsa.ImportSubjectPublicKeyInfo(subjectPublicKeyInfo, out _);

        // The comparison inside is the platform's (OpenSSL / CNG), which does not leak timing of where a signature differs.
        return rsa.VerifyData(body, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    /// <summary>The largest answer of the key endpoint read: a PEM key is well under a kilobyte.</summary>
    internal const int MaxKeyBodyBytes = 64 * 1024;

    /// <summary><c>data.publicKey</c> of the key endpoint's answer; a <see cref="RealtimeKitWebhookException"/> when it is no JSON.</summary>
    private string? ReadPem(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var reader = new Newtonsoft.Json.JsonTextReader(new RealtimeKitUtf8Reader(body));
            return RealtimeKitJson.Serializer.Deserialize<WebhookPublicKeyResponse>(reader)?.Data?.PublicKey;
        }
        catch (Newtonsoft.Json.JsonException ex)
        {
            throw new RealtimeKitWebhookException(RealtimeKitWebhookFailure.KeyUnavailable, $"The key endpoint {_options.PublicKeyUrl} did not answer with JSON.", ex);
        }
    }

    private async Task<byte[]> FetchKeyAsync(bool force, CancellationToken cancellationToken)
    {
        await _fetchLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // The first fetch is free; a fetch forced by a failed signature happens at most once per interval.
            var now = _time.GetUtcNow();
            if (_fetchedKey is not null && (!force || (_lastRefresh is { } last && now - last < _options.KeyRefreshInterval)))
            {
                return _fetchedKey;
            }

            if (force)
            {
                _lastRefresh = now;
            }

            string? pem;
            try
            {
                using var response = await _httpClient().GetAsync(_options.PublicKeyUrl, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
                response.EnsureSuccessStatusCode();

                // Read through the same bounded reader as the API's answers: a key endpoint that
                // sends more than a key's worth of bytes is refused, never read into memory whole.
                using var body = await RealtimeKitResponseBody.ReadAsync(response.Content, MaxKeyBodyBytes, cancellationToken).ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
                if (body.Failure is { } failure)
                {
                    throw new HttpRequestException($"the answer's body could not be read: {failure.Message}", failure);
                }

                if (body.Truncated)
                {
                    throw new RealtimeKitWebhookException(RealtimeKitWebhookFailure.KeyUnavailable, $"The key endpoint {_options.PublicKeyUrl} answered more than {MaxKeyBodyBytes} bytes.");
                }

                pem = ReadPem(body.Bytes);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                if (_fetchedKey is not null)
                {
                    return _fetchedKey;
                }

                throw new RealtimeKitWebhookException(RealtimeKitWebhookFailure.KeyUnavailable, $"The public key could not be fetched from {_options.PublicKeyUrl}: {ex.Message}", ex);
            }

            if (string.IsNullOrWhiteSpace(pem))
            {
                throw new RealtimeKitWebhookException(RealtimeKitWebhookFailure.KeyUnavailable, $"The key endpoint {_options.PublicKeyUrl} answered without data.publicKey.");
            }

            _fetchedKey = ImportPem(pem, _options.PublicKeyUrl.ToString());
            return _fetchedKey;
        }
        finally
        {
            _fetchLock.Release();
        }
    }

    private static byte[] ImportPem(string pem, string source)
    {
        try
        {
            using var rsa = RSA.Create();
            rsa.ImportFromPem(pem);
            return rsa.ExportSubjectPublicKeyInfo();
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            throw new RealtimeKitWebhookException(RealtimeKitWebhookFailure.KeyUnavailable, $"The public key from {source} is not an RSA public key in PEM form.", ex);
        }
    }

    private static string? Clean(string? header) => string.IsNullOrWhiteSpace(header) ? null : header.Trim();

    private static Func<HttpClient> CreateClientFactory(HttpClient? keyClient)
    {
        var client = keyClient;
        return () => client ??= new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
    }
}
