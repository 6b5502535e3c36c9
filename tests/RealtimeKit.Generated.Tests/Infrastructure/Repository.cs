using System.Reflection;

namespace RealtimeKit.Generated.Tests.Infrastructure;

/// <summary>Paths the build put into this assembly's metadata.</summary>
internal static class Repository
{
    public static string Root => Metadata("RepoRoot");

    public static string NSwagDirectory => Metadata("NSwagDirectory");

    public static string CliAssembly => Metadata("CliAssembly");

    public static string ReceiverHostAssembly => Metadata("ReceiverHostAssembly");

    public static string OpenApiDocument => Path.Combine(Root, "openapi", "realtimekit.yaml");

    private static string Metadata(string key) =>
        typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"assembly metadata {key} is missing");
}
