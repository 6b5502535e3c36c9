using System.Text;

namespace RealtimeKit.Generated.Benchmarks;

/// <summary>The documented example bodies the in-memory API answers with.</summary>
internal static class ExampleBodies
{
    public const string Webhook =
        "{\"id\":\"0d1f069d-43bb-489a-ad8c-7eb95592ba8e\",\"created_at\":\"2022-05-28T07:01:53.075Z\",\"enabled\":true," +
        "\"events\":[\"meeting.started\",\"meeting.ended\",\"meeting.participantJoined\",\"meeting.participantLeft\",\"meeting.chatSynced\"," +
        "\"recording.statusUpdate\",\"livestreaming.statusUpdate\",\"meeting.transcript\",\"meeting.summary\"]," +
        "\"name\":\"All events webhook\",\"updated_at\":\"2022-05-28T07:01:53.075Z\",\"url\":\"https://webhook.site/b23a5bbd-c7b0-4ced-a9e2-78ae7889897e\"}";

    public static readonly byte[] WebhookEnvelope = Encoding.UTF8.GetBytes("{\"data\":" + Webhook + ",\"success\":true}");

    /// <summary>The "Add a webhook" page's 401 body, verbatim.</summary>
    public static readonly byte[] Unauthorized = Encoding.UTF8.GetBytes("\"{\\n  message: \\\"Unauthorized\\\"\\n}\\n\"");

    /// <summary>The add request's body as the library sends it, for the transport floor.</summary>
    public static readonly byte[] AddRequest = Encoding.UTF8.GetBytes(
        "{\"name\":\"All events webhook\",\"url\":\"https://webhook.site/b23a5bbd-c7b0-4ced-a9e2-78ae7889897e\",\"events\":[\"meeting.started\",\"meeting.ended\"," +
        "\"meeting.participantJoined\",\"meeting.participantLeft\",\"meeting.chatSynced\",\"recording.statusUpdate\",\"livestreaming.statusUpdate\",\"meeting.transcript\",\"meeting.summary\"]}");

    /// <summary>The edit request's body as the library sends it.</summary>
    public static readonly byte[] EditRequest = Encoding.UTF8.GetBytes("{\"enabled\":false}");

    public static byte[] List(int count)
    {
        var builder = new StringBuilder("{\"success\":true,\"data\":[");
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            builder.Append(Webhook.Replace("0d1f069d-43bb-489a-ad8c-7eb95592ba8e", Guid.NewGuid().ToString(), StringComparison.Ordinal));
        }

        return Encoding.UTF8.GetBytes(builder.Append("]}").ToString());
    }
}
