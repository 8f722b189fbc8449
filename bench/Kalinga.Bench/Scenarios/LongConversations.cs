using System.Globalization;
using System.Text.Json;
using Kalinga.Bench.Generation;

namespace Kalinga.Bench.Scenarios;

/// <summary>
/// Tickets with a long conversation for the "ticket page with 50 messages" figure: the generated desk has one to nine
/// messages per ticket, so a few tickets spread over the desk are brought to <see cref="Messages"/> messages through
/// the API an agent's client uses (replies and internal notes in turn, in the ticket's language) before the scenario.
/// </summary>
public sealed class LongConversations(Workload workload, int count)
{
    public const int Messages = 50;

    /// <summary>Events whose delivery failed and waits for a retry (on both engines).</summary>
    public const string WaitingRetriesSql = """SELECT count(*) FROM "Events" WHERE "DispatchedAt" IS NULL AND "Attempts" > 0""";

    /// <summary>Puts those retries off past the run; the literal is a valid instant on both engines.</summary>
    public const string PostponeRetriesSql = """UPDATE "Events" SET "NextAttemptAt" = '2100-01-01 00:00:00' WHERE "DispatchedAt" IS NULL AND "Attempts" > 0""";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The numbers of the tickets that were lengthened, once <see cref="CreateAsync"/> has run.</summary>
    public IReadOnlyList<long> Numbers { get; private set; } = [];

    public async Task<TimeSpan> CreateAsync(Uri baseAddress, string token)
    {
        var first = Workload.FirstNumber;
        var step = Math.Max(1, (workload.LastNumber - first) / (count + 1));
        var random = new Random(Plan.Seed + 7);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var numbers = new List<long>();
        for (var i = 1; numbers.Count < count && first + (i * step) <= workload.LastNumber + step; i++)
        {
            // A closed ticket takes no more replies (its customer gets a follow-up ticket): the next number is used.
            var number = Math.Min(first + (i * step), workload.LastNumber);
            var ticket = JsonDocument.Parse(await Probe.GetAsync(baseAddress, $"/api/v1/tickets/{number}", token)).RootElement;
            for (var next = number + 1; ticket.GetProperty("status").GetString() == "closed" && next <= workload.LastNumber; next++)
            {
                number = next;
                ticket = JsonDocument.Parse(await Probe.GetAsync(baseAddress, $"/api/v1/tickets/{number}", token)).RootElement;
            }

            if (ticket.GetProperty("status").GetString() == "closed" || numbers.Contains(number))
            {
                continue;
            }

            numbers.Add(number);
            var language = ticket.GetProperty("language").GetString() ?? "en";
            var text = workload.Plan.Text.TryGetValue(language, out var t) ? t : workload.Plan.Text["en"];
            for (var n = ticket.GetProperty("messages").GetArrayLength(); n < Messages; n++)
            {
                // Replies and notes in turn; a reply leaves the ticket pending, as an agent's answer would.
                var (path, author) = n % 2 == 0 ? ("replies", "agent") : ("notes", "note");
                var body = JsonSerializer.Serialize(new { text = text.Message(random, author, workload.SignInAgent.Name) }, Json);
                await Probe.PostAsync(baseAddress, $"/api/v1/tickets/{number}/{path}", body, token);
            }
        }

        Numbers = numbers;
        return clock.Elapsed;
    }

    public IReadOnlyList<string> ApiPaths => [.. Numbers.Select(n => "/api/v1/tickets/" + n.ToString(CultureInfo.InvariantCulture))];

    public IReadOnlyList<string> AgentPagePaths => [.. Numbers.Select(n => "/agent/tickets/" + n.ToString(CultureInfo.InvariantCulture))];
}
