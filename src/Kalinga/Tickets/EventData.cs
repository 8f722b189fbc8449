using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kalinga.Tickets;

/// <summary>
/// What a timeline event changed, as the JSON object stored with it (<see cref="TicketEvent.Data"/>). It is written
/// into a response as stored when that gives the same bytes as parsing and writing it again would, which is the case
/// for everything the app stores; parsing each event's data on every ticket read took 3 % of the request's CPU
/// (docs/performance.md).
/// </summary>
[JsonConverter(typeof(EventDataConverter))]
public sealed class EventData(string json)
{
    private JsonElement? element;

    /// <summary>The JSON as stored.</summary>
    public string Json { get; } = json;

    /// <summary>The parsed object, for code that reads the fields (the agent timeline).</summary>
    public JsonElement Element => element ??= JsonElement.Parse(Json);

    /// <summary>
    /// True when writing <see cref="Json"/> as it is gives what <see cref="Utf8JsonWriter"/> writes for the parsed value:
    /// no whitespace between tokens, and strings of plain ASCII with no escapes. The app stores data serialized with
    /// System.Text.Json's default encoder, which escapes every other character, so such text only comes from elsewhere;
    /// the writer would escape it by its own rules (the API writes non-ASCII text as it is), so it is parsed and written
    /// again instead.
    /// </summary>
    internal static bool IsCompactAscii(ReadOnlySpan<char> json)
    {
        var inString = false;
        foreach (var c in json)
        {
            if (c is '\\' || c > '\x7E')
            {
                return false;
            }

            if (c == '"')
            {
                inString = !inString;
            }
            else if (!inString && c is ' ' or '\t' or '\r' or '\n')
            {
                return false;
            }
        }

        return true;
    }
}

internal sealed class EventDataConverter : JsonConverter<EventData>
{
    public override EventData Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return new EventData(document.RootElement.GetRawText());
    }

    public override void Write(Utf8JsonWriter writer, EventData value, JsonSerializerOptions options)
    {
        if (EventData.IsCompactAscii(value.Json))
        {
            // Still validated: a malformed row fails the request as parsing it did, rather than corrupting the response.
            writer.WriteRawValue(value.Json);
        }
        else
        {
            value.Element.WriteTo(writer);
        }
    }
}
