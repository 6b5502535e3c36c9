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

    [Fact]
    [ContractFor("listApps")]
    public async Task ListAppsAsync_sends_its_query_parameters_and_reads_the_page()
    {
        var example = Answer("listApps", "GET", Kit + "/apps");

        var result = await Client.Apps.ListAppsAsync(Account, pageNo: 2, perPage: 10, search: "my first", sortOrder: SortOrder.Descending);

        Wire.AssertRequest(Api.SingleRequest(), "GET", Kit + "/apps", Api.Token, jsonBody: null, query: "page_no=2&per_page=10&search=my%20first&sort_order=DESC");
        Wire.AssertModelMatchesExample(example, result);
        var app = Assert.Single(result.Data!);
        Assert.Equal("my-app-id", app.Id);
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 8, 16, 40, 644, TimeSpan.Zero), app.CreatedAt);
        Assert.Equal(1, result.Paging!.TotalCount);
    }

    [Fact]
    public async Task ListAppsAsync_leaves_out_every_parameter_not_given()
    {
        Answer("listApps", "GET", Kit + "/apps");

        await Client.Apps.ListAppsAsync(Account);

        Wire.AssertRequest(Api.SingleRequest(), "GET", Kit + "/apps", Api.Token, jsonBody: null, query: null);
    }

    [Fact]
    [ContractFor("createApp")]
    public async Task CreateAppAsync_sends_POST_with_the_name_and_reads_the_app_inside_data_app()
    {
        var example = Answer("createApp", "POST", Kit + "/apps");

        var result = await Client.Apps.CreateAppAsync(Account, new CreateAppRequest { Name = "my-first-app" });

        Wire.AssertRequest(Api.SingleRequest(), "POST", Kit + "/apps", Api.Token, "{\"name\":\"my-first-app\"}");
        Wire.AssertSameJson(DocumentExamples.RequestBody("createApp"), "{\"name\":\"my-first-app\"}");
        Wire.AssertModelMatchesExample(example, result);
        Assert.Equal(App, result.Data!.App!.Id);
    }
}
