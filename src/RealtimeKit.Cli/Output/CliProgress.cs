using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace RealtimeKit.Cli;

/// <summary>
/// How far a long command has come, on standard error so that standard output stays the result:
/// a Spectre.Console progress bar with rate and time left when standard error is a terminal;
/// otherwise plain lines (at most one every two seconds, and one at the end), or nothing.
/// </summary>
internal abstract class CliProgress
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _total;
    private int _done;
    private int _failed;

    private CliProgress(string label, int total)
    {
        Label = label;
        _total = total;
    }

    protected string Label { get; }

    /// <summary>How many items there are; a list learns it from its first page.</summary>
    public int Total
    {
        get => Volatile.Read(ref _total);
        set
        {
            Volatile.Write(ref _total, value);
            Changed();
        }
    }

    protected int Done => Volatile.Read(ref _done);

    protected int Failed => Volatile.Read(ref _failed);

    /// <summary>For an import: the bar on a terminal, plain lines elsewhere (a CI log shows how far it came).</summary>
    public static CliProgress ForImport(CliEnvironment environment, int total) =>
        environment.ErrorIsTerminal ? new Bar("Adding participants", total) : new Lines(environment.Error, total);

    /// <summary>For <c>--all</c> on a list: the bar on a terminal, nothing elsewhere.</summary>
    public static CliProgress ForListing(CliEnvironment environment) =>
        environment.ErrorIsTerminal ? new Bar("Reading pages", 0) : new Silent();

    /// <summary>Runs <paramref name="work"/>, which reports items as they end.</summary>
    public abstract Task<T> RunAsync<T>(Func<CliProgress, Task<T>> work);

    /// <summary><paramref name="count"/> items have ended, <paramref name="failed"/> of them failed.</summary>
    public void Ended(int count = 1, int failed = 0)
    {
        Interlocked.Add(ref _done, count);
        Interlocked.Add(ref _failed, failed);
        Changed();
    }

    protected abstract void Changed();

    protected TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>Items per second so far.</summary>
    protected double Rate => Done / Math.Max(_clock.Elapsed.TotalSeconds, 0.001);

    /// <summary>"18.5/s, about 1m43s left".</summary>
    protected string RateAndTimeLeft()
    {
        var rate = Rate;
        var left = rate > 0 && Done < Total ? TimeSpan.FromSeconds((Total - Done) / rate) : TimeSpan.Zero;
        return string.Create(CultureInfo.InvariantCulture, $"{rate:0.0}/s, about {Short(left)} left");
    }

    private static string Short(TimeSpan span) =>
        span.TotalHours >= 1 ? $"{(int)span.TotalHours}h{span.Minutes:00}m" : span.TotalMinutes >= 1 ? $"{(int)span.TotalMinutes}m{span.Seconds:00}s" : $"{span.Seconds}s";

    /// <summary>Plain lines, for a pipe, a file or CI's log.</summary>
    private sealed class Lines(TextWriter error, int total) : CliProgress("added", total)
    {
        private static readonly TimeSpan _every = TimeSpan.FromSeconds(2);
        private readonly Lock _gate = new();
        private TimeSpan _last = TimeSpan.Zero;

        public override async Task<T> RunAsync<T>(Func<CliProgress, Task<T>> work)
        {
            var result = await work(this);
            lock (_gate)
            {
                Write();
            }

            return result;
        }

        protected override void Changed()
        {
            lock (_gate)
            {
                if (Elapsed - _last >= _every && Done < Total)
                {
                    _last = Elapsed;
                    Write();
                }
            }
        }

        private void Write() =>
            error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Label} {Done - Failed} of {Total} ({(Total == 0 ? 100 : Done * 100 / Total)} %), {Failed} failed, {RateAndTimeLeft()}"));
    }

    /// <summary>A live bar on the terminal.</summary>
    private sealed class Bar(string label, int total) : CliProgress(label, total)
    {
        private ProgressTask? _task;

        public override Task<T> RunAsync<T>(Func<CliProgress, Task<T>> work) =>
            AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(System.Console.Error) })
                .Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .StartAsync(async context =>
                {
                    _task = context.AddTask(Label, maxValue: Math.Max(Total, 1));
                    var result = await work(this);
                    _task.MaxValue = Math.Max(Done, 1);
                    _task.Value = _task.MaxValue;
                    Describe();
                    return result;
                });

        protected override void Changed()
        {
            if (_task is { } task)
            {
                task.MaxValue = Math.Max(Math.Max(Total, Done), 1);
                task.Value = Done;
                Describe();
            }
        }

        private void Describe() =>
            _task!.Description = Failed > 0
                ? string.Create(CultureInfo.InvariantCulture, $"{Label}: {Done - Failed} done, {Failed} failed, {Rate:0.0}/s")
                : string.Create(CultureInfo.InvariantCulture, $"{Label}: {Done} of {Total}, {Rate:0.0}/s");
    }

    /// <summary>No progress shown.</summary>
    private sealed class Silent() : CliProgress(string.Empty, 0)
    {
        public override Task<T> RunAsync<T>(Func<CliProgress, Task<T>> work) => work(this);

        protected override void Changed()
        {
        }
    }
}
