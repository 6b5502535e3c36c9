using Newtonsoft.Json.Linq;
using RealtimeKit.Generated.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace RealtimeKit.Generated.Tests.Contracts;

/// <summary>
/// StorageConfig's variants (the document's anyOf): each factory sends exactly its variant's
/// fields, and each variant answered (without credentials, as the service answers) is recognised.
/// </summary>
public sealed class StorageConfigVariantContractTests : ContractTestBase
{
    private const string Recordings = AppPath + "/recordings";
    private const string Recording = Recordings + "/" + RecordingId;

    // port is a number in the document (double? in the model): Newtonsoft writes 2222 as 2222.0,
    // a valid JSON number equal to 2222, like every other whole double the library sends.
    public static TheoryData<string, string> Sent => new()
    {
        { "aws", "{\"type\":\"aws\",\"bucket\":\"recordings\",\"path\":\"weekly\",\"region\":\"us-east-1\",\"access_key\":\"AKIA123\",\"secret\":\"s3cr3t\"}" },
        { "azure", "{\"type\":\"azure\",\"bucket\":\"recordings\",\"region\":\"westeurope\",\"access_key\":\"account\",\"secret\":\"s3cr3t\"}" },
        { "digitalocean", "{\"type\":\"digitalocean\",\"bucket\":\"recordings\",\"region\":\"nyc3\",\"access_key\":\"DO123\",\"secret\":\"s3cr3t\"}" },
        { "gcs", "{\"type\":\"gcs\",\"bucket\":\"recordings\",\"path\":\"weekly\",\"secret\":\"{\\\"type\\\":\\\"service_account\\\"}\"}" },
        { "sftp-password", "{\"type\":\"sftp\",\"host\":\"sftp.example.com\",\"port\":2222.0,\"username\":\"rtk\",\"auth_method\":\"PASSWORD\",\"password\":\"pa55\"}" },
        { "sftp-key", "{\"type\":\"sftp\",\"path\":\"/upload\",\"host\":\"sftp.example.com\",\"username\":\"rtk\",\"auth_method\":\"KEY\",\"password\":\"phrase\",\"private_key\":\"-----BEGIN KEY-----\"}" },
        { "sftp-key-no-passphrase", "{\"type\":\"sftp\",\"host\":\"sftp.example.com\",\"username\":\"rtk\",\"auth_method\":\"KEY\",\"private_key\":\"-----BEGIN KEY-----\"}" },
    };

    public static TheoryData<string, string> Answered => new()
    {
        { "{\"type\":\"aws\",\"bucket\":\"recordings\",\"region\":\"us-east-1\"}", "aws" },
        { "{\"type\":\"azure\",\"bucket\":\"recordings\",\"region\":\"westeurope\"}", "azure" },
        { "{\"type\":\"digitalocean\",\"bucket\":\"recordings\",\"region\":\"nyc3\"}", "digitalocean" },
        { "{\"type\":\"gcs\",\"bucket\":\"recordings\"}", "gcs" },
        { "{\"type\":\"sftp\",\"host\":\"sftp.example.com\",\"port\":22,\"username\":\"rtk\",\"auth_method\":\"PASSWORD\"}", "sftp:PASSWORD" },
        { "{\"type\":\"sftp\",\"host\":\"sftp.example.com\",\"username\":\"rtk\",\"auth_method\":\"KEY\"}", "sftp:KEY" },
        { "{\"auth_method\":\"KEY\",\"host\":\"sftp.example.com\"}", "sftp:KEY" },
        { "{\"type\":\"sftp\",\"host\":\"sftp.example.com\"}", "sftp" },
    };

