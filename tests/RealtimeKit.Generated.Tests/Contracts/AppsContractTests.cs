using RealtimeKit.Generated.Tests.Infrastructure;

namespace RealtimeKit.Generated.Tests.Contracts;

/// <summary>IAppsClient against WireMock: the request on the wire and the model read back from the document's example.</summary>
public sealed class AppsContractTests : ContractTestBase
{
    [Fact]
    [ContractFor("getApp")]
    public async Task GetAppAsync_sends_GET_with_the_app_id_under_apps_and_reads_the_app()
    {
        const string path = Kit + "/apps/" + App;
        var example = Answer("getApp", "GET", path);

        var result = await Client.Apps.GetAppAsync(Account, App);

        AssertSent("GET", path, jsonBody: null);
        Wire.AssertModelMatchesExample(example, result);
        Assert.True(result.Success);
        Assert.Equal(App, result.Data!.Id);
        Assert.Equal("my-first-app", result.Data.Name);
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 8, 16, 40, 644, TimeSpan.Zero), result.Data.CreatedAt);
    }
}
