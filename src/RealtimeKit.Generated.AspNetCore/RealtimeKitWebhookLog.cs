using Microsoft.Extensions.Logging;
using RealtimeKit.Generated;

namespace RealtimeKit.Generated.AspNetCore;

/// <summary>What the receiving endpoint logs, one source-generated method per message (no boxing, no parsing of the template per call, nothing when the level is off).</summary>
internal static partial class RealtimeKitWebhookLog
{
    /// <summary>The category of the endpoint's log.</summary>
    public const string Category = "RealtimeKit.Generated.AspNetCore.Webhooks";

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "RealtimeKit delivery rejected: the body is larger than {MaxBodyBytes} bytes")]
    public static partial void BodyTooLarge(ILogger logger, int maxBodyBytes);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "RealtimeKit delivery rejected ({Failure}): {Message}")]
    public static partial void Rejected(ILogger logger, RealtimeKitWebhookFailure failure, string message);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "RealtimeKit delivery {DeliveryId} could not be claimed: the delivery store failed; answering 503 so that it is retried")]
    public static partial void ClaimFailed(ILogger logger, Exception exception, string deliveryId);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "RealtimeKit delivery {DeliveryId} was handled already; answering 200 duplicate")]
    public static partial void Duplicate(ILogger logger, string deliveryId);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "RealtimeKit delivery {DeliveryId} is being handled by another attempt; answering 503 so that it is retried")]
    public static partial void InProgress(ILogger logger, string deliveryId);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "RealtimeKit delivery {DeliveryId} ({Event}): the request was aborted before the handler returned; a retry is handled")]
    public static partial void AbortedInHandler(ILogger logger, Exception exception, string? deliveryId, WebhookEvent? @event);

    [LoggerMessage(EventId = 7, Level = LogLevel.Error, Message = "RealtimeKit delivery {DeliveryId} ({Event}) failed in its handler; answering 500 so that it is retried")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string? deliveryId, WebhookEvent? @event);

    [LoggerMessage(EventId = 8, Level = LogLevel.Warning, Message = "RealtimeKit delivery {DeliveryId}: the handler outlasted its claim's lease and another attempt took the delivery over; it may have been handled twice (raise ClaimLease)")]
    public static partial void LeaseOutlasted(ILogger logger, string deliveryId);

    [LoggerMessage(EventId = 9, Level = LogLevel.Error, Message = "RealtimeKit delivery {DeliveryId} was handled but could not be recorded as handled: the delivery store failed; a copy arriving after the claim's lease ends is handled again")]
    public static partial void CompleteFailed(ILogger logger, Exception exception, string deliveryId);

    [LoggerMessage(EventId = 10, Level = LogLevel.Error, Message = "RealtimeKit delivery {DeliveryId}: its claim could not be released: the delivery store failed; retries are answered 503 until the claim's lease ends")]
    public static partial void ReleaseFailed(ILogger logger, Exception exception, string deliveryId);

    [LoggerMessage(EventId = 11, Level = LogLevel.Warning, Message = "RealtimeKit delivery {DeliveryId} was handled but the delivery store failed to record it; asking again in {Pause}")]
    public static partial void CompleteRetried(ILogger logger, Exception exception, string deliveryId, TimeSpan pause);
}
