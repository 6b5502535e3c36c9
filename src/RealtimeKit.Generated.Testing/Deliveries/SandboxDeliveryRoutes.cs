using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace RealtimeKit.Generated.Testing;

/// <summary>
/// The sandbox's own routes for deliveries (not part of the API), each a POST with a JSON body:
/// <list type="bullet">
/// <item><c>/__sandbox/deliveries</c> delivers a sample event (<c>appId</c>, <c>event</c>; <c>realtimekit webhooks trigger</c>);</item>
/// <item><c>/__sandbox/simulations</c> plays a meeting (<c>accountId</c>, <c>appId</c>, <c>meetingId</c>; <c>realtimekit meetings simulate</c>).</item>
/// </list>
/// </summary>
internal static class SandboxDeliveryRoutes
{
    public const string DeliveriesPath = "/__sandbox/deliveries";
    public const string SimulationsPath = "/__sandbox/simulations";

    public static bool Matches(string method, string path) => method == "POST" && path is DeliveriesPath or SimulationsPath;

    public static Task<SandboxAnswer> HandleAsync(RealtimeKitSandbox sandbox, TimeProvider time, string path, string? body) =>
        path == DeliveriesPath ? TriggerAsync(sandbox, time, body) : SimulateAsync(sandbox, body);

    private static async Task<SandboxAnswer> SimulateAsync(RealtimeKitSandbox sandbox, string? body)
    {
        string? accountId;
        string? appId;
        string? meetingId;
        try
        {
            var json = JObject.Parse(body ?? "{}");
            accountId = json["accountId"]?.ToString();
            appId = json["appId"]?.ToString();
            meetingId = json["meetingId"]?.ToString();
        }
        catch (JsonException)
        {
            return BadRequest("the request body is not valid JSON");
        }

        if (string.IsNullOrEmpty(accountId) || string.IsNullOrEmpty(appId) || !Guid.TryParse(meetingId, out var meeting))
        {
            return BadRequest("\"accountId\", \"appId\" and a \"meetingId\" UUID are required");
        }

        try
        {
            var simulation = await sandbox.SimulateMeetingAsync(accountId, appId, meeting).ConfigureAwait(false);
            return new SandboxAnswer(200, SandboxJson.Simulation(simulation));
        }
        catch (ArgumentException ex)
        {
            return new SandboxAnswer(404, SandboxJson.Error(404, $"NOT_FOUND {ex.Message}"));
        }
    }

    private static async Task<SandboxAnswer> TriggerAsync(RealtimeKitSandbox sandbox, TimeProvider time, string? body)
    {
        string? appId;
        string? name;
        try
        {
            var json = JObject.Parse(body ?? "{}");
            appId = json["appId"]?.ToString();
            name = json["event"]?.ToString();
        }
        catch (JsonException)
        {
            return BadRequest("the request body is not valid JSON");
        }

        if (string.IsNullOrEmpty(appId) || string.IsNullOrEmpty(name))
        {
            return BadRequest("\"appId\" and \"event\" are required");
        }

        var reports = await sandbox.DeliverAsync(appId, RealtimeKitSampleEvents.Json(new WebhookEvent(name), time.GetUtcNow())).ConfigureAwait(false);
        return new SandboxAnswer(200, SandboxJson.Deliveries(reports));
    }

    private static SandboxAnswer BadRequest(string message) => new(400, SandboxJson.Error(400, "BAD_REQUEST " + message));
}
