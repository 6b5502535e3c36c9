namespace RealtimeKit.Generated;

/// <summary>
/// The whole RealtimeKit API: one generated client per resource, all sending through the same
/// configured <see cref="HttpClient"/> pipeline. Register it with
/// <c>services.AddRealtimeKit(…)</c> and inject it, or inject the one resource client you need
/// (<see cref="IMeetingsClient"/>, <see cref="IWebhooksClient"/>, …).
/// </summary>
public interface IRealtimeKitClient
{
    /// <summary>The apps of an account.</summary>
    IAppsClient Apps { get; }

    /// <summary>Meetings and the participants added to them.</summary>
    IMeetingsClient Meetings { get; }

    /// <summary>Presets: the view, media settings, permissions and look a participant joins with.</summary>
    IPresetsClient Presets { get; }

    /// <summary>Sessions, their participants, peer reports, chat, transcript and summary.</summary>
    ISessionsClient Sessions { get; }

    /// <summary>Recordings of meetings.</summary>
    IRecordingsClient Recordings { get; }

    /// <summary>Livestreams, their sessions and their analytics.</summary>
    ILivestreamsClient Livestreams { get; }

    /// <summary>The live session of a meeting: kick, mute, polls.</summary>
    IActiveSessionClient ActiveSession { get; }

    /// <summary>Usage of an app, day by day.</summary>
    IAnalyticsClient Analytics { get; }

    /// <summary>Webhooks that RealtimeKit calls when events happen.</summary>
    IWebhooksClient Webhooks { get; }
}
