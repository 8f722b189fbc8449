using System.ComponentModel.DataAnnotations;

namespace Kalinga.Tickets;

/// <summary>One reason or cause as clients see it: built-in ones are named in the asked language.</summary>
public sealed record TaxonomyEntryView(int Id, string Code, string Name, bool System, bool Active);

public sealed record AddTaxonomyEntryRequest(
    [Required, StringLength(64, MinimumLength = 1)] string Code,
    [Required, StringLength(200, MinimumLength = 1)] string Name);

/// <summary>Fields left out (or null) stay as they are.</summary>
public sealed record ChangeTaxonomyEntryRequest([StringLength(200, MinimumLength = 1)] string? Name = null, bool? Active = null);
