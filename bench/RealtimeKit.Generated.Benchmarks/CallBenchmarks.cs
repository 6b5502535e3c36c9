using System.Net;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.Extensions.DependencyInjection;

namespace RealtimeKit.Generated.Benchmarks;

/// <summary>One call each of add, edit, get and a 401 mapped to its exception: the library against a hand-written baseline, a hand-written client with Polly retries and timeout, the clients Kiota and NSwag's stock templates generate from the same document, the System.Text.Json floor and the transport floor.</summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class CallBenchmarks
{
    private ServiceProvider _provider = null!;
    private ServiceProvider _unauthorizedProvider = null!;
    private IWebhooksClient _library = null!;
    private IWebhooksClient _libraryUnauthorized = null!;
    private IWebhooksClient _libraryBare = null!;
    private ServiceProvider _factoryLoggersProvider = null!;
    private IWebhooksClient _libraryFactoryLoggers = null!;
    private ServiceProvider _noResilienceProvider = null!;
    private IWebhooksClient _libraryNoResilience = null!;
    private HttpClient _bareHttp = null!;
    private HandWrittenNewtonsoft _baseline = null!;
    private HandWrittenNewtonsoft _baselineUnauthorized = null!;
    private HandWrittenPolly _careful = null!;
    private HandWrittenPolly _carefulUnauthorized = null!;
    private SystemTextJsonSourceGenerated _floor = null!;
    private SystemTextJsonSourceGenerated _floorUnauthorized = null!;
    private RealtimeKit.Peers.Kiota.KiotaRealtimeKitClient _kiota = null!;
    private RealtimeKit.Peers.Kiota.KiotaRealtimeKitClient _kiotaUnauthorized = null!;
    private RealtimeKit.Peers.NSwagDefault.Client _nswag = null!;
    private RealtimeKit.Peers.NSwagDefault.Client _nswagUnauthorized = null!;
    private TransportOnly _transport = null!;
    private TransportOnly _transportUnauthorized = null!;

    [GlobalSetup]
    public void Setup()
    {
        var ok = new InMemoryApi(ExampleBodies.WebhookEnvelope);
        var unauthorized = new InMemoryApi(ExampleBodies.Unauthorized, HttpStatusCode.Unauthorized);
        (_provider, _library) = Library.Create(ok);
        (_unauthorizedProvider, _libraryUnauthorized) = Library.Create(unauthorized);
        (_factoryLoggersProvider, _libraryFactoryLoggers) = Library.Create(ok, builder => builder.AddDefaultLogger());
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is experimental
        (_noResilienceProvider, _libraryNoResilience) = Library.Create(ok, builder => builder.RemoveAllResilienceHandlers());
#pragma warning restore EXTEXP0001
        _bareHttp = RealtimeKitHttpClient.Create(new RealtimeKitClientOptions { ApiToken = Contest.Token, BaseAddress = Contest.BaseAddress }, ok);
        _libraryBare = new WebhooksClient(_bareHttp);
        _baseline = new HandWrittenNewtonsoft(ok);
        _baselineUnauthorized = new HandWrittenNewtonsoft(unauthorized);
        _careful = new HandWrittenPolly(ok);
        _carefulUnauthorized = new HandWrittenPolly(unauthorized);
        _floor = new SystemTextJsonSourceGenerated(ok);
        _floorUnauthorized = new SystemTextJsonSourceGenerated(unauthorized);
        _kiota = Peers.Kiota(ok);
        _kiotaUnauthorized = Peers.Kiota(unauthorized);
        _nswag = Peers.NSwag(ok);
        _nswagUnauthorized = Peers.NSwag(unauthorized);
        _transport = new TransportOnly(ok);
        _transportUnauthorized = new TransportOnly(unauthorized);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _provider.Dispose();
        _unauthorizedProvider.Dispose();
        _factoryLoggersProvider.Dispose();
        _noResilienceProvider.Dispose();
    }

    [BenchmarkCategory("add"), Benchmark(Baseline = true)]
    public Task<NsEnvelope<NsWebhook>> Add_HandWrittenNewtonsoft() =>
        _baseline.SendAsync(HttpMethod.Post, Contest.Collection, new NsAdd { Name = "All events webhook", Url = "https://webhook.site/b23a5bbd-c7b0-4ced-a9e2-78ae7889897e", Events = Contest.AllEvents });

    [BenchmarkCategory("add"), Benchmark]
    public Task<NsEnvelope<NsWebhook>> Add_HandWrittenPolly() =>
        _careful.SendAsync(HttpMethod.Post, Contest.Collection, new NsAdd { Name = "All events webhook", Url = "https://webhook.site/b23a5bbd-c7b0-4ced-a9e2-78ae7889897e", Events = Contest.AllEvents });

    [BenchmarkCategory("add"), Benchmark]
    public Task<WebhookResponse> Add_Library() =>
        _library.AddWebhookAsync(Contest.Account, Contest.App, new AddWebhookRequest
        {
            Name = "All events webhook",
            Url = new Uri("https://webhook.site/b23a5bbd-c7b0-4ced-a9e2-78ae7889897e"),
            Events = [.. WebhookEvent.KnownValues],
        });

    [BenchmarkCategory("add"), Benchmark]
    public Task<StjEnvelope> Add_SystemTextJsonSourceGen() =>
        _floor.SendAsync(HttpMethod.Post, Contest.Collection, new StjAdd { Name = "All events webhook", Url = "https://webhook.site/b23a5bbd-c7b0-4ced-a9e2-78ae7889897e", Events = Contest.AllEvents }, StjContext.Default.StjEnvelope);

    [BenchmarkCategory("add"), Benchmark]
    public Task<RealtimeKit.Peers.Kiota.Models.WebhookResponse?> Add_Kiota() =>
        _kiota.Accounts[Contest.Account].Realtime.Kit[Contest.App].Webhooks.PostAsync(new RealtimeKit.Peers.Kiota.Models.AddWebhookRequest
        {
            Name = "All events webhook",
            Url = "https://webhook.site/b23a5bbd-c7b0-4ced-a9e2-78ae7889897e",
            Events = [.. Peers.KiotaAllEvents],
        });

    [BenchmarkCategory("add"), Benchmark]
    public Task<RealtimeKit.Peers.NSwagDefault.WebhookResponse> Add_NSwagDefault() =>
        _nswag.AddWebhookAsync(new RealtimeKit.Peers.NSwagDefault.AddWebhookRequest
        {
            Name = "All events webhook",
            Url = new Uri("https://webhook.site/b23a5bbd-c7b0-4ced-a9e2-78ae7889897e"),
            Events = [.. Peers.NSwagAllEvents],
        }, Contest.Account, Contest.App);

    [BenchmarkCategory("add"), Benchmark]
    public Task<long> Add_TransportOnly() => _transport.SendAsync(HttpMethod.Post, Contest.Collection, ExampleBodies.AddRequest);

    [BenchmarkCategory("edit"), Benchmark(Baseline = true)]
    public Task<NsEnvelope<NsWebhook>> Edit_HandWrittenNewtonsoft() => _baseline.SendAsync(HttpMethod.Patch, Contest.Single, new NsEdit { Enabled = false });

    [BenchmarkCategory("edit"), Benchmark]
    public Task<NsEnvelope<NsWebhook>> Edit_HandWrittenPolly() => _careful.SendAsync(HttpMethod.Patch, Contest.Single, new NsEdit { Enabled = false });

    [BenchmarkCategory("edit"), Benchmark]
    public Task<WebhookResponse> Edit_Library() => _library.EditWebhookAsync(Contest.Account, Contest.App, Contest.WebhookId, new EditWebhookRequest { Enabled = false });

    [BenchmarkCategory("edit"), Benchmark]
    public Task<StjEnvelope> Edit_SystemTextJsonSourceGen() => _floor.SendAsync(HttpMethod.Patch, Contest.Single, new StjEdit { Enabled = false }, StjContext.Default.StjEnvelope);

    [BenchmarkCategory("edit"), Benchmark]
    public Task<RealtimeKit.Peers.Kiota.Models.WebhookResponse?> Edit_Kiota() =>
        _kiota.Accounts[Contest.Account].Realtime.Kit[Contest.App].Webhooks[Contest.WebhookId].PatchAsync(new RealtimeKit.Peers.Kiota.Models.EditWebhookRequest { Enabled = false });

    [BenchmarkCategory("edit"), Benchmark]
    public Task<RealtimeKit.Peers.NSwagDefault.WebhookResponse> Edit_NSwagDefault() =>
        _nswag.EditWebhookAsync(new RealtimeKit.Peers.NSwagDefault.EditWebhookRequest { Enabled = false }, Contest.Account, Contest.App, Contest.WebhookId);

    [BenchmarkCategory("edit"), Benchmark]
    public Task<long> Edit_TransportOnly() => _transport.SendAsync(HttpMethod.Patch, Contest.Single, ExampleBodies.EditRequest);

    [BenchmarkCategory("get"), Benchmark(Baseline = true)]
    public Task<NsEnvelope<NsWebhook>> Get_HandWrittenNewtonsoft() => _baseline.SendAsync(HttpMethod.Get, Contest.Single, null);

    [BenchmarkCategory("get"), Benchmark]
    public Task<NsEnvelope<NsWebhook>> Get_HandWrittenPolly() => _careful.SendAsync(HttpMethod.Get, Contest.Single, null);

    [BenchmarkCategory("get"), Benchmark]
    public Task<WebhookResponse> Get_Library() => _library.GetWebhookAsync(Contest.Account, Contest.App, Contest.WebhookId);

    /// <summary>Diagnostic: the generated client over a plain HttpClient with only the auth handler (no IHttpClientFactory logging, no resilience pipeline).</summary>
    [BenchmarkCategory("get"), Benchmark]
    public Task<WebhookResponse> Get_LibraryWithoutPipeline() => _libraryBare.GetWebhookAsync(Contest.Account, Contest.App, Contest.WebhookId);

    /// <summary>Diagnostic: AddRealtimeKit with IHttpClientFactory's own two logging handlers added back (what it registered before issue 16).</summary>
    [BenchmarkCategory("get"), Benchmark]
    public Task<WebhookResponse> Get_LibraryWithFactoryLoggers() => _libraryFactoryLoggers.GetWebhookAsync(Contest.Account, Contest.App, Contest.WebhookId);

    /// <summary>Diagnostic: AddRealtimeKit without the resilience handler.</summary>
    [BenchmarkCategory("get"), Benchmark]
    public Task<WebhookResponse> Get_LibraryWithoutResilience() => _libraryNoResilience.GetWebhookAsync(Contest.Account, Contest.App, Contest.WebhookId);

    [BenchmarkCategory("get"), Benchmark]
    public Task<StjEnvelope> Get_SystemTextJsonSourceGen() => _floor.SendAsync(HttpMethod.Get, Contest.Single, null, StjContext.Default.StjEnvelope);

    [BenchmarkCategory("get"), Benchmark]
    public Task<RealtimeKit.Peers.Kiota.Models.WebhookResponse?> Get_Kiota() => _kiota.Accounts[Contest.Account].Realtime.Kit[Contest.App].Webhooks[Contest.WebhookId].GetAsync();

    [BenchmarkCategory("get"), Benchmark]
    public Task<RealtimeKit.Peers.NSwagDefault.WebhookResponse> Get_NSwagDefault() => _nswag.GetWebhookAsync(Contest.Account, Contest.App, Contest.WebhookId);

    [BenchmarkCategory("get"), Benchmark]
    public Task<long> Get_TransportOnly() => _transport.SendAsync(HttpMethod.Get, Contest.Single, null);

    [BenchmarkCategory("401"), Benchmark(Baseline = true)]
    public async Task<int> Unauthorized_HandWrittenNewtonsoft()
    {
        try
        {
            await _baselineUnauthorized.SendAsync(HttpMethod.Get, Contest.Single, null).ConfigureAwait(false);
            return 0;
        }
        catch (HttpRequestException ex)
        {
            return (int)ex.StatusCode!;
        }
    }

    [BenchmarkCategory("401"), Benchmark]
    public async Task<int> Unauthorized_HandWrittenPolly()
    {
        try
        {
            await _carefulUnauthorized.SendAsync(HttpMethod.Get, Contest.Single, null).ConfigureAwait(false);
            return 0;
        }
        catch (HttpRequestException ex)
        {
            return (int)ex.StatusCode!;
        }
    }

    [BenchmarkCategory("401"), Benchmark]
    public async Task<int> Unauthorized_Library()
    {
        try
        {
            await _libraryUnauthorized.GetWebhookAsync(Contest.Account, Contest.App, Contest.WebhookId).ConfigureAwait(false);
            return 0;
        }
        catch (RealtimeKitUnauthorizedException ex)
        {
            return ex.StatusCode;
        }
    }

    [BenchmarkCategory("401"), Benchmark]
    public async Task<int> Unauthorized_SystemTextJsonSourceGen()
    {
        try
        {
            await _floorUnauthorized.SendAsync(HttpMethod.Get, Contest.Single, null, StjContext.Default.StjEnvelope).ConfigureAwait(false);
            return 0;
        }
        catch (HttpRequestException ex)
        {
            return (int)ex.StatusCode!;
        }
    }

    [BenchmarkCategory("401"), Benchmark]
    public async Task<int> Unauthorized_Kiota()
    {
        try
        {
            await _kiotaUnauthorized.Accounts[Contest.Account].Realtime.Kit[Contest.App].Webhooks[Contest.WebhookId].GetAsync().ConfigureAwait(false);
            return 0;
        }
        catch (Microsoft.Kiota.Abstractions.ApiException ex)
        {
            return ex.ResponseStatusCode;
        }
    }

    [BenchmarkCategory("401"), Benchmark]
    public async Task<int> Unauthorized_NSwagDefault()
    {
        try
        {
            await _nswagUnauthorized.GetWebhookAsync(Contest.Account, Contest.App, Contest.WebhookId).ConfigureAwait(false);
            return 0;
        }
        catch (RealtimeKit.Peers.NSwagDefault.ApiException ex)
        {
            return ex.StatusCode;
        }
    }

    [BenchmarkCategory("401"), Benchmark]
    public Task<long> Unauthorized_TransportOnly() => _transportUnauthorized.SendAsync(HttpMethod.Get, Contest.Single, null);
}
