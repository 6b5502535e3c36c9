using System.Net.Http.Headers;
using System.Security.Cryptography;

namespace RealtimeKit.Generated.Testing;

/// <summary>
/// Delivers events as RealtimeKit does: a POST of the JSON body, signed with the sandbox's RSA
/// key (rtk-signature: base64 RSA-SHA256 PKCS#1 v1.5 of the body bytes), with rtk-uuid and
/// rtk-webhook-id; 5xx answers and network failures are retried, other answers are final.
/// </summary>
internal sealed class SandboxDeliverer : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) }) { Timeout = TimeSpan.FromSeconds(30) };
    private RSA _key = RSA.Create(2048);
    private readonly Lock _keyLock = new();

    public int MaxAttempts { get; init; } = 3;

    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    public bool AllowNonLoopback { get; init; }

    public string PublicKeyPem
    {
        get
        {
            lock (_keyLock)
            {
                return _key.ExportSubjectPublicKeyInfoPem();
            }
        }
    }

    public void RotateKey()
    {
        lock (_keyLock)
        {
            var old = _key;
            _key = RSA.Create(2048);
            old.Dispose();
        }
    }

    public byte[] Sign(byte[] body)
    {
        lock (_keyLock)
        {
            return _key.SignData(body, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }
    }

    public async Task<RealtimeKitSandboxDelivery> DeliverAsync(StoredWebhook webhook, byte[] body, CancellationToken cancellationToken)
    {
        var url = new Uri(webhook.Url);
        var deliveryId = Guid.NewGuid().ToString();
        if (!AllowNonLoopback && !url.IsLoopback)
        {
            return new RealtimeKitSandboxDelivery(webhook.Id, url, deliveryId, null, 0,
                "not delivered: the sandbox delivers only to loopback URLs unless RealtimeKitSandboxOptions.AllowNonLoopbackDelivery is set");
        }

        var signature = Convert.ToBase64String(Sign(body));
        int? status = null;
        string? error = null;
        var attempt = 0;
        while (attempt < MaxAttempts)
        {
            attempt++;
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            request.Headers.TryAddWithoutValidation(WebhookDeliveryHeaders.Signature, signature);
            request.Headers.TryAddWithoutValidation(WebhookDeliveryHeaders.DeliveryId, deliveryId);
            request.Headers.TryAddWithoutValidation(WebhookDeliveryHeaders.WebhookId, webhook.Id.ToString("D"));
            try
            {
                using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                status = (int)response.StatusCode;
                error = response.IsSuccessStatusCode ? null : $"the receiver answered {status}";
                if (status < 500)
                {
                    break;
                }
            }
            catch (HttpRequestException ex)
            {
                status = null;
                error = ex.Message;
            }

            if (attempt < MaxAttempts)
            {
                await Task.Delay(RetryDelay * attempt, cancellationToken).ConfigureAwait(false);
            }
        }

        return new RealtimeKitSandboxDelivery(webhook.Id, url, deliveryId, status, attempt, error);
    }

    public void Dispose()
    {
        _http.Dispose();
        _key.Dispose();
    }
}
