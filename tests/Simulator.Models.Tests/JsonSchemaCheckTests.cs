using System.Text.Json;
using Simulator.Models.Resilience;
using Simulator.Models.Structured;

namespace Simulator.Models.Tests;

public class JsonSchemaCheckTests
{
    private static readonly JsonElement Verdict = StructuredCall.Schema("""
        {"type": "object", "required": ["score", "evidence"],
         "properties": {"score": {"type": "integer", "minimum": 0, "maximum": 2}, "evidence": {"type": "string"},
                        "tags": {"type": "array", "items": {"enum": ["a", "b"]}}}}
        """);

    private static string? Check(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return JsonSchemaCheck.FirstViolation(doc.RootElement, Verdict);
    }

    [Fact]
    public void ConformingVerdict_HasNoViolation() => Assert.Null(Check("""{"score": 2, "evidence": "x", "tags": ["a", "b"], "extra": 1}"""));

    [Theory]
    [InlineData("""{"evidence": "x"}""", "$: missing required property 'score'")]
    [InlineData("""{"score": "2", "evidence": "x"}""", "$.score: expected integer, got string")]
    [InlineData("""{"score": 1.5, "evidence": "x"}""", "$.score: expected integer, got number")]
    [InlineData("""{"score": 3, "evidence": "x"}""", "$.score: 3 is above the maximum 2")]
    [InlineData("""{"score": 1, "evidence": "x", "tags": ["a", "c"]}""", "$.tags[1]: \"c\" is not one of [\"a\", \"b\"]")]
    [InlineData("""[1]""", "$: expected object, got array")]
    public void MalformedVerdict_NamesThePathAndTheProblem(string json, string violation) => Assert.Equal(violation, Check(json));

    [Fact]
    public void FencedJson_IsUnwrapped() => Assert.Equal("{\"a\": 1}", ReplyCheck.StripFence("```json\n{\"a\": 1}\n```"));
}
