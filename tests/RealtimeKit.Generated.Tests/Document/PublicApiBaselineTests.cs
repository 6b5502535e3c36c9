using System.Diagnostics;
using RealtimeKit.Generated.Tests.Infrastructure;

namespace RealtimeKit.Generated.Tests;

/// <summary>
/// A regeneration that changes the public surface fails the build until the baseline is
/// updated on purpose: removing a property from the document is reported by the public API
/// analyzer, naming the removed member.
/// </summary>
public sealed class PublicApiBaselineTests
{
    [Fact]
    public async Task Removing_a_property_from_the_document_fails_the_build_naming_the_member()
    {
        var work = Directory.CreateTempSubdirectory("rtk-api-");
        try
        {
            CopyRepositoryPart(work.FullName);
            var document = Path.Combine(work.FullName, "openapi", "realtimekit.yaml");
            var text = await File.ReadAllTextAsync(document);
            var changed = text
                .Replace("      required: [id, name, url, events, enabled, created_at, updated_at]", "      required: [id, url, events, enabled, created_at, updated_at]", StringComparison.Ordinal)
                .Replace("        name:\n          type: string\n          description: Name of the webhook\n        url:\n          type: string\n          format: uri\n          description: URL the webhook will send events to\n        events:\n          type: array\n          description: Events this webhook will send updates for",
                         "        url:\n          type: string\n          format: uri\n          description: URL the webhook will send events to\n        events:\n          type: array\n          description: Events this webhook will send updates for", StringComparison.Ordinal);
            Assert.NotEqual(text, changed);
            await File.WriteAllTextAsync(document, changed);

            var (exitCode, output) = await BuildAsync(work.FullName);

            Assert.NotEqual(0, exitCode);
            Assert.Contains("RS0017", output, StringComparison.Ordinal);
            Assert.Contains("RealtimeKit.Generated.Webhook.Name.get -> string!", output, StringComparison.Ordinal);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_baseline_covers_generated_and_hand_written_types_and_keeps_plumbing_out()
    {
        var shipped = File.ReadAllLines(Path.Combine(Repository.Root, "src", "RealtimeKit.Generated", "PublicAPI.Shipped.txt"));

        Assert.Contains("RealtimeKit.Generated.Webhook.CreatedAt.get -> System.DateTimeOffset", shipped);
        Assert.Contains("static RealtimeKit.Generated.WebhookEvent.MeetingStarted.get -> RealtimeKit.Generated.WebhookEvent", shipped);
        Assert.Contains(shipped, line => line.StartsWith("RealtimeKit.Generated.IWebhooksClient.EditWebhookAsync(", StringComparison.Ordinal));
        Assert.Contains(shipped, line => line.StartsWith("RealtimeKit.Generated.RealtimeKitApiException.ApiMessage.get", StringComparison.Ordinal));
        Assert.DoesNotContain(shipped, line => line.Contains("NewtonsoftJsonConverter", StringComparison.Ordinal) || line.Contains("Validate(string", StringComparison.Ordinal) || line.Contains("ObjectResponseResult", StringComparison.Ordinal));
    }

    private static void CopyRepositoryPart(string target)
    {
        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json", "NuGet.config", "nswag.json", ".editorconfig", "README.md" })
        {
            File.Copy(Path.Combine(Repository.Root, file), Path.Combine(target, file));
        }

        foreach (var folder in new[] { "openapi", "templates", Path.Combine("src", "RealtimeKit.Generated") })
        {
            CopyFolder(Path.Combine(Repository.Root, folder), Path.Combine(target, folder));
        }
    }

    private static void CopyFolder(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        foreach (var folder in Directory.GetDirectories(source).Where(d => Path.GetFileName(d) is not ("bin" or "obj")))
        {
            CopyFolder(folder, Path.Combine(target, Path.GetFileName(folder)));
        }
    }

    private static async Task<(int ExitCode, string Output)> BuildAsync(string root)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "build", Path.Combine("src", "RealtimeKit.Generated", "RealtimeKit.Generated.csproj"), "-nologo" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        using var process = Process.Start(start)!;
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var stdout = process.StandardOutput.ReadToEndAsync(limit.Token);
        var stderr = process.StandardError.ReadToEndAsync(limit.Token);
        await process.WaitForExitAsync(limit.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
