using Newtonsoft.Json.Linq;

namespace RealtimeKit.Generated.Testing;

/// <summary>Apps of an account: created and listed (by name, in either order).</summary>
internal sealed partial class SandboxOperations
{
    private void RegisterApps(Dictionary<string, SandboxOperation> table)
    {
        table.Add("listApps", call => Paged(call.Route, [.. Search(store.List(SandboxResourceStore.Apps(call.Account)), call.Query, "name", order: true)], call.Query, pagingInData: false));
        table.Add("createApp", call => Ok(call.Route, new JObject { ["app"] = store.Add(SandboxResourceStore.Apps(call.Account), NewApp((string)call.Json["name"]!)) }));
        table.Add("getApp", call => Found(call.Route, "app", call.App, store.Get(SandboxResourceStore.Apps(call.Account), call.App)));
    }

    public JObject NewApp(string name) => new() { ["id"] = Guid.NewGuid().ToString("D"), ["name"] = name, ["created_at"] = Now() };
}
