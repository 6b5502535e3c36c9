using System.Diagnostics;
using System.Diagnostics.Metrics;
using Polly;

namespace RealtimeKit.Generated;

/// <summary>
/// The client's activity source and meter (<see cref="RealtimeKitDiagnostics.Name"/>) and every
/// span, event and measurement of a call: one <c>RealtimeKit {operationId}</c> activity (kind
/// Client) per call, the parent of the attempts' HTTP activities that <see cref="HttpClient"/>
/// starts; a <c>realtimekit.retry</c> event per retry and a <c>realtimekit.rate_budget.wait</c>
/// event when the call waited for a permit. Tags follow OpenTelemetry's HTTP client conventions
/// where a name exists; no token, query value or body is ever a tag.
/// </summary>
internal static class RealtimeKitTelemetry
{
    internal const string OperationTag = "realtimekit.operation";
    internal const string AccountIdTag = "realtimekit.account_id";
    internal const string AppIdTag = "realtimekit.app_id";
    internal const string MethodTag = "http.request.method";
    internal const string StatusCodeTag = "http.response.status_code";
    internal const string ServerAddressTag = "server.address";
    internal const string ServerPortTag = "server.port";
    internal const string ErrorTypeTag = "error.type";
    internal const string RetryEvent = "realtimekit.retry";
    internal const string RetryAttemptTag = "realtimekit.retry.attempt";
    internal const string BudgetWaitEvent = "realtimekit.rate_budget.wait";
    internal const string BudgetWaitDurationTag = "realtimekit.rate_budget.wait.duration";
    internal const string BudgetPermitTag = "realtimekit.rate_budget.permit";

    internal static readonly ActivitySource Source = new(RealtimeKitDiagnostics.Name, RealtimeKitDiagnostics.Version);

    internal static readonly Meter Meter = new(RealtimeKitDiagnostics.Name, RealtimeKitDiagnostics.Version);

