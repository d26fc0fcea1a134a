using System.Text;
using Simulator.Core.Validation;
using Simulator.Storage.Imports;
using Simulator.Tests.Shared;

namespace Simulator.Storage.Tests.Imports;

/// <summary>Reading conversations one line at a time: line ends, a byte order mark, blank lines, the end of the file, and the per-line limit.</summary>
public class ChatConversationStreamTests
{
    private const string Line = "{\"id\": \"c\", \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}, {\"role\": \"assistant\", \"content\": \"hello\"}]}";

    [Theory]
    [InlineData("\n", true)]
    [InlineData("\r\n", true)]
    [InlineData("\n", false)]
    public void Stream_EveryLineOnce_WithOrWithoutAFinalLineFeed_AndABom(string newline, bool finalNewline)
    {
        var path = Path.Combine(RepoPaths.TempFolder("chat-stream"), "in.jsonl");
        var text = string.Join(newline, Enumerable.Repeat(Line, 5).Append("").Append(Line)) + (finalNewline ? newline : "");
        File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        var read = ChatConversationReader.Stream(path).ToList();

        Assert.Equal(6, read.Count);
        Assert.Equal([1, 2, 3, 4, 5, 7], read.Select(c => c.Line));
        Assert.All(read, c => Assert.Equal("hello", Assert.Single(c.Turns).Therapist));
    }

    [Fact]
    public void Stream_LineOverTheLimit_IsRefusedNamingIt_AfterTheLinesBeforeIt()
    {
        var path = Path.Combine(RepoPaths.TempFolder("chat-stream"), "in.jsonl");
        File.WriteAllText(path, Line + "\n" + Line + "\n{\"id\": \"" + new string('x', 5000) + "\"}\n");

        using var read = ChatConversationReader.Stream(path, maxLineBytes: 4096).GetEnumerator();
        Assert.True(read.MoveNext());
        Assert.True(read.MoveNext());
        var ex = Assert.Throws<InvalidInputException>(() => read.MoveNext());

        Assert.Equal((path, 3), (ex.File, ex.Line));
        Assert.Contains("longer than 4,096 bytes", ex.Message);
    }
}
