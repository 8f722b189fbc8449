namespace Kalinga.Tickets;

/// <summary>Why the customer got in touch. The seven fixed reasons are seeded by the migrations and cannot be removed.</summary>
public sealed class ContactReason : ITaxonomyEntry<ContactReason>
{
    public const string Complaint = "complaint";

    public static readonly IReadOnlyList<string> Fixed =
        [Complaint, "suggestion", "question", "information_request", "technical_service", "order", "after_sales"];

    private ContactReason()
    {
    }

    public ContactReason(string code, string name)
    {
        Code = Taxonomy.CheckCode(code);
        Name = Taxonomy.CheckName(name);
    }

    public static string ResourcePrefix => "Reason";

    public static string Noun => "contact reason";

    public int Id { get; private set; }

    public string Code { get; private set; } = "";

    /// <summary>The label admins gave a reason they added; fixed reasons are labelled from the resource files.</summary>
    public string Name { get; private set; } = "";

    public bool IsSystem { get; private set; }

    public bool IsActive { get; private set; } = true;

    public bool IsComplaint => Code == Complaint;

    public static ContactReason Custom(string code, string name) => new(code, name);

    public void Rename(string name)
    {
        Taxonomy.RefuseIfSystem(IsSystem, "name");
        Name = Taxonomy.CheckName(name);
    }

    public void SetActive(bool active)
    {
        if (!active)
        {
            Taxonomy.RefuseIfSystem(IsSystem, "active");
        }

        IsActive = active;
    }

    internal static ContactReason Seed(int id, string code) => new() { Id = id, Code = code, Name = code, IsSystem = true };
}
