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
        var hasToken = !string.IsNullOrEmpty(options.ApiToken);
        var hasKey = !string.IsNullOrEmpty(options.ApiKey) || !string.IsNullOrEmpty(options.ApiEmail);
        if (!hasToken && !hasKey)
        {
            failures.Add("RealtimeKitClientOptions.ApiToken is required: set it to a Cloudflare API token with the Realtime permission.");
        }
        else if (hasToken && hasKey)
        {
            failures.Add("RealtimeKitClientOptions: set either ApiToken or ApiEmail with ApiKey, not both.");
        }
        else if (hasToken && !IsHeaderSafe(options.ApiToken!))
        {
            failures.Add("RealtimeKitClientOptions.ApiToken contains whitespace or control characters; check how it was copied.");
        }
        else if (hasKey && (string.IsNullOrEmpty(options.ApiKey) || string.IsNullOrEmpty(options.ApiEmail)))
        {
            failures.Add("RealtimeKitClientOptions: the legacy credential needs both ApiEmail and ApiKey.");
        }
        else if (hasKey && (!IsHeaderSafe(options.ApiKey!) || !IsHeaderSafe(options.ApiEmail!)))
        {
            failures.Add("RealtimeKitClientOptions.ApiEmail or ApiKey contains whitespace or control characters.");
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

        return failures;
    }

    private static bool IsHeaderSafe(string value) => !value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c));
}
