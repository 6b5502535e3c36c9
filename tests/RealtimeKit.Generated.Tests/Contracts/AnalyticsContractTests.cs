using RealtimeKit.Generated.Tests.Infrastructure;

namespace RealtimeKit.Generated.Tests.Contracts;

/// <summary>IAnalyticsClient against WireMock: the request on the wire and the model read back from the document's example.</summary>
public sealed class AnalyticsContractTests : ContractTestBase
{

    [Fact]
    [ContractFor("getDaywiseAnalytics")]
    public async Task GetDaywiseAnalyticsAsync_sends_dates_as_yyyy_MM_dd()
    {
        const string path = AppPath + "/analytics/daywise";
        var example = Answer("getDaywiseAnalytics", "GET", path);

        var result = await Client.Analytics.GetDaywiseAnalyticsAsync(Account, App, startDate: new DateOnly(2025, 3, 3), endDate: new DateOnly(2025, 3, 4));

        Wire.AssertRequest(Api.SingleRequest(), "GET", path, Api.Token, jsonBody: null, query: "start_date=2025-03-03&end_date=2025-03-04");
        Wire.AssertModelMatchesExample(example, result);
        Assert.Equal(12, result.Data!.SessionStats!.SessionsCount);
    }
}
