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
}
