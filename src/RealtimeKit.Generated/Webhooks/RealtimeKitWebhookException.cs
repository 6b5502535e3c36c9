namespace RealtimeKit.Generated;

/// <summary>Why a delivery was rejected.</summary>
public enum RealtimeKitWebhookFailure
{
    /// <summary>The <c>rtk-signature</c> header is missing or empty.</summary>
    MissingSignature,

    /// <summary>The <c>rtk-signature</c> header is not base64.</summary>
    MalformedSignature,

    /// <summary>The signature does not match the body under the service's public key: a wrong key or a changed body.</summary>
    InvalidSignature,

    /// <summary>The public key could not be had: not pinned, and the key endpoint failed.</summary>
    KeyUnavailable,

    /// <summary>The signature is valid but the body is not a delivery this library can read.</summary>
    UnreadableBody,

    /// <summary>The body is larger than the configured limit.</summary>
    BodyTooLarge,
}

/// <summary>A webhook delivery was rejected; <see cref="Failure"/> says why. Nothing of an unverified body is parsed.</summary>
public sealed class RealtimeKitWebhookException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="failure">Why the delivery was rejected.</param>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The cause, or null.</param>
    public RealtimeKitWebhookException(RealtimeKitWebhookFailure failure, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
    }

    /// <summary>Why the delivery was rejected.</summary>
    public RealtimeKitWebhookFailure Failure { get; }
}
