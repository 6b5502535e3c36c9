namespace RealtimeKit.Generated.Tests;

/// <summary>The extensible enum generated from the document's WebhookEvent schema.</summary>
public sealed class WebhookEventTests
{
    [Fact]
    public void Values_compare_by_wire_name()
    {
        WebhookEvent fromString = "meeting.started";

        Assert.Equal(WebhookEvent.MeetingStarted, fromString);
        Assert.True(fromString == WebhookEvent.MeetingStarted);
        Assert.True(fromString != WebhookEvent.MeetingEnded);
        Assert.Equal(WebhookEvent.MeetingStarted.GetHashCode(), fromString.GetHashCode());
        Assert.NotEqual(WebhookEvent.MeetingStarted, new WebhookEvent("Meeting.Started"));
        Assert.Equal("meeting.started", fromString.ToString());
    }

    [Fact]
    public void Unknown_names_are_kept_and_marked_unknown()
    {
        var value = new WebhookEvent("meeting.future");

        Assert.False(value.IsKnown);
        Assert.True(WebhookEvent.MeetingSummary.IsKnown);
        Assert.Equal("meeting.future", value.ToString());
        Assert.Equal("\"meeting.future\"", RealtimeKitJson.Serialize(value));
        Assert.Equal(value, RealtimeKitJson.Deserialize<WebhookEvent>("\"meeting.future\""));
    }

    [Fact]
    public void The_default_value_is_empty_and_null_is_rejected()
    {
        Assert.Equal(string.Empty, default(WebhookEvent).ToString());
        Assert.False(default(WebhookEvent).IsKnown);
        Assert.Throws<ArgumentNullException>(() => new WebhookEvent(null!));
        Assert.Throws<Newtonsoft.Json.JsonSerializationException>(() => RealtimeKitJson.Deserialize<WebhookEvent>("42"));
    }
}
