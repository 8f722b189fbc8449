using System.Globalization;
using Kalinga.Agents.Auth;
using Kalinga.Data;
using Kalinga.Localization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kalinga.Tickets;

/// <summary>The words tickets are classified with: contact reasons, dissatisfaction causes and tags.</summary>
public static class TaxonomiesModule
{
    public static IServiceCollection AddTaxonomies(this IServiceCollection services)
    {
        services.AddScoped<ListTaxonomy<ContactReason>>();
        services.AddScoped<AddTaxonomyEntry<ContactReason>>();
        services.AddScoped<ChangeTaxonomyEntry<ContactReason>>();
        services.AddScoped<ListTaxonomy<DissatisfactionCause>>();
        services.AddScoped<AddTaxonomyEntry<DissatisfactionCause>>();
        services.AddScoped<ChangeTaxonomyEntry<DissatisfactionCause>>();
        services.AddScoped<ListTags>();
        services.AddScoped<DeleteTag>();
        return services;
    }

    public static IEndpointRouteBuilder MapTaxonomies(this IEndpointRouteBuilder app)
    {
        MapTaxonomy<ContactReason>(app, "/api/v1/contact-reasons", "Contact reasons");
        MapTaxonomy<DissatisfactionCause>(app, "/api/v1/dissatisfaction-causes", "Dissatisfaction causes");

        var tags = app.MapGroup("/api/v1/tags").WithTags("Tags").RequireAuthorization(Policies.Agent);
        tags.MapGet("/", ListTagsAsync).WithSummary("Tags starting with ?q= (autocomplete), with the number of tickets carrying each");
        tags.MapDelete("/{name}", DeleteTagAsync).RequireAuthorization(Policies.Admin)
            .WithSummary("Deletes a tag and removes it from every ticket (admin)");
        return app;
    }

    private static void MapTaxonomy<T>(IEndpointRouteBuilder app, string path, string tag)
        where T : class, ITaxonomyEntry<T>
    {
        var group = app.MapGroup(path).WithTags(tag).RequireAuthorization(Policies.Agent);
        group.MapGet("/", ListAsync<T>)
            .WithSummary($"Lists every {T.Noun}; built-in ones are named in ?lang= (en, fil, pl, it; default: Accept-Language)");
        group.MapGet("/{id:int}", GetAsync<T>).WithSummary($"Gets one {T.Noun}, named in ?lang=");
        group.MapPost("/", AddAsync<T>).RequireAuthorization(Policies.Admin)
            .WithSummary($"Adds a custom {T.Noun} with a snake_case code and a name (admin)");
        group.MapPatch("/{id:int}", ChangeAsync<T>).RequireAuthorization(Policies.Admin)
            .WithSummary($"Renames or (de)activates a custom {T.Noun}; built-in ones cannot be changed (admin)");
    }

    private static async Task<Ok<IReadOnlyList<TaxonomyEntryView>>> ListAsync<T>(ListTaxonomy<T> list, CancellationToken ct, string? lang = null)
        where T : class, ITaxonomyEntry<T> =>
        TypedResults.Ok(await list.HandleAsync(LanguageOf(lang), ct));

    private static async Task<Results<Ok<TaxonomyEntryView>, NotFound>> GetAsync<T>(int id, KalingaDb db, CancellationToken ct, string? lang = null)
        where T : class, ITaxonomyEntry<T> =>
        await db.Set<T>().FindAsync([id], ct) is { } entry
            ? TypedResults.Ok(Taxonomy.ToView(entry, LanguageOf(lang)))
            : TypedResults.NotFound();

    private static async Task<Created<TaxonomyEntryView>> AddAsync<T>(
        AddTaxonomyEntryRequest request, AddTaxonomyEntry<T> add, HttpRequest http, CancellationToken ct)
        where T : class, ITaxonomyEntry<T>
    {
        var entry = await add.HandleAsync(request, ct);
        return TypedResults.Created($"{http.PathBase}{http.Path}/{entry.Id}", Taxonomy.ToView(entry, LanguageOf(null)));
    }

    private static async Task<Results<Ok<TaxonomyEntryView>, NotFound>> ChangeAsync<T>(
        int id, ChangeTaxonomyEntryRequest request, ChangeTaxonomyEntry<T> change, CancellationToken ct)
        where T : class, ITaxonomyEntry<T> =>
        await change.HandleAsync(id, request, ct) is { } entry
            ? TypedResults.Ok(Taxonomy.ToView(entry, LanguageOf(null)))
            : TypedResults.NotFound();

    private static async Task<Ok<IReadOnlyList<TagView>>> ListTagsAsync(ListTags list, CancellationToken ct, string? q = null, int limit = 20) =>
        TypedResults.Ok(await list.HandleAsync(q, limit, ct));

    private static async Task<Results<NoContent, NotFound>> DeleteTagAsync(string name, DeleteTag delete, CancellationToken ct) =>
        await delete.HandleAsync(name, ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    /// <summary>?lang= when given (and then it must be one of ours), else the request's UI language.</summary>
    private static string LanguageOf(string? lang) =>
        lang is null
            ? Languages.Normalize(CultureInfo.CurrentUICulture.Name) ?? Languages.Default
            : Languages.Normalize(lang) ?? throw new RuleException("lang", new LocalText("Adm3_Problem.UseOneOf", string.Join(", ", Languages.Supported)));
}
