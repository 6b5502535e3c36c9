using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using RealtimeKit.Generated.Testing;
using RealtimeKit.Generated.Tests.Infrastructure;

namespace RealtimeKit.Generated.Tests;

/// <summary>
/// The whole loop: a webhook registered in the sandbox through the client, pointing at a real
/// Kestrel endpoint that uses MapRealtimeKitWebhooks; the sandbox delivers signed events, the
/// endpoint verifies them against the sandbox's published key and hands them over typed.
/// </summary>
public sealed class WebhookReceiverEndToEndTests : IAsyncDisposable
{
    private const string Account = "acc";
    private const string App = "app";

    private readonly RealtimeKitSandbox _sandbox = RealtimeKitSandbox.Start(new RealtimeKitSandboxOptions { DeliveryRetryDelay = TimeSpan.FromMilliseconds(10) });

    public async ValueTask DisposeAsync() => await _sandbox.DisposeAsync();

    private async Task<Webhook> RegisterAsync(Uri url, IEnumerable<WebhookEvent>? events = null)
    {
        var services = new ServiceCollection();
        services.AddRealtimeKit(options =>
        {
            options.BaseAddress = _sandbox.BaseAddress;
            options.ApiToken = _sandbox.ApiToken;
        });
        await using var provider = services.BuildServiceProvider();
        var response = await provider.GetRequiredService<IWebhooksClient>().AddWebhookAsync(Account, App, new AddWebhookRequest
        {
            Name = "receiver",
            Url = url,
            Events = [.. events ?? WebhookEvent.KnownValues],
        });
        return response.Data;
    }

    public static TheoryData<string, Type> Events => new()
    {
        { "meeting.started", typeof(MeetingStartedEvent) },
        { "meeting.ended", typeof(MeetingEndedEvent) },
        { "meeting.participantJoined", typeof(MeetingParticipantJoinedEvent) },
        { "meeting.participantLeft", typeof(MeetingParticipantLeftEvent) },
        { "meeting.chatSynced", typeof(MeetingChatSyncedEvent) },
        { "recording.statusUpdate", typeof(RecordingStatusUpdateEvent) },
        { "livestreaming.statusUpdate", typeof(LivestreamingStatusUpdateEvent) },
        { "meeting.transcript", typeof(MeetingTranscriptEvent) },
        { "meeting.summary", typeof(MeetingSummaryEvent) },
    };

    [Fact]
    public async Task All_nine_events_are_delivered_verified_and_typed()
    {
        await using var receiver = await Receiver.StartAsync(o => o.PublicKeyUrl = _sandbox.PublicKeyUrl);
        var webhook = await RegisterAsync(receiver.Url);

        foreach (var (name, type) in Events.Select(row => ((string)row[0], (Type)row[1])))
        {
            var reports = await _sandbox.DeliverAsync(App, RealtimeKitSampleEvents.Json(new WebhookEvent(name)));

            var report = Assert.Single(reports);
            Assert.True(report.Delivered, $"{name}: {report.StatusCode} {report.Error}");
            Assert.Equal(1, report.Attempts);
            var delivery = receiver.Received.Last();
            Assert.IsType(type, delivery.Event);
            Assert.Equal(name, delivery.Event.Event.ToString());
            Assert.Equal(report.DeliveryId, delivery.DeliveryId);
            Assert.Equal(webhook.Id.ToString(), delivery.WebhookId);
        }

        Assert.Equal(9, receiver.Received.Count);
        var recording = Assert.IsType<RecordingStatusUpdateEvent>(receiver.Received.Single(d => d.Event is RecordingStatusUpdateEvent).Event);
        Assert.Equal(84215610L, recording.Recording!.FileSizeBytes);
        var ended = Assert.IsType<MeetingEndedEvent>(receiver.Received.Single(d => d.Event is MeetingEndedEvent).Event);
        Assert.Equal(MeetingEndReason.AllParticipantsLeft, ended.Reason);
    }

    [Fact]
    public async Task A_handler_failure_answers_500_and_the_retry_is_handled()
    {
        await using var receiver = await Receiver.StartAsync(o => o.PublicKeyUrl = _sandbox.PublicKeyUrl);
        receiver.FailFirst = 1;
        await RegisterAsync(receiver.Url);

        var report = Assert.Single(await _sandbox.DeliverAsync(App, RealtimeKitSampleEvents.Json(WebhookEvent.MeetingStarted)));

        Assert.True(report.Delivered, report.Error);
        Assert.Equal(2, report.Attempts);
        Assert.Equal(2, receiver.HandlerCalls);
        Assert.Equal(report.DeliveryId, Assert.Single(receiver.Received).DeliveryId);
    }

