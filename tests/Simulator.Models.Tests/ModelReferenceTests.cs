using Simulator.Core.Validation;
using Simulator.Models.References;

namespace Simulator.Models.Tests;

public class ModelReferenceTests
{
    [Theory]
    [InlineData("scripted:faithful", "scripted", null, "faithful")]
    [InlineData("openai:gpt-4o-mini", "openai", null, "gpt-4o-mini")]
    [InlineData("ollama:llama3.1:8b", "ollama", null, "llama3.1:8b")]
    [InlineData("endpoint:local/Qwen/Qwen2.5-7B", "endpoint", "local", "Qwen/Qwen2.5-7B")]
    public void Parse_ValidReference_SplitsKindEndpointModel(string text, string kind, string? endpoint, string model)
    {
        var r = ModelReference.Parse(text, "--therapist");

        Assert.Equal((kind, endpoint, model), (r.Kind, r.Endpoint, r.Model));
        Assert.Equal(text, r.ToString());
    }

    [Theory]
    [InlineData("gpt-4o")]
    [InlineData("scripted:")]
    [InlineData("magic:model")]
    [InlineData("endpoint:local")]
    [InlineData("endpoint:/model")]
    public void Parse_Malformed_IsInvalidInputNamingTheField(string text)
    {
        var ex = Assert.Throws<InvalidInputException>(() => ModelReference.Parse(text, "--patient"));

        Assert.Equal("--patient", ex.Field);
    }
}
