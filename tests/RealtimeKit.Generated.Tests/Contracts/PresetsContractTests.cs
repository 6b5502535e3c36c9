using Newtonsoft.Json.Linq;
using RealtimeKit.Generated.Tests.Infrastructure;

namespace RealtimeKit.Generated.Tests.Contracts;

/// <summary>IPresetsClient against WireMock: the request on the wire and the model read back from the document's example.</summary>
public sealed class PresetsContractTests : ContractTestBase
{
    private const string Preset = AppPath + "/presets/" + PresetId;

    [Fact]
    [ContractFor("getPreset")]
    public async Task GetPresetAsync_sends_GET_with_the_preset_id_and_reads_the_whole_preset()
    {
        var example = Answer("getPreset", "GET", Preset);

        var result = await Client.Presets.GetPresetAsync(Account, App, PresetId);

        AssertSent("GET", Preset, jsonBody: null);
        Wire.AssertModelMatchesExample(example, result);
        AssertExamplePreset(result.Data);
    }

    [Fact]
    [ContractFor("updatePreset")]
    public async Task UpdatePresetAsync_sends_PATCH_with_only_the_nested_fields_set()
    {
        var example = Answer("updatePreset", "PATCH", Preset);

        var result = await Client.Presets.UpdatePresetAsync(Account, App, PresetId, new UpdatePresetRequest
        {
            Permissions = new PresetPermissionsUpdate { CanRecord = false },
            Ui = new PresetUiUpdate { DesignTokens = new PresetDesignTokensUpdate { Theme = Theme.Light } },
        });

        const string sent = "{\"permissions\":{\"can_record\":false},\"ui\":{\"design_tokens\":{\"theme\":\"light\"}}}";
        AssertSent("PATCH", Preset, sent);
        Wire.AssertSameJson(DocumentExamples.RequestBody("updatePreset"), sent);
        Wire.AssertModelMatchesExample(example, result);
        AssertExamplePreset(result.Data);
    }

    [Fact]
    [ContractFor("replacePreset")]
    public async Task ReplacePresetAsync_sends_PUT_with_the_whole_preset_tree()
    {
        var example = Answer("replacePreset", "PUT", Preset);
        var data = (JObject)Wire.Json(example)["data"]!;
        var body = RealtimeKitJson.Deserialize<Preset>(data.ToString())!;

        var result = await Client.Presets.ReplacePresetAsync(Account, App, PresetId, body);

        var sent = Api.SingleRequest().RequestMessage.Body!;
        AssertSent("PUT", Preset, RealtimeKitJson.Serialize(body));
        data.Remove("id");
        data.Remove("created_at");
        data.Remove("updated_at");
        Wire.AssertSameJson(data.ToString(), sent);
        Assert.Equal("#222222", (string?)Wire.Json(sent)["ui"]!["design_tokens"]!["colors"]!["background"]!["600"]);
        Wire.AssertModelMatchesExample(example, result);
        AssertExamplePreset(result.Data);
    }

    [Fact]
    [ContractFor("deletePreset")]
    public async Task DeletePresetAsync_sends_DELETE_without_a_body_and_reads_the_removed_preset()
    {
        var example = Answer("deletePreset", "DELETE", Preset);

        var result = await Client.Presets.DeletePresetAsync(Account, App, PresetId);

        AssertSent("DELETE", Preset, jsonBody: null);
        Wire.AssertModelMatchesExample(example, result);
        AssertExamplePreset(result.Data);
    }

    private static void AssertExamplePreset(PresetDetails preset)
    {
        Assert.Equal(Guid.Parse(PresetId), preset.Id);
        Assert.Equal(PresetViewType.GroupCall, preset.Config.ViewType);
        Assert.Equal("#d37c30", preset.Ui.DesignTokens.Colors.Brand.Shade600);
        Assert.Equal(PluginAccessControl.FullAccess, preset.Permissions.Plugins.Config["c60d0f5c-ee1b-4088-bb93-4eed8407ea67"].AccessControl);
    }

    [Fact]
    [ContractFor("createPreset")]
    public async Task CreatePresetAsync_sends_the_whole_preset_tree_and_reads_201()
    {
        var example = Answer("createPreset", "POST", AppPath + "/presets");
        var data = (Newtonsoft.Json.Linq.JObject)Wire.Json(example)["data"]!;
        var body = RealtimeKitJson.Deserialize<Preset>(data.ToString())!;

        var result = await Client.Presets.CreatePresetAsync(Account, App, body);

        var request = Api.SingleRequest();
        Wire.AssertRequest(request, "POST", AppPath + "/presets", Api.Token, request.RequestMessage.Body);
        var sent = Wire.Json(request.RequestMessage.Body!);
        data.Remove("id");
        data.Remove("created_at");
        data.Remove("updated_at");
        Wire.AssertSameJson(data.ToString(), sent.ToString());
        Assert.Equal("#222222", (string?)sent["ui"]!["design_tokens"]!["colors"]!["background"]!["600"]);
        Wire.AssertModelMatchesExample(example, result);
        var preset = result.Data;
        Assert.Equal(Guid.Parse("b60cadcb-6c9e-45fd-b79a-61f1b9640d6a"), preset.Id);
        Assert.Equal(PresetViewType.GroupCall, preset.Config.ViewType);
        Assert.Equal("#d37c30", preset.Ui.DesignTokens.Colors.Brand.Shade600);
        Assert.Equal(PluginAccessControl.FullAccess, preset.Permissions.Plugins.Config["c60d0f5c-ee1b-4088-bb93-4eed8407ea67"].AccessControl);
    }

    [Fact]
    [ContractFor("listPresets")]
    public async Task ListPresetsAsync_sends_its_query_parameters()
    {
        var example = Answer("listPresets", "GET", AppPath + "/presets");

        var result = await Client.Presets.ListPresetsAsync(Account, App, perPage: 50, search: "host");

        Wire.AssertRequest(Api.SingleRequest(), "GET", AppPath + "/presets", Api.Token, jsonBody: null, query: "per_page=50&search=host");
        Wire.AssertModelMatchesExample(example, result);
        Assert.Equal(2, result.Data.Count);
    }
}
