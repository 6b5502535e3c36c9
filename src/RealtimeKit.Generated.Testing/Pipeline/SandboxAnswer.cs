namespace RealtimeKit.Generated.Testing;

/// <summary>What the sandbox answers: a status, a body and its content type.</summary>
internal readonly record struct SandboxAnswer(int Status, string Body, string ContentType = "application/json");
