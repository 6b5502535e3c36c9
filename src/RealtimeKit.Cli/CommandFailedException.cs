namespace RealtimeKit.Cli;

/// <summary>A command that ran but did not do all it was asked (e.g. rows of an import failed): exit code 1, with the message.</summary>
internal sealed class CommandFailedException(string message) : Exception(message);
