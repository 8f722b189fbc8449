using System.Text.Json;

namespace Kalinga.Bench.Generation;

/// <summary>The demo company's conversations, read from the JSON files embedded in Kalinga (Demo/Data/demo.{language}.json).</summary>
public sealed record DemoConversations(
    string Language, IReadOnlyList<DemoOrganization> Organizations, IReadOnlyList<DemoCustomer> Customers, IReadOnlyList<DemoConversation> Conversations)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static DemoConversations Load(string language)
    {
        var name = $"Kalinga.Demo.demo.{language}.json";
        using var stream = typeof(Kalinga.Search.TextFolding).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"{name} is not embedded in Kalinga.dll.");
        return JsonSerializer.Deserialize<DemoConversations>(stream, Json)!;
    }
}

public sealed record DemoOrganization(string Name, string Domain);

public sealed record DemoCustomer(string Name);

public sealed record DemoConversation(string Subject, IReadOnlyList<string> Tags, IReadOnlyList<DemoMessage> Messages);

public sealed record DemoMessage(string From, string Text);
