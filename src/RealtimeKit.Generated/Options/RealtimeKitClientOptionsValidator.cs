using Microsoft.Extensions.Options;

namespace RealtimeKit.Generated;

/// <summary>Checks <see cref="RealtimeKitClientOptions"/> at start-up, with messages that say what to set; never echoes a credential.</summary>
internal sealed class RealtimeKitClientOptionsValidator : IValidateOptions<RealtimeKitClientOptions>
{
    public ValidateOptionsResult Validate(string? name, RealtimeKitClientOptions options)
    {
        var failures = Check(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public static List<string> Check(RealtimeKitClientOptions options)
    {
        var failures = new List<string>();
        if (RealtimeKitCredential.Of(options).Problem is { } credentialProblem)
        {
            failures.Add(credentialProblem);
        }

        var address = options.BaseAddress;
        if (address is null)
        {
            failures.Add("RealtimeKitClientOptions.BaseAddress is required.");
        }
        else if (!address.IsAbsoluteUri)
        {
            failures.Add($"RealtimeKitClientOptions.BaseAddress must be an absolute URL; '{address.OriginalString}' is relative.");
        }
        else if (address.Scheme == Uri.UriSchemeHttp && !address.IsLoopback)
        {
            failures.Add($"RealtimeKitClientOptions.BaseAddress must use https; plain http is allowed only for loopback hosts, not '{address.Host}'.");
        }
        else if (address.Scheme != Uri.UriSchemeHttps && address.Scheme != Uri.UriSchemeHttp)
        {
            failures.Add($"RealtimeKitClientOptions.BaseAddress must be an https URL; '{address.Scheme}' is not supported.");
        }

        if (options.Timeout != System.Threading.Timeout.InfiniteTimeSpan && (options.Timeout <= TimeSpan.Zero || options.Timeout > TimeSpan.FromHours(24)))
        {
            failures.Add("RealtimeKitClientOptions.Timeout must be positive and at most 24 hours, or Timeout.InfiniteTimeSpan.");
        }

        if (options.Retry.MaxRetries is < 0 or > 10)
        {
            failures.Add("RealtimeKitClientOptions.Retry.MaxRetries must be between 0 and 10.");
        }

        if (options.Retry.BaseDelay < TimeSpan.Zero || options.Retry.BaseDelay > TimeSpan.FromMinutes(5))
        {
            failures.Add("RealtimeKitClientOptions.Retry.BaseDelay must be between 0 and 5 minutes.");
        }

        if (options.Retry.MaxRetryAfter < TimeSpan.Zero)
        {
            failures.Add("RealtimeKitClientOptions.Retry.MaxRetryAfter must not be negative.");
        }

        failures.AddRange(CheckRateLimit(options.RateLimit));
        return failures;
    }

    public static List<string> CheckRateLimit(RealtimeKitRateLimitOptions rateLimit)
    {
        var failures = new List<string>();
        if (!rateLimit.Enabled)
        {
            return failures;
        }

        if (rateLimit.PermitsPerWindow < 1)
        {
            failures.Add("RealtimeKitClientOptions.RateLimit.PermitsPerWindow must be at least 1 (or set RateLimit.Enabled to false).");
        }

        if (rateLimit.Window < TimeSpan.FromMilliseconds(20) || rateLimit.Window > TimeSpan.FromDays(1))
        {
            failures.Add("RealtimeKitClientOptions.RateLimit.Window must be between 20 milliseconds and 1 day.");
        }

        if (rateLimit.QueueLimit < 0)
        {
            failures.Add("RealtimeKitClientOptions.RateLimit.QueueLimit must not be negative.");
        }

        return failures;
    }
}