    [Theory]
    [MemberData(nameof(Sent))]
    public async Task Each_variant_is_sent_with_exactly_its_fields(string variant, string json)
    {
        Answer("startRecording", "POST", Recordings);
        var storage = variant switch
        {
            "aws" => StorageConfig.Aws("recordings", "us-east-1", "AKIA123", "s3cr3t", path: "weekly"),
            "azure" => StorageConfig.Azure("recordings", "westeurope", "account", "s3cr3t"),
            "digitalocean" => StorageConfig.DigitalOcean("recordings", "nyc3", "DO123", "s3cr3t"),
            "gcs" => StorageConfig.Gcs("recordings", "{\"type\":\"service_account\"}", path: "weekly"),
            "sftp-password" => StorageConfig.SftpWithPassword("sftp.example.com", "rtk", "pa55", port: 2222),
            "sftp-key" => StorageConfig.SftpWithPrivateKey("sftp.example.com", "rtk", "-----BEGIN KEY-----", passphrase: "phrase", path: "/upload"),
            "sftp-key-no-passphrase" => StorageConfig.SftpWithPrivateKey("sftp.example.com", "rtk", "-----BEGIN KEY-----"),
            _ => throw new ArgumentOutOfRangeException(nameof(variant)),
        };

        await Client.Recordings.StartRecordingAsync(Account, App, new StartRecordingRequest { MeetingId = MeetingId, StorageConfig = storage });

        AssertSent("POST", Recordings, "{\"meeting_id\":\"" + MeetingIdText + "\",\"storage_config\":" + json + "}");
    }

    [Fact]
    public async Task A_variant_is_sent_in_a_meetings_recording_config()
    {
        Answer("createMeeting", "POST", AppPath + "/meetings");

        await Client.Meetings.CreateMeetingAsync(Account, App, new CreateMeetingRequest
        {
            Title = "Weekly sync",
            RecordingConfig = new RecordingConfig { StorageConfig = StorageConfig.Gcs("recordings", "key") },
        });

        AssertSent("POST", AppPath + "/meetings", "{\"title\":\"Weekly sync\",\"recording_config\":{\"storage_config\":{\"type\":\"gcs\",\"bucket\":\"recordings\",\"secret\":\"key\"}}}");
    }

    [Theory]
    [MemberData(nameof(Answered))]
    public async Task Each_variant_answered_is_recognised(string storageJson, string expected)
    {
        var body = JObject.Parse(DocumentExamples.SuccessBody("getRecording"));
        body["data"]!["storage_config"] = JToken.Parse(storageJson);
        Api.Server
            .Given(Request.Create().WithPath(Recording).UsingMethod("GET"))
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(body.ToString()));

        var result = await Client.Recordings.GetRecordingAsync(Account, App, RecordingId);

        var variant = result.Data!.StorageConfig!.Variant;
        Assert.Equal(new StorageConfigVariant(expected), variant);
        Assert.True(variant!.Value.IsKnown);
        Assert.Equal(expected.StartsWith("sftp", StringComparison.Ordinal), variant.Value.IsSftp);
    }

    [Fact]
    public void An_unknown_type_is_kept_and_no_type_is_no_variant()
    {
        var unknown = new StorageConfig { Type = new StorageType("r2"), Bucket = "recordings" }.Variant;

        Assert.Equal("r2", unknown.ToString());
        Assert.False(unknown!.Value.IsKnown);
        Assert.False(unknown.Value.IsSftp);
        Assert.Null(new StorageConfig().Variant);
    }

    [Fact]
    public void Each_factory_reads_back_as_its_variant()
    {
        Assert.Equal(StorageConfigVariant.Aws, StorageConfig.Aws("b", "r", "k", "s").Variant);
        Assert.Equal(StorageConfigVariant.Azure, StorageConfig.Azure("b", "r", "k", "s").Variant);
        Assert.Equal(StorageConfigVariant.DigitalOcean, StorageConfig.DigitalOcean("b", "r", "k", "s").Variant);
        Assert.Equal(StorageConfigVariant.Gcs, StorageConfig.Gcs("b", "s").Variant);
        Assert.Equal(StorageConfigVariant.SftpWithPassword, StorageConfig.SftpWithPassword("h", "u", "p").Variant);
        Assert.Equal(StorageConfigVariant.SftpWithPrivateKey, StorageConfig.SftpWithPrivateKey("h", "u", "k").Variant);
        Assert.Throws<ArgumentNullException>(() => StorageConfig.Aws("b", null!, "k", "s"));
    }
}
