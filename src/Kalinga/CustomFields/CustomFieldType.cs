namespace Kalinga.CustomFields;

/// <summary>What a custom field holds; it decides the input agents and customers see and the values it accepts.</summary>
public enum CustomFieldType
{
    Text,
    MultilineText,
    Number,
    Date,
    Dropdown,
    Checkbox,
}
