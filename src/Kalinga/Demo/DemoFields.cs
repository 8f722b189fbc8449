using Kalinga.CustomFields;

namespace Kalinga.Demo;

/// <summary>
/// The demo company's custom fields, labelled in the four languages. The product choices are the product names the
/// Technical Service agents' routing profiles use, so a product picked on the portal routes to an agent who knows it.
/// </summary>
internal static class DemoFields
{
    public static IEnumerable<CustomFieldDefinition> All()
    {
        yield return Field(1, "order_number", CustomFieldType.Text, customerVisible: true,
            Labels("Order number", "Numero ng order", "Numer zamówienia", "Numero d'ordine"));
        yield return Field(2, "product", CustomFieldType.Dropdown, customerVisible: true,
            Labels("Product", "Produkto", "Produkt", "Prodotto"),
            Option("washing machines", Labels("Washing machine", "Washing machine", "Pralka", "Lavatrice")),
            Option("dryers", Labels("Dryer", "Dryer", "Suszarka", "Asciugatrice")),
            Option("fridges", Labels("Fridge", "Refrigerator", "Lodówka", "Frigorifero")),
            Option("ovens", Labels("Oven", "Oven", "Piekarnik", "Forno")),
            Option("dishwashers", Labels("Dishwasher", "Dishwasher", "Zmywarka", "Lavastoviglie")));
        yield return Field(3, "purchase_date", CustomFieldType.Date, customerVisible: true,
            Labels("Purchase date", "Petsa ng pagbili", "Data zakupu", "Data di acquisto"));
        yield return Field(4, "under_warranty", CustomFieldType.Checkbox, customerVisible: false,
            Labels("Under warranty", "May warranty pa", "Na gwarancji", "In garanzia"));
    }

    private static CustomFieldDefinition Field(
        int position, string key, CustomFieldType type, bool customerVisible, Dictionary<string, string?> labels, params CustomFieldOption[] options)
    {
        var field = new CustomFieldDefinition(key, position);
        field.Define(labels, type, options);
        field.SetRules(requiredOnSolve: false, customerVisible);
        return field;
    }

    private static CustomFieldOption Option(string value, Dictionary<string, string?> labels) =>
        new(value, labels.ToDictionary(kv => kv.Key, kv => kv.Value!));

    private static Dictionary<string, string?> Labels(string en, string fil, string pl, string it) =>
        new() { ["en"] = en, ["fil"] = fil, ["pl"] = pl, ["it"] = it };
}