    [Fact]
    public async Task Only_subscribed_and_enabled_webhooks_receive_an_event()
    {
        await using var receiver = await Receiver.StartAsync(o => o.PublicKeyUrl = _sandbox.PublicKeyUrl);
        await RegisterAsync(receiver.Url, [WebhookEvent.MeetingEnded]);
        _sandbox.AddWebhook(Account, App, "disabled", receiver.Url, [WebhookEvent.MeetingStarted], enabled: false);

        Assert.Empty(await _sandbox.DeliverAsync(App, RealtimeKitSampleEvents.Json(WebhookEvent.MeetingStarted)));
        Assert.Single(await _sandbox.DeliverAsync(App, RealtimeKitSampleEvents.Json(WebhookEvent.MeetingEnded)));
        Assert.Empty(await _sandbox.DeliverAsync("other-app", RealtimeKitSampleEvents.Json(WebhookEvent.MeetingEnded)));
        Assert.IsType<MeetingEndedEvent>(Assert.Single(receiver.Received).Event);
    }

    [Fact]
    public async Task The_same_delivery_twice_is_handled_once()
    {
        await using var receiver = await Receiver.StartAsync(o => o.PinnedKey(_sandbox));
        var body = Encoding.UTF8.GetBytes(RealtimeKitSampleEvents.Json(WebhookEvent.MeetingStarted));
        var signature = SignLikeTheSandbox(body);

        using var http = new HttpClient();
        for (var i = 0; i < 2; i++)
        {
            var response = await PostAsync(http, receiver.Url, body, signature, deliveryId: "same-delivery");
            Assert.Equal(HttpStatusCode.OK, response);
        }

        Assert.Single(receiver.Received);
        Assert.Equal(1, receiver.HandlerCalls);
    }

    [Fact]
    public async Task A_rotated_sandbox_key_is_picked_up_by_the_receiver()
    {
        await using var receiver = await Receiver.StartAsync(o => o.PublicKeyUrl = _sandbox.PublicKeyUrl);
        await RegisterAsync(receiver.Url, [WebhookEvent.MeetingStarted]);
        Assert.True(Assert.Single(await _sandbox.DeliverAsync(App, RealtimeKitSampleEvents.Json(WebhookEvent.MeetingStarted))).Delivered);

        _sandbox.RotateSigningKey();

        var report = Assert.Single(await _sandbox.DeliverAsync(App, RealtimeKitSampleEvents.Json(WebhookEvent.MeetingStarted)));
        Assert.True(report.Delivered, report.Error);
        Assert.Equal(2, receiver.Received.Count);
        Assert.Equal(2, _sandbox.Requests.Count(r => r.Path == "/.well-known/webhooks.json")); // the first fetch, and one after the rotation
    }

    [Fact]
    public async Task Bad_signatures_oversize_and_unreadable_bodies_get_their_statuses_and_reach_no_handler()
    {
        await using var receiver = await Receiver.StartAsync(o => o.PinnedKey(_sandbox), maxBodyBytes: 2048);
        var body = Encoding.UTF8.GetBytes(RealtimeKitSampleEvents.Json(WebhookEvent.MeetingStarted));
        var signature = SignLikeTheSandbox(body);
        using var http = new HttpClient();

        var tampered = (byte[])body.Clone();
        tampered[^3] ^= 0x01;
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(http, receiver.Url, tampered, signature, "d1"));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(http, receiver.Url, body, signature: null, "d2"));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(http, receiver.Url, body, "%%%", "d3"));
        using (var other = RSA.Create(2048))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(http, receiver.Url, body, Convert.ToBase64String(other.SignData(body, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)), "d4"));
        }

        var large = Encoding.UTF8.GetBytes("{\"event\":\"meeting.started\",\"pad\":\"" + new string('x', 4096) + "\"}");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, await PostAsync(http, receiver.Url, large, SignLikeTheSandbox(large), "d5"));

        var unreadable = Encoding.UTF8.GetBytes("{\"meeting\":{}}");
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(http, receiver.Url, unreadable, SignLikeTheSandbox(unreadable), "d6"));

        Assert.Equal(0, receiver.HandlerCalls);
    }

    /// <summary>Signs hand-made deliveries with the test key the receiver pins (the sandbox keeps its private key to itself).</summary>
    private string SignLikeTheSandbox(byte[] body) => Convert.ToBase64String(TestKeys.For(_sandbox).SignData(body, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    private static async Task<HttpStatusCode> PostAsync(HttpClient http, Uri url, byte[] body, string? signature, string deliveryId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation("rtk-signature", signature);
        }

        request.Headers.TryAddWithoutValidation("rtk-uuid", deliveryId);
        request.Headers.TryAddWithoutValidation("rtk-webhook-id", Guid.NewGuid().ToString());
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }
}

/// <summary>A key pair per sandbox for tests that post deliveries by hand; the receiver pins its public half.</summary>
internal static class TestKeys
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<RealtimeKitSandbox, RSA> _keys = new();

    public static RSA For(RealtimeKitSandbox sandbox) => _keys.GetValue(sandbox, _ => RSA.Create(2048));

    public static void PinnedKey(this RealtimeKitWebhookOptions options, RealtimeKitSandbox sandbox) =>
        options.PublicKeyPem = For(sandbox).ExportSubjectPublicKeyInfoPem();
}
