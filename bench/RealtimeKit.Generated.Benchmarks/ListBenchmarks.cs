using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;

namespace RealtimeKit.Generated.Benchmarks;

/// <summary>List with 1, 100 and 10,000 webhooks: the cost that grows with the body.</summary>
[MemoryDiagnoser]
public class ListBenchmarks
{
    private ServiceProvider _provider = null!;
    private IWebhooksClient _library = null!;
    private HandWrittenNewtonsoft _baseline = null!;
    private HandWrittenPolly _careful = null!;
    private SystemTextJsonSourceGenerated _floor = null!;
    private RealtimeKit.Peers.Kiota.KiotaRealtimeKitClient _kiota = null!;
    private RealtimeKit.Peers.NSwagDefault.Client _nswag = null!;
    private TransportOnly _transport = null!;

    [Params(1, 100, 10_000)]
    public int Webhooks { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var api = new InMemoryApi(ExampleBodies.List(Webhooks));
        (_provider, _library) = Library.Create(api);
        _baseline = new HandWrittenNewtonsoft(api);
        _careful = new HandWrittenPolly(api);
        _floor = new SystemTextJsonSourceGenerated(api);
        _kiota = Peers.Kiota(api);
        _nswag = Peers.NSwag(api);
        _transport = new TransportOnly(api);
    }

    [GlobalCleanup]
    public void Cleanup() => _provider.Dispose();

    [Benchmark(Baseline = true)]
    public Task<NsEnvelope<List<NsWebhook>>> List_HandWrittenNewtonsoft() => _baseline.SendAsync<NsEnvelope<List<NsWebhook>>>(HttpMethod.Get, Contest.Collection, null);

    [Benchmark]
    public Task<NsEnvelope<List<NsWebhook>>> List_HandWrittenPolly() => _careful.SendAsync<NsEnvelope<List<NsWebhook>>>(HttpMethod.Get, Contest.Collection, null);

    [Benchmark]
    public Task<WebhookListResponse> List_Library() => _library.ListWebhooksAsync(Contest.Account, Contest.App);

    [Benchmark]
    public Task<StjListEnvelope> List_SystemTextJsonSourceGen() => _floor.SendAsync(HttpMethod.Get, Contest.Collection, null, StjContext.Default.StjListEnvelope);

    [Benchmark]
    public Task<RealtimeKit.Peers.Kiota.Models.WebhookListResponse?> List_Kiota() => _kiota.Accounts[Contest.Account].Realtime.Kit[Contest.App].Webhooks.GetAsync();

    [Benchmark]
    public Task<RealtimeKit.Peers.NSwagDefault.WebhookListResponse> List_NSwagDefault() => _nswag.ListWebhooksAsync(Contest.Account, Contest.App);

    [Benchmark]
    public Task<long> List_TransportOnly() => _transport.SendAsync(HttpMethod.Get, Contest.Collection, null);
}
