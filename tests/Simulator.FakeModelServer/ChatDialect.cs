namespace Simulator.FakeModelServer;

/// <summary>Which request body an endpoint expects.</summary>
internal enum ChatDialect
{
    /// <summary>No body (GET endpoints and unknown paths).</summary>
    None,

    /// <summary>OpenAI chat completions.</summary>
    OpenAi,

    /// <summary>Ollama <c>/api/chat</c>.</summary>
    Ollama,
}