    /// <summary>Each call's time, from the first attempt to the model read (or the failure).</summary>
    internal static readonly Histogram<double> OperationDuration = Meter.CreateHistogram(
        "realtimekit.client.operation.duration",
        unit: "s",
        description: "The time of a RealtimeKit API call: every attempt, the waits between them and the reading of the answer.",
        tags: null,
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = RealtimeKitDiagnostics.DurationBucketBoundaries });

    /// <summary>Each retry of a call (not its first attempt).</summary>
    internal static readonly Counter<long> Retries = Meter.CreateCounter<long>(
        "realtimekit.client.retries",
        unit: "{retry}",
        description: "Attempts of RealtimeKit API calls sent again after a retryable outcome.");

    /// <summary>The time an attempt waited for a permit of the rate budget.</summary>
    internal static readonly Histogram<double> BudgetWait = Meter.CreateHistogram(
        "realtimekit.client.rate_budget.wait.duration",
        unit: "s",
        description: "The time an attempt waited for a permit of the RealtimeKit rate budget.",
        tags: null,
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = RealtimeKitDiagnostics.DurationBucketBoundaries });

    private static readonly List<WeakReference<RealtimeKitRateBudget>> _budgets = [];

    static RealtimeKitTelemetry()
    {
        Meter.CreateObservableGauge(
            "realtimekit.client.rate_budget.permits",
            ObservePermits,
            unit: "{permit}",
            description: "Permits of the RealtimeKit rate budget to be had now, as this process knows them.");
    }

    /// <summary>Whether a call is worth an activity or a measurement: false when nobody listens, and the call then costs nothing more.</summary>
    public static bool IsObserved => Source.HasListeners() || OperationDuration.Enabled;

    /// <summary>Starts the activity of one call (null when no listener samples it) and makes it current.</summary>
    public static Activity? StartOperation(RealtimeKitRequestMessage request, string operationId)
    {
        var activity = Source.StartActivity(string.Concat("RealtimeKit ", operationId), ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(OperationTag, operationId);
            activity.SetTag(MethodTag, request.Method.Method);
            if (request.AccountId is { } accountId)
            {
                activity.SetTag(AccountIdTag, accountId);
            }

            if (request.AppId is { } appId)
            {
                activity.SetTag(AppIdTag, appId);
            }

            if (request.Context.HttpClient.BaseAddress is { IsAbsoluteUri: true } baseAddress)
            {
                activity.SetTag(ServerAddressTag, baseAddress.Host);
                activity.SetTag(ServerPortTag, baseAddress.Port);
            }
        }

        return activity;
    }

    /// <summary>Ends a call: its activity's status and tags, and its duration measured.</summary>
    /// <param name="activity">The call's activity, if any.</param>
    /// <param name="operationId">The operation.</param>
    /// <param name="statusCode">The status code of the answer read; 0 when none arrived.</param>
    /// <param name="failure">The exception the call ends in; null on success.</param>
    /// <param name="started">The <see cref="Stopwatch"/> timestamp of the call's start.</param>
    public static void Ended(Activity? activity, string operationId, int statusCode, Exception? failure, long started)
    {
        if (statusCode == 0 && failure is RealtimeKitApiException { StatusCode: > 0 } api)
        {
            statusCode = api.StatusCode;
        }

        var errorType = failure is null ? null : ErrorType(statusCode, failure);
        if (activity is { IsAllDataRequested: true })
        {
            if (statusCode != 0)
            {
                activity.SetTag(StatusCodeTag, statusCode);
            }

            if (errorType is not null)
            {
                activity.SetTag(ErrorTypeTag, errorType);
                activity.SetStatus(ActivityStatusCode.Error, errorType);
            }
        }

        if (OperationDuration.Enabled)
        {
            var tags = new TagList { { OperationTag, operationId } };
            if (statusCode != 0)
            {
                tags.Add(StatusCodeTag, statusCode);
            }

            if (errorType is not null)
            {
                tags.Add(ErrorTypeTag, errorType);
            }

            OperationDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
        }
    }

    /// <summary>A retry of <paramref name="request"/> after <paramref name="outcome"/>: counted, and an event of the current activity.</summary>
    public static void Retried(HttpRequestMessage? request, Outcome<HttpResponseMessage> outcome, int attempt)
    {
        var operationId = (request as RealtimeKitRequestMessage)?.OperationId;
        var statusCode = outcome.Result is { } response ? (int)response.StatusCode : 0;
        var reason = statusCode != 0 ? null : outcome.Exception?.GetType().FullName;
        if (Retries.Enabled)
        {
            var tags = new TagList { { OperationTag, operationId } };
            if (statusCode != 0)
            {
                tags.Add(StatusCodeTag, statusCode);
            }
            else if (reason is not null)
            {
                tags.Add(ErrorTypeTag, reason);
            }

            Retries.Add(1, tags);
        }

        if (Activity.Current is { IsAllDataRequested: true, Source.Name: RealtimeKitDiagnostics.Name } activity)
        {
            var tags = new ActivityTagsCollection { { RetryAttemptTag, attempt + 1 } };
            if (statusCode != 0)
            {
                tags.Add(StatusCodeTag, statusCode);
            }
            else if (reason is not null)
            {
                tags.Add(ErrorTypeTag, reason);
            }

            activity.AddEvent(new ActivityEvent(RetryEvent, tags: tags));
        }
    }

    /// <summary>Whether the wait for a permit is worth timing.</summary>
    public static bool BudgetWaitObserved => BudgetWait.Enabled || Activity.Current is { IsAllDataRequested: true };

    /// <summary>An attempt waited <paramref name="waited"/> for a permit (and got one, or not).</summary>
    public static void WaitedForPermit(RealtimeKitRequestMessage? request, TimeSpan waited, bool granted)
    {
        if (BudgetWait.Enabled)
        {
            BudgetWait.Record(waited.TotalSeconds, new TagList { { OperationTag, request?.OperationId }, { BudgetPermitTag, granted } });
        }

        // A permit had at once is no event: only a wait (or a refusal) shows in the trace.
        if ((waited >= TimeSpan.FromMilliseconds(1) || !granted) && Activity.Current is { IsAllDataRequested: true, Source.Name: RealtimeKitDiagnostics.Name } activity)
        {
            activity.AddEvent(new ActivityEvent(BudgetWaitEvent, tags: new ActivityTagsCollection { { BudgetWaitDurationTag, waited.TotalSeconds }, { BudgetPermitTag, granted } }));
        }
    }

    /// <summary>Registers a budget for the permits gauge, for as long as it lives.</summary>
    public static void Track(RealtimeKitRateBudget budget)
    {
        lock (_budgets)
        {
            _budgets.RemoveAll(static reference => !reference.TryGetTarget(out _));
            _budgets.Add(new WeakReference<RealtimeKitRateBudget>(budget));
        }
    }

    /// <summary>OpenTelemetry's <c>error.type</c>: the status code of an error answer, else the exception's type.</summary>
    private static string ErrorType(int statusCode, Exception failure) =>
        statusCode >= 400 ? statusCode.ToString(System.Globalization.CultureInfo.InvariantCulture) : failure.GetType().FullName ?? failure.GetType().Name;

    /// <summary>A budget's permits; a budget that fails to say (one derived elsewhere, disposed) is left out: a gauge never throws into the exporter.</summary>
    private static long? Permits(RealtimeKitRateBudget budget)
    {
        try
        {
            return budget.CurrentPermits;
        }
        catch (ObjectDisposedException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static IEnumerable<Measurement<long>> ObservePermits()
    {
        List<Measurement<long>> measurements = [];
        lock (_budgets)
        {
            foreach (var reference in _budgets)
            {
                if (reference.TryGetTarget(out var budget) && Permits(budget) is { } permits)
                {
                    measurements.Add(new Measurement<long>(permits, new KeyValuePair<string, object?>("realtimekit.rate_budget.type", budget.GetType().Name)));
                }
            }
        }

        return measurements;
    }
}
