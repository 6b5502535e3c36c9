using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using RealtimeKit.Generated;
using RealtimeKit.Generated.Testing;

namespace MeetingService.Tests;

/// <summary>
/// The service as a team's CI runs it: WebApplicationFactory (on Kestrel, so that webhooks can
/// reach it), the RealtimeKit sandbox in-process in place of Cloudflare, a real Redis.
/// </summary>
public sealed class MeetingServiceTests(RedisProcess redis) : IClassFixture<RedisProcess>, IAsyncLifetime
{
    private const string Account = "sample-account";
    private const string App = "sample-app";

    private readonly RealtimeKitSandbox _sandbox = RealtimeKitSandbox.Start();
    private readonly List<WebApplicationFactory<Program>> _instances = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var instance in _instances)
        {
            await instance.DisposeAsync();
        }

        await _sandbox.DisposeAsync();
    }

    /// <summary>An instance of the service on a free port, against the sandbox and the shared Redis.</summary>
    private WebApplicationFactory<Program> Instance(string? pinnedKeyPem = null)
    {
        var instance = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("RealtimeKit:ApiToken", _sandbox.ApiToken);
            web.UseSetting("RealtimeKit:BaseAddress", _sandbox.BaseAddress.ToString());
            web.UseSetting("RealtimeKit:AccountId", Account);
            web.UseSetting("RealtimeKit:AppId", App);
            web.UseSetting("RealtimeKit:Webhooks:PublicKeyUrl", _sandbox.PublicKeyUrl.ToString());
            if (pinnedKeyPem is not null)
            {
                web.UseSetting("RealtimeKit:Webhooks:PublicKeyPem", pinnedKeyPem);
            }

            web.UseSetting("ConnectionStrings:Redis", redis.Configuration);
            web.UseSetting("urls", "http://127.0.0.1:0");
        });
        instance.UseKestrel();
        instance.StartServer();
        _instances.Add(instance);
        return instance;
    }

    [Fact]
    public async Task Creating_a_meeting_adds_every_attendee_once_and_hands_out_their_join_tokens()
    {
        using var http = Instance().CreateClient();
        Attendee[] attendees = [new("ana@example.com", "Ana Lima", "group_call_host"), new("bo@example.com", "Bo Chen", "group_call_participant"), new("cy@example.com", "Cy Diaz", "group_call_participant")];

        var response = await http.PostAsJsonAsync("/meetings", new NewMeeting("Quarterly review", attendees));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<MeetingCreated>())!;
        Assert.Equal(attendees.Select(a => a.Id), created.Attendees.Select(a => a.Id));
        Assert.All(created.Attendees, a => Assert.False(string.IsNullOrEmpty(a.Token), a.Error));

        // What the sandbox holds now, read through the library as any other client would.
        var meetings = new MeetingsClient(new HttpClient { BaseAddress = _sandbox.BaseAddress, DefaultRequestHeaders = { { "Authorization", "Bearer " + _sandbox.ApiToken } } });
        var participants = await meetings.ListParticipantsAsync(Account, App, created.MeetingId);
        Assert.Equal(attendees.Select(a => a.Id).Order(), participants.Data!.Select(p => p.CustomParticipantId).Order());
    }

    [Fact]
    public async Task The_meetings_webhooks_are_verified_and_recorded_once()
    {
        var instance = Instance();
        using var http = instance.CreateClient();
        var created = (await (await http.PostAsJsonAsync("/meetings", new NewMeeting("Standup", [new("ana@example.com", "Ana Lima", "group_call_host")]))).Content.ReadFromJsonAsync<MeetingCreated>())!;
        _sandbox.AddWebhook(Account, App, "sample", new Uri(http.BaseAddress!, "/webhooks/realtimekit"), [WebhookEvent.MeetingStarted, WebhookEvent.MeetingEnded]);

        var simulation = await _sandbox.SimulateMeetingAsync(Account, App, created.MeetingId);

        Assert.All(simulation.Deliveries, d => Assert.True(d.Delivered, $"{d.DeliveryId}: {d.StatusCode} {d.Error}"));
        Assert.Equal(["meeting.started", "meeting.ended"], (await http.GetFromJsonAsync<string[]>($"/meetings/{created.MeetingId}/events"))!);
    }

    [Fact]
    public async Task A_delivery_sent_to_two_instances_is_handled_by_one()
    {
        using var key = RSA.Create(2048);
        var first = Instance(key.ExportSubjectPublicKeyInfoPem());
        var second = Instance(key.ExportSubjectPublicKeyInfoPem());
        var json = RealtimeKitSampleEvents.Json(WebhookEvent.MeetingStarted);
        var meetingId = Guid.Parse(JsonNode.Parse(json)!["meeting"]!["id"]!.GetValue<string>());
        var body = Encoding.UTF8.GetBytes(json);
        var signature = Convert.ToBase64String(key.SignData(body, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

        async Task<string> SendAsync(WebApplicationFactory<Program> instance)
        {
            using var http = instance.CreateClient();
            using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/realtimekit") { Content = new ByteArrayContent(body) };
            request.Headers.Add("rtk-signature", signature);
            request.Headers.Add("rtk-uuid", "6f1c0a52-1111-4e3b-9c55-0d2f5a8b7c01");
            using var response = await http.SendAsync(request);
            return $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
        }

        var answers = new[] { await SendAsync(first), await SendAsync(second), await SendAsync(first) };

        Assert.Equal(["200 ok", "200 duplicate", "200 duplicate"], answers);
        var events = first.Services.GetRequiredService<MeetingEvents>().Of(meetingId).Concat(second.Services.GetRequiredService<MeetingEvents>().Of(meetingId));
        Assert.Equal(["meeting.started"], events);
    }
}
