using System.Text;

namespace Simulator.FakeModelServer;

/// <summary>Error bodies: OpenAI style <c>{"error":{...}}</c> or Ollama style <c>{"error":"..."}</c>.</summary>
internal static class ErrorBodies
{
    public static readonly byte[] Garbage = Encoding.UTF8.GetBytes("<html>upstream proxy error</html>");

    public static byte[] OpenAi(string message, string type, string? code) =>
        JsonText.ToUtf8(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartObject("error");
            writer.WriteString("message", message);
            writer.WriteString("type", type);
            writer.WriteNull("param");
            if (code is null)
            {
                writer.WriteNull("code");
            }
            else
            {
                writer.WriteString("code", code);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        });

    public static byte[] Ollama(string message) =>
        JsonText.ToUtf8(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("error", message);
            writer.WriteEndObject();
        });
}
