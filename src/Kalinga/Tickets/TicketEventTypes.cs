namespace Kalinga.Tickets;

/// <summary>The event names that handlers, webhooks and the timeline understand.</summary>
public static class TicketEventTypes
{
    public const string Created = "ticket.created";
    public const string StatusChanged = "ticket.status_changed";
    public const string Assigned = "ticket.assigned";
    public const string FieldChanged = "ticket.field_changed";
    public const string TagsChanged = "ticket.tags_changed";
    public const string CausesChanged = "ticket.causes_changed";
    public const string MessageAdded = "message.added";
    public const string NoteAdded = "note.added";
    public const string MergedInto = "ticket.merged_into";
    public const string MergedFrom = "ticket.merged_from";
    public const string CustomerCreated = "customer.created";
    public const string CustomerUpdated = "customer.updated";
    public const string CustomerIdentityAdded = "customer.identity_added";
    public const string CustomerIdentityRemoved = "customer.identity_removed";
    public const string CustomerMerged = "customer.merged";
    public const string Linked = "ticket.linked";
    public const string Unlinked = "ticket.unlinked";
    public const string DeliveryChanged = "message.delivery_changed";
}
