namespace RealtimeKit.Cli;

/// <summary>The CLI's exit codes.</summary>
internal static class ExitCodes
{
    /// <summary>It worked.</summary>
    public const int Success = 0;

    /// <summary>The API answered with an error, or could not be reached.</summary>
    public const int ApiError = 1;

    /// <summary>Bad usage, or input rejected before anything was sent.</summary>
    public const int Usage = 2;

    /// <summary>Cancelled with Ctrl+C.</summary>
    public const int Cancelled = 130;
}
