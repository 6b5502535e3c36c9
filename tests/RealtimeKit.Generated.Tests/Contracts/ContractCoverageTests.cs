using System.Reflection;
using RealtimeKit.Generated.Tests.Infrastructure;

namespace RealtimeKit.Generated.Tests.Contracts;

/// <summary>
/// Every operation of the document has a contract test: a test method marked
/// <see cref="ContractForAttribute"/> with its operationId; and every such mark names an
/// operation the document has, on a method xunit runs.
/// </summary>
public sealed class ContractCoverageTests
{
    private static readonly (MethodInfo Method, string OperationId)[] _marks =
        typeof(ContractCoverageTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .SelectMany(m => m.GetCustomAttributes<ContractForAttribute>().Select(a => (m, a.OperationId)))
            .ToArray();

    private static readonly string[] _operationIds = DocumentExamples.Operations.Select(o => o.Operation.OperationId!).ToArray();

    [Fact]
    public void Every_operation_of_the_document_has_a_contract_test()
    {
        var covered = _marks.Select(m => m.OperationId).ToHashSet(StringComparer.Ordinal);
        var missing = _operationIds.Where(id => !covered.Contains(id)).ToList();

        Assert.True(missing.Count == 0, $"operations without a [ContractFor] test ({missing.Count} of {_operationIds.Length}): {string.Join(", ", missing)}");
        Assert.Equal(62, _operationIds.Length);
    }

    [Fact]
    public void Every_contract_mark_names_an_operation_of_the_document()
    {
        var known = _operationIds.ToHashSet(StringComparer.Ordinal);
        var unknown = _marks.Where(m => !known.Contains(m.OperationId)).Select(m => $"{m.Method.DeclaringType!.Name}.{m.Method.Name}: '{m.OperationId}'").ToList();

        Assert.True(unknown.Count == 0, $"[ContractFor] names no operation of the document: {string.Join("; ", unknown)}");
    }

    [Fact]
    public void Every_contract_mark_is_on_a_test_xunit_runs()
    {
        var notTests = _marks
            .Where(m => m.Method.GetCustomAttribute<FactAttribute>() is null || !m.Method.IsPublic)
            .Select(m => $"{m.Method.DeclaringType!.Name}.{m.Method.Name}")
            .Distinct()
            .ToList();

        Assert.True(notTests.Count == 0, $"[ContractFor] on a method that is not a public [Fact] or [Theory]: {string.Join(", ", notTests)}");
    }
}
