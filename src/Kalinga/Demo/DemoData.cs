using System.Text.Json;
using System.Text.Json.Serialization;
using Kalinga.Channels;
using Kalinga.Tickets;

namespace Kalinga.Demo;

/// <summary>The shape of <c>Demo/Data/demo.{language}.json</c>: the demo company's customers and their conversations.</summary>
internal sealed record DemoFile(string Language, List<DemoOrganization> Organizations, List<DemoCustomer> Customers, List<DemoConversation> Conversations)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static DemoFile Load(string language)
    {
        using var stream = typeof(DemoFile).Assembly.GetManifestResourceStream($"Kalinga.Demo.demo.{language}.json")
            ?? throw new InvalidOperationException($"The demo data for '{language}' is not embedded in the build.");
        return JsonSerializer.Deserialize<DemoFile>(stream, Json)!;
    }
}

internal sealed record DemoOrganization(string Key, string Name, string Domain);

internal sealed record DemoCustomer(string Key, string Name, string? Email, string? Phone, string? Organization, bool Vip);

internal sealed record DemoConversation(
    string Customer, string Reason, Channel Channel, Priority Priority, TicketStatus Status, string Subject,
    List<string> Tags, List<string> Causes, List<DemoMessage> Messages);

internal sealed record DemoMessage(string From, string Text, int AfterMinutes);
