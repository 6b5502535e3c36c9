namespace RealtimeKit.Generated.Tests.Infrastructure;

/// <summary>
/// Marks a test as a contract test of an operation of the document, by its operationId. Every
/// operation of the document needs at least one (ContractCoverageTests), and every one of these
/// must name an operation the document has.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
internal sealed class ContractForAttribute(string operationId) : Attribute
{
    public string OperationId { get; } = operationId;
}
