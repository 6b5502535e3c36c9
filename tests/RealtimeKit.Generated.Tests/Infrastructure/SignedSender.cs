using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using RealtimeKit.Generated.Testing;

namespace RealtimeKit.Generated.Tests.Infrastructure;

/// <summary>
/// Posts signed deliveries by hand, as RealtimeKit does, with its own key (pin it in the receiver
/// with <see cref="Pin"/>): for copies of one delivery sent to several instances, retries at
/// chosen moments, and attempts the sender gives up on (cancelled while the receiver works).
/// </summary>
internal sealed class SignedSender : IDisposable
{
    private readonly RSA _key = RSA.Create(2048);
    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) }) { Timeout = TimeSpan.FromSeconds(30) };

    public SignedSender()
        : this(RealtimeKitSampleEvents.Json(WebhookEvent.MeetingStarted))
    {
    }

    /// <summary>A sender of <paramref name="json"/> instead of the sample meeting.started event.</summary>
    public SignedSender(string json)
    {
        Body = Encoding.UTF8.GetBytes(json);
        Signature = Convert.ToBase64String(_key.SignData(Body, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    public byte[] Body { get; }

    public string Signature { get; }

    /// <summary>The public key receivers verify with, as PEM.</summary>
    public string PublicKeyPem => _key.ExportSubjectPublicKeyInfoPem();

    public void Pin(RealtimeKitWebhookOptions options) => options.PublicKeyPem = PublicKeyPem;

    /// <summary>One attempt of delivery <paramref name="deliveryId"/>; cancelling <paramref name="cancellationToken"/> aborts the request.</summary>
    public async Task<Answer> SendAsync(Uri url, string deliveryId, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(Body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.TryAddWithoutValidation("rtk-signature", Signature);
        request.Headers.TryAddWithoutValidation("rtk-uuid", deliveryId);
        request.Headers.TryAddWithoutValidation("rtk-webhook-id", "3f1c2f0e-8c1e-4d7a-9a55-1f6f3e0b7c21");
        using var response = await _http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return new Answer((int)response.StatusCode, text, response.Headers.RetryAfter?.Delta);
    }

    /// <summary>Sends again while the receiver answers 503 (another attempt holds the delivery), as RealtimeKit retries 5xx; the first other answer.</summary>
    public async Task<Answer> SendUntilSettledAsync(Uri url, string deliveryId, TimeSpan? limit = null)
    {
        var deadline = DateTime.UtcNow + (limit ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var answer = await SendAsync(url, deliveryId);
            if (answer.Status != 503 || DateTime.UtcNow > deadline)
            {
                return answer;
            }

            await Task.Delay(20);
        }
    }

    public void Dispose()
    {
        _http.Dispose();
        _key.Dispose();
    }

    /// <param name="Status">The HTTP status.</param>
    /// <param name="Text">The body: <c>ok</c>, <c>duplicate</c>, <c>in progress</c>, …</param>
    /// <param name="RetryAfter">The <c>Retry-After</c> header, when sent.</param>
    public sealed record Answer(int Status, string Text, TimeSpan? RetryAfter);
}
