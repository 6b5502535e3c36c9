using MeetingService;
using RealtimeKit.Generated;

// A downstream service: it creates a meeting with its attendees (added in bulk, under the rate
// budget, each once), hands out their join tokens, and receives RealtimeKit's webhooks, each
// delivery handled once across its instances (deduplication in Redis).
var builder = WebApplication.CreateBuilder(args);

// "RealtimeKit": ApiToken, BaseAddress, AccountId, AppId, … (RealtimeKitClientOptions, plus the service's own ids).
builder.Services.AddRealtimeKit(builder.Configuration.GetSection("RealtimeKit"));
builder.Services.Configure<MeetingServiceOptions>(builder.Configuration.GetSection("RealtimeKit"));

// Deliveries are verified with the service's public key (fetched from PublicKeyUrl, or pinned as PublicKeyPem).
builder.Services.AddRealtimeKitWebhooks(options => builder.Configuration.GetSection("RealtimeKit:Webhooks").Bind(options));
builder.Services.AddRealtimeKitWebhookRedisDeduplication(builder.Configuration.GetConnectionString("Redis")
    ?? throw new InvalidOperationException("ConnectionStrings:Redis is required (the delivery store)."));
builder.Services.AddSingleton<MeetingEvents>();
builder.Services.AddHealthChecks().AddRealtimeKitRedisDeliveryStore();

var app = builder.Build();
app.MapPost("/meetings", MeetingEndpoints.CreateAsync);
app.MapGet("/meetings/{meetingId:guid}/events", (Guid meetingId, MeetingEvents events) => events.Of(meetingId));
app.MapRealtimeKitWebhooks("/webhooks/realtimekit", (delivery, context) =>
{
    context.RequestServices.GetRequiredService<MeetingEvents>().Record(delivery);
    return Task.CompletedTask;
});
app.MapHealthChecks("/healthz");
app.Run();

/// <summary>The entry point, for WebApplicationFactory in the tests.</summary>
public partial class Program;
