namespace RealtimeKit.Generated.Tests.Infrastructure;

/// <summary>
/// Tests that assert wall-clock bounds (a call ends within its timeout and a second) or load the
/// machine for long (the fault soak) run here, one at a time and after the parallel tests: on two
/// cores a test class compiling or starting a process beside them delays their timers by a second.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunsAloneCollection
{
    public const string Name = "Runs alone";
}
