namespace Kalinga.Customers;

public enum IdentityKind
{
    Email,
    Phone,
    Chat,
    Social,
}
