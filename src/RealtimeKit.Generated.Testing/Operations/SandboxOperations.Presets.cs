using Newtonsoft.Json.Linq;

namespace RealtimeKit.Generated.Testing;

/// <summary>Presets: created, merged (only the leaves sent change), replaced, deleted and listed as summaries.</summary>
internal sealed partial class SandboxOperations
{
    private void RegisterPresets(Dictionary<string, SandboxOperation> table)
    {
        table.Add("listPresets", ListPresets);
        table.Add("createPreset", CreatePreset);
        table.Add("getPreset", call => Found(call.Route, "preset", call.Id("preset_id"), store.Get(Presets(call), call.Id("preset_id"))));
        table.Add("updatePreset", call => Found(call.Route, "preset", call.Id("preset_id"), store.Update(Presets(call), call.Id("preset_id"), p => DeepMerge(p, call.Json))));
        table.Add("replacePreset", call => Found(call.Route, "preset", call.Id("preset_id"), store.Update(Presets(call), call.Id("preset_id"), p => ReplacePreset(p, call.Json))));
        table.Add("deletePreset", call => Found(call.Route, "preset", call.Id("preset_id"), store.Remove(Presets(call), call.Id("preset_id"))));
    }

    private static string Presets(SandboxCall call) => SandboxResourceStore.Of(call.Account, call.App, "presets");

    private SandboxAnswer ListPresets(SandboxCall call)
    {
        var summaries = Search(store.List(Presets(call)), call.Query, "name", order: false)
            .Select(p => new JObject { ["id"] = p["id"], ["name"] = p["name"], ["created_at"] = p["created_at"], ["updated_at"] = p["updated_at"] })
            .ToList();
        return Paged(call.Route, summaries, call.Query, pagingInData: false);
    }

    private SandboxAnswer CreatePreset(SandboxCall call)
    {
        var preset = (JObject)call.Json.DeepClone();
        Stamp(preset, created: true);
        return Ok(call.Route, store.Add(Presets(call), preset));
    }

    private void ReplacePreset(JObject preset, JObject body)
    {
        foreach (var property in preset.Properties().Where(p => p.Name is not ("id" or "created_at" or "updated_at")).ToList())
        {
            property.Remove();
        }

        Merge(preset, body, []);
    }
}
