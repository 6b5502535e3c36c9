using BenchmarkDotNet.Running;
using RealtimeKit.Generated.Benchmarks;

// --smoke: every case once, in this process, the contestants' answers compared, plus a small load run and the peak-memory run, to prove they run (CI). No timing is judged.
// --versus sandbox=URL prism=URL --token T: the sandbox against Prism (bench/versus-prism.sh starts both): ten requests, then the load.
// --load:  the concurrency run against the sandbox on loopback, library against hand-written.
// --bulk:  issue 25's figures: 2,000 participants added by 3 replicas against a sandbox limited to 100/10s (--mode redis|local|none, --redis host:port).
// --peak:  peak memory of reading the list of 10,000 webhooks, one process per contestant.
// --profile CallBenchmarks.Get_Library 20: one case in a loop, for a sampling profiler.
// --allocations CallBenchmarks.Unauthorized_Library 200000: one case that many times, its allocations by type (the runtime's allocation sampling).
// --interleaved CallBenchmarks get [rounds] [slice ms] [--listen]: one category's cases in turns, ratios per round (ListBenchmarks 10000 for the list); --listen with an ActivityListener and a MeterListener on RealtimeKit.Generated.
// anything else goes to BenchmarkDotNet, e.g. --filter '*'.
if (args.Contains("--bulk"))
{
    return await BulkAddRun.RunAsync(args);
}

if (args.Contains("--versus"))
{
    return await VersusPrism.RunAsync(args);
}

if (args.Contains("--load"))
{
    return await LoadTest.RunAsync(args);
}

if (args.Length == 3 && args[0] == "--profile")
{
    return await ProfileLoop.RunAsync(args[1], double.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture));
}

if (args.Length == 3 && args[0] == "--allocations")
{
    return await AllocationProfile.RunAsync(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture));
}

if (args.Length >= 3 && args[0] == "--interleaved")
{
    using var listening = args.Contains("--listen") ? new Listening() : null;
    args = [.. args.Where(a => a != "--listen")];
    var rounds = args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 40;
    var slice = TimeSpan.FromMilliseconds(args.Length > 4 ? int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture) : 200);
    return await Interleaved.RunAsync(args[1], args[2], rounds, slice);
}

if (args.Length == 2 && args[0] == "--peak-child")
{
    return await PeakMemory.RunChildAsync(args[1]);
}

if (args.Contains("--peak"))
{
    return await PeakMemory.RunAsync();
}

if (args.Contains("--check"))
{
    return await ContestantChecks.RunAsync();
}

if (args.Contains("--smoke"))
{
    var summaries = BenchmarkSwitcher.FromAssembly(typeof(CallBenchmarks).Assembly)
        .Run(["--filter", "*", "--job", "Dry", "--inProcess"]);
    var failed = summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success));
    failed |= await ContestantChecks.RunAsync() != 0;
    var load = await LoadTest.RunAsync(["--requests", "400", "--callers", "8"]);
    var peak = await PeakMemory.RunAsync();
    return failed ? 1 : load != 0 ? load : peak;
}

BenchmarkSwitcher.FromAssembly(typeof(CallBenchmarks).Assembly).Run(args);
return 0;
