namespace RealtimeKit.Generated.Benchmarks;

/// <summary>
/// Part of <c>--smoke</c>: every contestant's case gives the same answer (the webhook's id, the
/// list's length, the 401's status, the transport's byte count), so a contestant that did less
/// work than the others (a request not sent, a body not read) fails CI instead of winning.
/// </summary>
internal static class ContestantChecks
{
    public static async Task<int> RunAsync()
    {
        var failures = new List<string>();
        var calls = new CallBenchmarks();
        calls.Setup();
        try
        {
            var id = Contest.WebhookId;
            foreach (var (name, got) in new (string, Guid)[]
            {
                ("Get_HandWrittenNewtonsoft", (await calls.Get_HandWrittenNewtonsoft()).Data.Id),
                ("Get_Library", (await calls.Get_Library()).Data.Id),
                ("Get_Kiota", (await calls.Get_Kiota())!.Data!.Id!.Value),
                ("Get_NSwagDefault", (await calls.Get_NSwagDefault()).Data.Id),
                ("Add_Kiota", (await calls.Add_Kiota())!.Data!.Id!.Value),
                ("Add_NSwagDefault", (await calls.Add_NSwagDefault()).Data.Id),
                ("Edit_Kiota", (await calls.Edit_Kiota())!.Data!.Id!.Value),
                ("Edit_NSwagDefault", (await calls.Edit_NSwagDefault()).Data.Id),
            })
            {
                Check(name, got == id, $"webhook id {got}");
            }

            foreach (var (name, status) in new (string, int)[]
            {
                ("Unauthorized_Library", await calls.Unauthorized_Library()),
                ("Unauthorized_Kiota", await calls.Unauthorized_Kiota()),
                ("Unauthorized_NSwagDefault", await calls.Unauthorized_NSwagDefault()),
            })
            {
                Check(name, status == 401, $"status {status}");
            }

            Check("Get_TransportOnly", await calls.Get_TransportOnly() == ExampleBodies.WebhookEnvelope.Length, "bytes read");
            Check("Unauthorized_TransportOnly", await calls.Unauthorized_TransportOnly() == ExampleBodies.Unauthorized.Length, "bytes read");
        }
        finally
        {
            calls.Cleanup();
        }

        var list = new ListBenchmarks { Webhooks = 100 };
        list.Setup();
        try
        {
            Check("List_Library", (await list.List_Library()).Data.Count == 100, "count");
            Check("List_Kiota", (await list.List_Kiota())!.Data!.Count == 100, "count");
            Check("List_NSwagDefault", (await list.List_NSwagDefault()).Data.Count == 100, "count");
        }
        finally
        {
            list.Cleanup();
        }

        foreach (var failure in failures)
        {
            Console.Error.WriteLine($"contestant check failed: {failure}");
        }

        Console.WriteLine($"contestant checks: {(failures.Count == 0 ? "every contestant gave the same answers" : $"{failures.Count} failed")}");
        return failures.Count == 0 ? 0 : 1;

        void Check(string name, bool ok, string what)
        {
            if (!ok)
            {
                failures.Add($"{name}: {what}");
            }
        }
    }
}
