using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace RealtimeKit.Generated.Tests;

/// <summary>The verifier's edges the mutation run found untested: exact messages, the limits' boundaries, the key endpoint's failures, the constructors' guards, the headers' trimming.</summary>
public sealed class WebhookVerifierEdgeTests : IDisposable
{
    private const string Body = "{\"event\":\"meeting.started\",\"meeting\":{\"id\":\"m-1\",\"title\":\"Weekly sync\",\"status\":\"LIVE\"}}";
    private static readonly Uri _keyUrl = new("http://127.0.0.1:1/.well-known/webhooks.json");

    private readonly RSA _key = RSA.Create(2048);

    public void Dispose() => _key.Dispose();

    private string Sign(string body) => Convert.ToBase64String(_key.SignData(Encoding.UTF8.GetBytes(body), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    private RealtimeKitWebhookVerifier Pinned(int maxBodyBytes = 1024 * 1024) =>
        new(new RealtimeKitWebhookOptions { PublicKeyPem = _key.ExportSubjectPublicKeyInfoPem(), MaxBodyBytes = maxBodyBytes });

    private static RealtimeKitWebhookVerifier Fetching(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> answer) =>
        new(new RealtimeKitWebhookOptions { PublicKeyUrl = _keyUrl }, new HttpClient(new StubHandler(answer)), timeProvider: null);

    private string KeyDocument() => "{\"success\":true,\"data\":{\"publicKey\":" + Newtonsoft.Json.JsonConvert.ToString(_key.ExportSubjectPublicKeyInfoPem()) + "}}";

    [Fact]
    public async Task A_body_of_exactly_the_limit_is_accepted_and_one_byte_more_is_refused_saying_both_sizes()
    {
        var bytes = Encoding.UTF8.GetBytes(Body);

        var delivery = await Pinned(bytes.Length).VerifyAsync(bytes, Sign(Body), " d-1 ", "\tw-1\n");
        Assert.Equal("d-1", delivery.DeliveryId);
        Assert.Equal("w-1", delivery.WebhookId);

        var error = await Assert.ThrowsAsync<RealtimeKitWebhookException>(() => Pinned(bytes.Length - 1).VerifyAsync(bytes, Sign(Body), "d", "w"));
        Assert.Equal(RealtimeKitWebhookFailure.BodyTooLarge, error.Failure);
        Assert.Equal($"The delivery body has {bytes.Length} bytes; at most {bytes.Length - 1} are accepted.", error.Message);
    }

    [Theory]
    [InlineData(null, "The delivery has no rtk-signature header.")]
    [InlineData("not base64 !!", "The rtk-signature header is not base64.")]
    [InlineData("AAAA", "The delivery's signature does not match its body under the service's public key.")]
    public async Task Each_refusal_of_the_signature_says_why(string? signature, string message)
    {
        var error = await Assert.ThrowsAsync<RealtimeKitWebhookException>(() => Pinned().VerifyAsync(Encoding.UTF8.GetBytes(Body), signature, "d", "w"));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public async Task Blank_delivery_headers_are_null()
    {
        var delivery = await Pinned().VerifyAsync(Encoding.UTF8.GetBytes(Body), Sign(Body), "  ", null);

        Assert.Null(delivery.DeliveryId);
        Assert.Null(delivery.WebhookId);
    }

    [Fact]
    public void The_constructors_refuse_what_they_cannot_work_with_by_name()
    {
        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => new RealtimeKitWebhookVerifier((RealtimeKitWebhookOptions)null!)).ParamName);
        Assert.Equal("httpClientFactory", Assert.Throws<ArgumentNullException>(() => new RealtimeKitWebhookVerifier(
            Microsoft.Extensions.Options.Options.Create(new RealtimeKitWebhookOptions()), null!, null)).ParamName);

        var error = Assert.Throws<RealtimeKitWebhookException>(() => new RealtimeKitWebhookVerifier(new RealtimeKitWebhookOptions { PublicKeyPem = "-----BEGIN PUBLIC KEY-----\nnot a key\n-----END PUBLIC KEY-----" }));
        Assert.Equal(RealtimeKitWebhookFailure.KeyUnavailable, error.Failure);
        Assert.Equal("The public key from RealtimeKitWebhookOptions.PublicKeyPem is not an RSA public key in PEM form.", error.Message);
    }

    [Fact]
    public async Task A_key_endpoint_that_answers_an_error_status_gives_no_key_even_with_one_in_the_body()
    {
        var verifier = Fetching((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = new StringContent(KeyDocument()) }));

        var error = await Assert.ThrowsAsync<RealtimeKitWebhookException>(() => verifier.VerifyAsync(Encoding.UTF8.GetBytes(Body), Sign(Body), "d", "w"));

        Assert.Equal(RealtimeKitWebhookFailure.KeyUnavailable, error.Failure);
        Assert.StartsWith($"The public key could not be fetched from {_keyUrl}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("503", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_endpoint_whose_body_breaks_off_or_has_no_key_gives_KeyUnavailable_saying_so()
    {
        var broken = Fetching((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new BreakingStream()) }));
        var error = await Assert.ThrowsAsync<RealtimeKitWebhookException>(() => broken.VerifyAsync(Encoding.UTF8.GetBytes(Body), Sign(Body), "d", "w"));
        Assert.Equal(RealtimeKitWebhookFailure.KeyUnavailable, error.Failure);
        Assert.Contains("the answer's body could not be read: connection reset", error.Message, StringComparison.Ordinal);

        var keyless = Fetching((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"success":true,"data":{}}""") }));
        error = await Assert.ThrowsAsync<RealtimeKitWebhookException>(() => keyless.VerifyAsync(Encoding.UTF8.GetBytes(Body), Sign(Body), "d", "w"));
        Assert.Equal($"The key endpoint {_keyUrl} answered without data.publicKey.", error.Message);
    }

    [Fact]
    public async Task A_fetched_key_verifies()
    {
        var verifier = Fetching((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(KeyDocument()) }));

        var delivery = await verifier.VerifyAsync(Encoding.UTF8.GetBytes(Body), Sign(Body), "d", "w");

        Assert.IsType<MeetingStartedEvent>(delivery.Event);
    }

    [Fact]
    public async Task A_fetch_the_caller_cancelled_is_not_reported_as_a_missing_key()
    {
        using var cancel = new CancellationTokenSource();
        var verifier = Fetching((_, _) =>
        {
            cancel.Cancel();
            throw new HttpRequestException("the connection was torn down as the caller cancelled");
        });

        var error = await Assert.ThrowsAnyAsync<Exception>(() => verifier.VerifyAsync(Encoding.UTF8.GetBytes(Body), Sign(Body), "d", "w", cancel.Token));

        Assert.IsNotType<RealtimeKitWebhookException>(error);
    }

    private sealed class StubHandler(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => answer(request, cancellationToken);
    }

    private sealed class BreakingStream : Stream
    {
        private bool _sent;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_sent)
            {
                throw new IOException("connection reset");
            }

            _sent = true;
            buffer[offset] = (byte)'{';
            return 1;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
