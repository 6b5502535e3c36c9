using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RealtimeKit.Generated.Testing;
using StackExchange.Redis;

namespace RealtimeKit.Generated.Tests.ReadmeExamples;

/// <summary>
/// What the README's C# examples take as given (a builder, a client, ids, a logger, …): each
/// example is compiled as the body of a class deriving from this one (see ReadmeExamplesTests).
/// Never run: the examples are compiled, so that one the library no longer accepts fails CI.
/// </summary>
#pragma warning disable CS0649, CA1051, IDE1006, SA1401 // never assigned: the examples are compiled, not run
public abstract class ReadmeContext
{
    protected string[] args = [];
    protected WebApplicationBuilder builder = null!;
    protected IServiceCollection services = null!;
    protected IConfiguration configuration = null!;
    protected IRealtimeKitClient client = null!;
    protected IRealtimeKitClient rtk = null!;
    protected ILogger logger = null!;
    protected RealtimeKitSandbox sandbox = null!;
    protected ConfigurationOptions redisOptions = null!;
    protected string accountId = "";
    protected string appId = "";
    protected string presetId = "";
    protected string sessionId = "";
    protected string accessKey = "";
    protected string secret = "";
    protected Guid meetingId;
    protected DateTimeOffset startedAt;
    protected DateTimeOffset? endedAt;
    protected Uri receiverUrl = null!;
    protected IEnumerable<Registration> registrations = [];

    protected static Task SendJoinLinkAsync(string attendee, string joinToken) => Task.CompletedTask;

    protected static Task DownloadAsync(Uri url, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>An attendee's registration, as the bulk-add example reads it.</summary>
    public sealed record Registration(string Email, string DisplayName);
}
#pragma warning restore CS0649, CA1051, IDE1006, SA1401
