using System.Text.Encodings.Web;
using System.Text.Json;
using Kalinga.Tickets;

namespace Kalinga.Tests.Tickets;

/// <summary>
/// Event data is written into responses as stored when that is what writing the parsed value gives; anything stored
/// in another form (spaces, escapes, raw non-ASCII from outside the app) comes out as the API always wrote it.
/// </summary>
public sealed class EventDataTests
{
    // The API's own writer settings (ASP.NET Core's JSON options: non-ASCII text written as it is).
    private static readonly JsonSerializerOptions ApiJson = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Theory]
    [InlineData("""{"from":"new","to":"open"}""")]
    [InlineData("""{"field":"subject","from":"Fridge hums","to":"Fridge \u0022hums\u0022 \u0142oudly \u003Cnow\u003E"}""")]
    [InlineData("""{ "tags" : [ "noise", "visit-1" ] }""")]
    [InlineData("""{"to":{"agent":12,"team":null},"n":1.50,"ok":true}""")]
    [InlineData("""{"name":"Paweł Nowak","note":"a\tb"}""")]
    [InlineData("{\n  \"from\": {},\n  \"to\": {\"order_number\": \"LH-1\"}\n}")]
    public void Data_is_written_as_the_parsed_value_would_be(string stored)
    {
        var written = JsonSerializer.Serialize(new EventData(stored), ApiJson);

        Assert.Equal(JsonSerializer.Serialize(JsonElement.Parse(stored), ApiJson), written);
    }

    [Fact]
    public void Data_the_app_stored_is_written_without_being_parsed_again()
    {
        Assert.True(EventData.IsCompactAscii("""{"from":"new","to":"open","tags":["a b","c"]}"""));
        Assert.False(EventData.IsCompactAscii("""{"name":"Bart\u0142omiej"}"""));
        Assert.False(EventData.IsCompactAscii("""{"from": "new"}"""));
        Assert.False(EventData.IsCompactAscii("""{"name":"Paweł"}"""));
    }

    [Fact]
    public void Data_reads_back_from_a_response()
    {
        var data = JsonSerializer.Deserialize<EventData>("""{"from":"new","to":"open"}""")!;

        Assert.Equal("open", data.Element.GetProperty("to").GetString());
    }
}
