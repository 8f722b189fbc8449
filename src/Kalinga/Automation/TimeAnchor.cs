using System.Globalization;
using Kalinga.Tickets;
using Kalinga.Web;

namespace Kalinga.Automation;

/// <summary>
/// What makes an automation cheap to run: one <c>status is …</c> and one <c>hours_since_… gte N</c> condition in
/// <c>all</c>. Together they select tickets through the (Status, anchor time) indexes instead of scanning all.
/// </summary>
public sealed record TimeAnchor(TicketStatus Status, string Field, double Hours)
{
    public static TimeAnchor Of(RuleConditions conditions)
    {
        var all = conditions.All ?? [];
        var status = all.Where(c => c.Field == "status" && c.Op == RuleFields.Is).ToList();
        var hours = all.Where(c => RuleFields.IsHours(c.Field) && c.Op == RuleFields.Gte).ToList();
        if (status.Count != 1)
        {
            throw new RuleException("conditions.all", new LocalText("Adm3_Problem.AutomationStatus"));
        }

        if (hours.Count != 1)
        {
            throw new RuleException("conditions.all", new LocalText("Adm3_Problem.AutomationHours"));
        }

        return new TimeAnchor(
            EnumWords.Parse<TicketStatus>(status[0].Values[0], "conditions.all"),
            hours[0].Field,
            double.Parse(hours[0].Values[0], CultureInfo.InvariantCulture));
    }
}
