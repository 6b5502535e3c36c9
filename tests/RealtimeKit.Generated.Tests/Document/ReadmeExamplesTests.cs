using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RealtimeKit.Generated.Tests.Infrastructure;
using RealtimeKit.Generated.Tests.ReadmeExamples;

namespace RealtimeKit.Generated.Tests;

/// <summary>
/// Every <c>```csharp</c> block of the README is compiled, against the libraries as built: an
/// example the library no longer accepts (a renamed member, a changed signature) fails here, at
/// its README line. Statements become the body of a method of a class deriving from
/// <see cref="ReadmeContext"/> (which declares what the examples take as given); a test method
/// joins that class; types go beside it, or, in a block of declarations only (the generated
/// surface shown as an interface), into a namespace of their own.
/// </summary>
public sealed partial class ReadmeExamplesTests
{
    private static readonly string[] _usings =
    [
        "System", "System.Collections.Generic", "System.Linq", "System.Threading", "System.Threading.Tasks",
        "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Http", "Microsoft.Extensions.Configuration",
        "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging",
        "OpenTelemetry.Metrics", "OpenTelemetry.Trace", "RealtimeKit.Generated", "RealtimeKit.Generated.Testing", "StackExchange.Redis", "Xunit",
    ];

    [Fact]
    public void Every_csharp_block_of_the_README_compiles()
    {
        var blocks = Blocks(File.ReadAllLines(Path.Combine(Repository.Root, "README.md")));
        Assert.True(blocks.Count >= 10, $"{blocks.Count} C# blocks found");

        var trees = blocks.Select((block, i) => CSharpSyntaxTree.ParseText(Source(block, i + 1), new CSharpParseOptions(LanguageVersion.Latest), path: $"README.md block {i + 1}")).ToList();
        var compilation = CSharpCompilation.Create(
            "ReadmeExamples",
            trees,
            References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "README examples that do not compile:\n" + string.Join("\n", errors.Select(e =>
            $"README.md:{e.Location.GetMappedLineSpan().StartLinePosition.Line + 1}: {e.Id} {e.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")));
    }

    [Fact]
    public void A_broken_example_is_reported_at_its_README_line()
    {
        var broken = new Block(40, ["var meeting = await client.Meetings.CreateMeetingAsync(accountId, appId, new CreateMeetingRequest { Titel = \"x\" });"]);
        var compilation = CSharpCompilation.Create("Broken", [CSharpSyntaxTree.ParseText(Source(broken, 1))], References(), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        var error = Assert.Single(compilation.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(40, error.Location.GetMappedLineSpan().StartLinePosition.Line + 1);
        Assert.Contains("Titel", error.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    private sealed record Block(int Line, IReadOnlyList<string> Lines);

    /// <summary>The README's C# blocks: where each starts (the line after its fence) and its lines, the list indentation taken off.</summary>
    private static List<Block> Blocks(string[] readme)
    {
        var blocks = new List<Block>();
        for (var i = 0; i < readme.Length; i++)
        {
            if (readme[i].TrimStart() != "```csharp")
            {
                continue;
            }

            var indent = readme[i].Length - readme[i].TrimStart().Length;
            var start = i + 1;
            var lines = new List<string>();
            for (i = start; i < readme.Length && readme[i].TrimStart() != "```"; i++)
            {
                lines.Add(readme[i].Length >= indent && string.IsNullOrWhiteSpace(readme[i][..indent]) ? readme[i][indent..] : readme[i].TrimStart());
            }

            blocks.Add(new Block(start + 1, lines));
        }

        return blocks;
    }

    /// <summary>A block as a compilation unit, with <c>#line</c> directives that point every diagnostic at its README line.</summary>
    private static string Source(Block block, int number)
    {
        // Statements first; from the first declaration at the margin on, members and types.
        var split = block.Lines.Select((line, i) => (line, i)).FirstOrDefault(l => Declaration().IsMatch(l.line), (line: "", i: block.Lines.Count)).i;
        var statements = block.Lines.Take(split).ToList();
        var declarations = block.Lines.Skip(split).ToList();
        var isMethod = declarations.Count > 0 && (declarations[0].StartsWith('[') || MethodDeclaration().IsMatch(declarations[0]));
        var onlyDeclarations = statements.All(string.IsNullOrWhiteSpace) && !isMethod;

        var source = new StringBuilder();
        foreach (var name in _usings)
        {
            source.Append("using ").Append(name).AppendLine(";");
        }

        source.AppendLine(onlyDeclarations ? $"namespace ReadmeExamples.Block{number};" : "namespace ReadmeExamples;");
        if (onlyDeclarations)
        {
            Append(source, declarations, block.Line + split);
            return source.ToString();
        }

        source.AppendLine($"internal sealed class Block{number}Example : {typeof(ReadmeContext).FullName}");
        source.AppendLine("{");
        source.AppendLine("#pragma warning disable CS1998, CS0168, CS0219, CS8321");
        source.AppendLine("    public async Task RunAsync()");
        source.AppendLine("    {");
        Append(source, statements, block.Line);
        source.AppendLine("    }");
        if (isMethod)
        {
            Append(source, declarations, block.Line + split);
        }

        source.AppendLine("}");
        if (!isMethod)
        {
            Append(source, declarations, block.Line + split);
        }

        return source.ToString();
    }

    private static void Append(StringBuilder source, IReadOnlyList<string> lines, int firstLine)
    {
        source.AppendLine($"#line {firstLine} \"README.md\"");
        foreach (var line in lines)
        {
            source.AppendLine(line);
        }

        source.AppendLine("#line default");
    }

    /// <summary>Every assembly of the runtime and of these tests' output: the libraries as built, and what they depend on.</summary>
    private static List<MetadataReference> References()
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var output = Directory.GetFiles(AppContext.BaseDirectory, "*.dll");
        return platform.Concat(output)
            .GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.First())
            .Where(path => IsAssembly(path))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToList();
    }

    private static bool IsAssembly(string path)
    {
        try
        {
            System.Reflection.AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }

    [GeneratedRegex("^(public |internal |\\[)")]
    private static partial Regex Declaration();

    [GeneratedRegex("^(public |internal )(?!.*\\b(class|record|struct|interface|enum)\\b)(static )?(async )?[A-Za-z<>\\[\\]?, ]+ [A-Z][A-Za-z0-9_]*\\(")]
    private static partial Regex MethodDeclaration();
}
