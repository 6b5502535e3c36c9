namespace RealtimeKit.Generated.Tests.Infrastructure;

/// <summary>The examples of the reference pages in ../shared/spec, verbatim.</summary>
internal static class SpecExamples
{
    public const string AccountId = "023e105f4ecef8ad9ca31a8372d0c353";
    public const string AppId = "5c9cdb5a-706c-48e9-94f9-3f1bbde8d0df"; // real app ids are UUIDs (36 characters)
    public static readonly Guid WebhookId = Guid.Parse("0d1f069d-43bb-489a-ad8c-7eb95592ba8e");
    public const string WebhookUrl = "https://webhook.site/b23a5bbd-c7b0-4ced-a9e2-78ae7889897e";

    /// <summary>The success body of "Add a webhook" and "Edit a webhook".</summary>
    public const string WebhookEnvelope = """
        {
          "data": {
            "id": "0d1f069d-43bb-489a-ad8c-7eb95592ba8e",
            "created_at": "2022-05-28T07:01:53.075Z",
            "enabled": true,
            "events": [
              "meeting.started",
              "meeting.ended",
              "meeting.participantJoined",
              "meeting.participantLeft",
              "meeting.chatSynced",
              "recording.statusUpdate",
              "livestreaming.statusUpdate",
              "meeting.transcript",
              "meeting.summary"
            ],
            "name": "All events webhook",
            "updated_at": "2022-05-28T07:01:53.075Z",
            "url": "https://webhook.site/b23a5bbd-c7b0-4ced-a9e2-78ae7889897e"
          },
          "success": true
        }
        """;

    /// <summary>The 401 body of "Add a webhook": a JSON string holding an object with an unquoted key.</summary>
    public const string UnauthorizedAddPage = "\"{\\n  message: \\\"Unauthorized\\\"\\n}\\n\"";

    /// <summary>The 401 body of "Edit a webhook": a JSON string holding an object with a quoted key.</summary>
    public const string UnauthorizedEditPage = "\"{\\n  \\\"message\\\": \\\"Unauthorized\\\"\\n}\\n\"";

    /// <summary>The 400 example of the published schema's replace operation.</summary>
    public const string BadRequestReplace = """{"success": false, "error": {"code": 400, "message": "BAD_REQUEST \"id\" must be a valid GUID"}}""";

    /// <summary>Cloudflare's API gateway envelope.</summary>
    public const string GatewayAuthenticationError = """{"success": false, "errors": [{"code": 10000, "message": "Authentication error"}], "messages": [], "result": null}""";

    public static readonly string[] AllEventNames =
    [
        "meeting.started",
        "meeting.ended",
        "meeting.participantJoined",
        "meeting.participantLeft",
        "meeting.chatSynced",
        "recording.statusUpdate",
        "livestreaming.statusUpdate",
        "meeting.transcript",
        "meeting.summary",
    ];

    /// <summary>The list envelope, with the pages' example webhook as its one entry.</summary>
    public static string WebhookListEnvelope => "{\"success\": true, \"data\": [" + WebhookData + "]}";

    /// <summary>The <c>data</c> object of <see cref="WebhookEnvelope"/>.</summary>
    public static string WebhookData => Newtonsoft.Json.Linq.JObject.Parse(WebhookEnvelope)["data"]!.ToString();

    public static string EventListEnvelope => "{\"success\": true, \"data\": [" + string.Join(", ", AllEventNames.Select(e => "\"" + e + "\"")) + "]}";
}
