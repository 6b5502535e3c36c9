using BenchmarkDotNet.Running;
using RealtimeKit.Generated.Benchmarks;

// --smoke: every case once, in this process, to prove they run (CI). No timing is judged.
// --load:  the concurrency run against the sandbox on loopback.
// anything else goes to BenchmarkDotNet, e.g. --filter '*'.
if (args.Contains("--load"))
{
    return await LoadTest.RunAsync(args);
}

if (args.Contains("--smoke"))
{
    var summaries = BenchmarkSwitcher.FromAssembly(typeof(CallBenchmarks).Assembly)
        .Run(["--filter", "*", "--job", "Dry", "--inProcess"]);
    var failed = summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success));
    var load = await LoadTest.RunAsync(["--requests", "400", "--callers", "8"]);
    return failed ? 1 : load;
}

BenchmarkSwitcher.FromAssembly(typeof(CallBenchmarks).Assembly).Run(args);
return 0;
