using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace RealtimeKit.Generated.Tests.Infrastructure;

/// <summary>
/// What the per-client contract tests share: a WireMock server per test, the client as users get
/// it, the ids of the document's examples, and the stub that answers an operation with the
/// document's own success example at its documented status.
/// </summary>
public abstract class ContractTestBase : IDisposable
{
    protected const string Account = SpecExamples.AccountId;
    protected const string App = SpecExamples.AppId;
    protected const string Kit = "/client/v4/accounts/" + Account + "/realtime/kit";
    protected const string AppPath = Kit + "/" + App;
    protected const string MeetingIdText = "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e";
    protected const string MeetingPath = AppPath + "/meetings/" + MeetingIdText;
    protected const string ParticipantId = "aa70173a-a323-4ab5-833a-e78ef9ccc11e";
    protected const string PresetId = "b60cadcb-6c9e-45fd-b79a-61f1b9640d6a";
    protected const string SessionId = "8cb91f4f-e220-4f9b-a896-5b893cc47618";
    protected const string PeerId = "e8b48a9f-ec7a-4c2d-b910-9bf9378ac0ce";
    protected const string RecordingId = "93adcbd6-930c-41ff-8615-58c6c71bddc6";
    protected const string LivestreamId = "78dd0b50-4147-4bb8-88d3-2ccc2e98bff0";
    protected const string LivestreamSessionId = "d5c4ebde-36da-4b4e-b04c-7b7782624973";
    protected static readonly Guid MeetingId = Guid.Parse(MeetingIdText);

    private readonly ApiServer _api = ApiServer.Start();

    private protected ApiServer Api => _api;

    protected IRealtimeKitClient Client => _api.Get<IRealtimeKitClient>();

    public void Dispose()
    {
        _api.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Answers the operation at exactly this method and path with the document's example at the documented status; returns the example.</summary>
    protected string Answer(string operationId, string method, string path)
    {
        var body = DocumentExamples.SuccessBody(operationId);
        _api.Server
            .Given(Request.Create().WithPath(path).UsingMethod(method))
            .RespondWith(Response.Create().WithStatusCode(DocumentExamples.SuccessStatus(operationId)).WithHeader("Content-Type", "application/json").WithBody(body));
        return body;
    }

    /// <summary>The one request sent: method, path, exact query, the headers every request carries, and the body to the byte.</summary>
    protected void AssertSent(string method, string path, string? jsonBody, string? query = null) =>
        Wire.AssertRequest(_api.SingleRequest(), method, path, _api.Token, jsonBody, query);
}
