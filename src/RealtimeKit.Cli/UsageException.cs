namespace RealtimeKit.Cli;

/// <summary>Input the CLI rejects before sending anything; the message names the option or variable to fix.</summary>
internal sealed class UsageException(string message) : Exception(message);
