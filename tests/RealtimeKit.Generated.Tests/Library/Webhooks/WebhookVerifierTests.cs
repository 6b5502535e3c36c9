using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using RealtimeKit.Generated.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace RealtimeKit.Generated.Tests;

/// <summary>rtk-signature verification over the raw body bytes, and key rotation.</summary>
public sealed class WebhookVerifierTests : IDisposable
{
    private const string Body = "{\"event\":\"meeting.started\",\"meeting\":{\"id\":\"m-1\",\"title\":\"Weekly sync\",\"status\":\"LIVE\"}}";

    private readonly RSA _key = RSA.Create(2048);
    private readonly RSA _otherKey = RSA.Create(2048);

    public void Dispose()
    {
        _key.Dispose();
        _otherKey.Dispose();
    }

    private static string Sign(RSA key, string body) => Convert.ToBase64String(key.SignData(Encoding.UTF8.GetBytes(body), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    private RealtimeKitWebhookVerifier Pinned(RSA key) => new(new RealtimeKitWebhookOptions { PublicKeyPem = key.ExportSubjectPublicKeyInfoPem() });

    [Fact]
    public async Task A_valid_signature_is_accepted_and_the_event_read()
    {
        var delivery = await Pinned(_key).VerifyAsync(Encoding.UTF8.GetBytes(Body), Sign(_key, Body), "d-1", "w-1");

        var started = Assert.IsType<MeetingStartedEvent>(delivery.Event);
        Assert.Equal(WebhookEvent.MeetingStarted, started.Event);
        Assert.Equal("Weekly sync", started.Meeting!.Title);
        Assert.Equal("d-1", delivery.DeliveryId);
        Assert.Equal("w-1", delivery.WebhookId);
    }

    public static TheoryData<string, string> ChangedBodies => new()
    {
        { "one changed byte", Body.Replace("Weekly", "Weekla", StringComparison.Ordinal) },
        { "whitespace only", Body.Replace("\"meeting\":", "\"meeting\": ", StringComparison.Ordinal) },
        { "re-serialised JSON", Newtonsoft.Json.Linq.JObject.Parse(Body).ToString() },
        { "a trailing newline", Body + "\n" },
    };

    [Theory]
    [MemberData(nameof(ChangedBodies))]
    public async Task A_body_that_differs_from_the_signed_bytes_is_rejected(string what, string received)
    {
        var error = await Assert.ThrowsAsync<RealtimeKitWebhookException>(() => Pinned(_key).VerifyAsync(Encoding.UTF8.GetBytes(received), Sign(_key, Body), "d", "w"));

        Assert.True(error.Failure == RealtimeKitWebhookFailure.InvalidSignature, what);
    }

    [Fact]
    public async Task A_signature_by_another_key_is_rejected()
    {
        var error = await Assert.ThrowsAsync<RealtimeKitWebhookException>(() => Pinned(_key).VerifyAsync(Encoding.UTF8.GetBytes(Body), Sign(_otherKey, Body), "d", "w"));

        Assert.Equal(RealtimeKitWebhookFailure.InvalidSignature, error.Failure);
    }

    [Theory]
    [InlineData(null, RealtimeKitWebhookFailure.MissingSignature)]
    [InlineData("", RealtimeKitWebhookFailure.MissingSignature)]
    [InlineData("not base64 !!", RealtimeKitWebhookFailure.MalformedSignature)]
    [InlineData("AAAA", RealtimeKitWebhookFailure.InvalidSignature)]
    public async Task Missing_garbled_or_short_signatures_are_rejected(string? signature, RealtimeKitWebhookFailure failure)
    {
        var error = await Assert.ThrowsAsync<RealtimeKitWebhookException>(() => Pinned(_key).VerifyAsync(Encoding.UTF8.GetBytes(Body), signature, "d", "w"));

        Assert.Equal(failure, error.Failure);
    }

    [Fact]
    public async Task A_verified_body_that_is_not_a_delivery_is_UnreadableBody()
    {
        const string notJson = "event=meeting.started";

        var error = await Assert.ThrowsAsync<RealtimeKitWebhookException>(() => Pinned(_key).VerifyAsync(Encoding.UTF8.GetBytes(notJson), Sign(_key, notJson), "d", "w"));

        Assert.Equal(RealtimeKitWebhookFailure.UnreadableBody, error.Failure);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_rejected_before_anything_else()
    {
        var verifier = new RealtimeKitWebhookVerifier(new RealtimeKitWebhookOptions { PublicKeyPem = _key.ExportSubjectPublicKeyInfoPem(), MaxBodyBytes = 16 });

        var error = await Assert.ThrowsAsync<RealtimeKitWebhookException>(() => verifier.VerifyAsync(Encoding.UTF8.GetBytes(Body), Sign(_key, Body), "d", "w"));

        Assert.Equal(RealtimeKitWebhookFailure.BodyTooLarge, error.Failure);
    }

    [Fact]
    public async Task A_rotated_key_is_fetched_again_once_per_interval()
    {
        using var api = ApiServer.Start();
        const string path = "/.well-known/webhooks.json";
        var fetches = 0;
        api.Server.Given(Request.Create().WithPath(path)).RespondWith(Response.Create().WithCallback(_ => new WireMock.ResponseMessage
        {
            StatusCode = 200,
            // The first fetch sees the key before rotation, every later one the key after it.
            BodyData = new WireMock.Util.BodyData
            {
                BodyAsString = KeyDocument(Interlocked.Increment(ref fetches) == 1 ? _otherKey : _key),
                DetectedBodyType = WireMock.Types.BodyType.String,
            },
        }));
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var http = new HttpClient();
        var verifier = new RealtimeKitWebhookVerifier(
            new RealtimeKitWebhookOptions { PublicKeyUrl = new Uri(api.Server.Url + path), KeyRefreshInterval = TimeSpan.FromMinutes(5) }, http, time);

        // The cached key is the old one; the delivery is signed with the new one: one refetch, then accepted.
        var delivery = await verifier.VerifyAsync(Encoding.UTF8.GetBytes(Body), Sign(_key, Body), "d", "w");
        Assert.IsType<MeetingStartedEvent>(delivery.Event);
        Assert.Equal(2, api.Requests.Count);

        // Forged deliveries do not make it fetch again within the interval...
        for (var i = 0; i < 5; i++)
        {
            await Assert.ThrowsAsync<RealtimeKitWebhookException>(() => verifier.VerifyAsync(Encoding.UTF8.GetBytes(Body), Sign(_otherKey, Body), "d", "w"));
        }

        Assert.Equal(2, api.Requests.Count);

        // ...and once per interval after it.
        time.Advance(TimeSpan.FromMinutes(5));
        await Assert.ThrowsAsync<RealtimeKitWebhookException>(() => verifier.VerifyAsync(Encoding.UTF8.GetBytes(Body), Sign(_otherKey, Body), "d", "w"));
        Assert.Equal(3, api.Requests.Count);
    }

    [Fact]
    public async Task An_unreachable_key_endpoint_is_KeyUnavailable()
    {
        using var api = ApiServer.Start();
        api.Server.Given(Request.Create()).RespondWith(Response.Create().WithStatusCode(503).WithBody("<html>down</html>"));
        using var http = new HttpClient();
        var verifier = new RealtimeKitWebhookVerifier(new RealtimeKitWebhookOptions { PublicKeyUrl = new Uri(api.Server.Url + "/.well-known/webhooks.json") }, http, timeProvider: null);

        var error = await Assert.ThrowsAsync<RealtimeKitWebhookException>(() => verifier.VerifyAsync(Encoding.UTF8.GetBytes(Body), Sign(_key, Body), "d", "w"));

        Assert.Equal(RealtimeKitWebhookFailure.KeyUnavailable, error.Failure);
    }

    [Fact]
    public async Task A_key_endpoint_answering_more_than_a_keys_worth_of_bytes_is_refused_unread()
    {
        using var api = ApiServer.Start();
        var huge = KeyDocument(_key).Replace("\"message\": \"\"", "\"message\": \"" + new string('x', 200_000) + "\"", StringComparison.Ordinal);
        Assert.True(huge.Length > 200_000);
        api.Server.Given(Request.Create()).RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(huge));
        using var http = new HttpClient();
        var verifier = new RealtimeKitWebhookVerifier(new RealtimeKitWebhookOptions { PublicKeyUrl = new Uri(api.Server.Url + "/.well-known/webhooks.json") }, http, timeProvider: null);

        var error = await Assert.ThrowsAsync<RealtimeKitWebhookException>(() => verifier.VerifyAsync(Encoding.UTF8.GetBytes(Body), Sign(_key, Body), "d", "w"));

        Assert.Equal(RealtimeKitWebhookFailure.KeyUnavailable, error.Failure);
        Assert.Contains("answered more than 65536 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_endpoint_answering_no_JSON_is_KeyUnavailable()
    {
        using var api = ApiServer.Start();
        api.Server.Given(Request.Create()).RespondWith(Response.Create().WithStatusCode(200).WithBody("<html>a login page</html>"));
        using var http = new HttpClient();
        var verifier = new RealtimeKitWebhookVerifier(new RealtimeKitWebhookOptions { PublicKeyUrl = new Uri(api.Server.Url + "/.well-known/webhooks.json") }, http, timeProvider: null);

        var error = await Assert.ThrowsAsync<RealtimeKitWebhookException>(() => verifier.VerifyAsync(Encoding.UTF8.GetBytes(Body), Sign(_key, Body), "d", "w"));

        Assert.Equal(RealtimeKitWebhookFailure.KeyUnavailable, error.Failure);
        Assert.Contains("did not answer with JSON", error.Message, StringComparison.Ordinal);
    }

    private static string KeyDocument(RSA key) =>
        new Newtonsoft.Json.Linq.JObject
        {
            ["success"] = true,
            ["data"] = new Newtonsoft.Json.Linq.JObject { ["publicKey"] = key.ExportSubjectPublicKeyInfoPem() },
            ["message"] = string.Empty,
        }.ToString();
}
