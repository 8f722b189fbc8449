using System.Net;
using System.Text;
using Kalinga.Tests.Infrastructure;

namespace Kalinga.Tests.Web;

/// <summary>Whatever a client sends, the answer is a 4xx problem that says what to fix, never a 500.</summary>
public sealed class BadInputTests(KalingaApp app) : IClassFixture<KalingaApp>
{
    [Theory]
    [InlineData("{\"subject\": ", "body")]
    [InlineData("not json at all", "body")]
    [InlineData("{\"subject\": 42, \"customer\": {\"email\": \"a@b.test\"}, \"message\": {\"text\": \"x\"}}", "subject")]
    [InlineData("{\"subject\": \"x\", \"customer\": {\"email\": \"a@b.test\"}, \"message\": {\"text\": \"x\"}, \"priority\": \"whenever\"}", "priority")]
    [InlineData("{\"subject\": \"x\", \"customer\": {\"email\": \"a@b.test\"}, \"message\": {\"text\": \"x\"}, \"colour\": \"red\"}", "colour")]
    [InlineData("{\"subject\": \"x\", \"customer\": {\"email\": 7}, \"message\": {\"text\": \"x\"}}", "customer.email")]
    [InlineData("[1, 2, 3]", "body")]
    public async Task Malformed_json_is_a_400_naming_the_field(string json, string field)
    {
        var client = await app.ClientAsync();

        var response = await client.PostAsync("/api/v1/tickets", new StringContent(json, Encoding.UTF8, "application/json"));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(field, problem.Errors!.Keys);
        Assert.DoesNotContain("Kalinga.", string.Join(' ', problem.Errors.Values.SelectMany(v => v)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"subject\": \"\", \"customer\": {\"email\": \"a@b.test\"}, \"message\": {\"text\": \"x\"}}", "subject")]
    [InlineData("{\"subject\": \"x\", \"customer\": {\"email\": \"not-an-address\"}, \"message\": {\"text\": \"x\"}}", "customer.email")]
    [InlineData("{\"subject\": \"x\", \"customer\": {}, \"message\": {\"text\": \"x\"}}", "customer")]
    [InlineData("{\"subject\": \"x\", \"customer\": {\"email\": \"a@b.test\"}, \"message\": {\"text\": \"\"}}", "message.text")]
    [InlineData("{\"subject\": \"x\", \"customer\": {\"email\": \"a@b.test\"}, \"message\": {\"text\": \"x\"}, \"reason\": \"gossip\"}", "reason")]
    [InlineData("{\"subject\": \"x\", \"customer\": {\"email\": \"a@b.test\"}, \"message\": {\"text\": \"x\"}, \"language\": \"klingon\"}", "language")]
    [InlineData("{\"subject\": \"x\", \"customer\": {\"email\": \"a@b.test\"}, \"message\": {\"text\": \"x\"}, \"customFields\": {\"Bad Key!\": \"v\"}}", "customFields.Bad Key!")]
    [InlineData("{\"subject\": \"x\", \"customer\": {\"email\": \"a@b.test\"}, \"message\": {\"text\": \"x\", \"attachmentIds\": [424242]}}", "attachmentIds")]
    public async Task Invalid_values_are_a_400_naming_the_field(string json, string field)
    {
        var client = await app.ClientAsync();

        var response = await client.PostAsync("/api/v1/tickets", new StringContent(json, Encoding.UTF8, "application/json"));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(field, problem.Errors!.Keys);
    }

    [Fact]
    public async Task Wrong_content_type_is_415()
    {
        var client = await app.ClientAsync();

        var response = await client.PostAsync("/api/v1/tickets", new StringContent("subject=x", Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task A_route_value_of_the_wrong_type_is_404_not_500()
    {
        var client = await app.ClientAsync();

        var response = await client.GetAsync("/api/v1/tickets/abc");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_query_value_of_the_wrong_type_is_400()
    {
        var client = await app.ClientAsync();

        var response = await client.GetAsync("/api/v1/tickets?team=blue");

        await response.ProblemAsync(HttpStatusCode.BadRequest);
    }
}
