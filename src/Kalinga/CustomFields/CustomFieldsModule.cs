using System.Globalization;
using Kalinga.Agents.Auth;
using Kalinga.Localization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kalinga.CustomFields;

/// <summary>The fields admins define for tickets: <c>/api/v1/custom-fields</c>.</summary>
public static class CustomFieldsModule
{
    public static IServiceCollection AddCustomFields(this IServiceCollection services)
    {
        services.AddScoped<ListCustomFields>();
        services.AddScoped<SaveCustomField>();
        services.AddScoped<ReorderCustomFields>();
        services.AddScoped<DeleteCustomField>();
        return services;
    }

    public static IEndpointRouteBuilder MapCustomFields(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/custom-fields").WithTags("Custom fields").RequireAuthorization(Policies.Agent);
        group.MapGet("/", ListAsync).WithSummary("Lists every custom field in order, labelled in ?lang= (en, fil, pl, it; default: Accept-Language)");
        group.MapGet("/{key}", GetAsync).WithSummary("Gets one custom field, labelled in ?lang=");
        group.MapPost("/", CreateAsync).RequireAuthorization(Policies.Admin)
            .WithSummary("Defines a custom field: key, labels, type, options for a dropdown, required on solve, shown to customers (admin)");
        group.MapPatch("/{key}", UpdateAsync).RequireAuthorization(Policies.Admin)
            .WithSummary("Changes a custom field's labels, type, options, rules or activity; the key stays (admin)");
        group.MapPut("/order", ReorderAsync).RequireAuthorization(Policies.Admin)
            .WithSummary("Puts the custom fields in the order of the given keys (admin)");
        group.MapDelete("/{key}", DeleteAsync).RequireAuthorization(Policies.Admin)
            .WithSummary("Deletes a custom field; one that tickets use is deactivated instead and returned (admin)");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<CustomFieldView>>> ListAsync(ListCustomFields list, CancellationToken ct, string? lang = null)
    {
        var language = LanguageOf(lang);
        return TypedResults.Ok<IReadOnlyList<CustomFieldView>>([.. (await list.HandleAsync(ct)).Select(f => CustomFieldView.Of(f, language))]);
    }

    private static async Task<Results<Ok<CustomFieldView>, NotFound>> GetAsync(string key, ListCustomFields list, CancellationToken ct, string? lang = null) =>
        (await list.HandleAsync(ct)).FirstOrDefault(f => f.Key == key) is { } field
            ? TypedResults.Ok(CustomFieldView.Of(field, LanguageOf(lang)))
            : TypedResults.NotFound();

    private static async Task<Created<CustomFieldView>> CreateAsync(CreateCustomFieldRequest request, SaveCustomField save, CancellationToken ct)
    {
        var field = await save.CreateAsync(request, ct);
        return TypedResults.Created($"/api/v1/custom-fields/{field.Key}", CustomFieldView.Of(field, LanguageOf(null)));
    }

    private static async Task<Results<Ok<CustomFieldView>, NotFound>> UpdateAsync(string key, UpdateCustomFieldRequest request, SaveCustomField save, CancellationToken ct) =>
        await save.UpdateAsync(key, request, ct) is { } field ? TypedResults.Ok(CustomFieldView.Of(field, LanguageOf(null))) : TypedResults.NotFound();

    private static async Task<Ok<IReadOnlyList<CustomFieldView>>> ReorderAsync(ReorderCustomFieldsRequest request, ReorderCustomFields reorder, CancellationToken ct)
    {
        var language = LanguageOf(null);
        return TypedResults.Ok<IReadOnlyList<CustomFieldView>>([.. (await reorder.HandleAsync(request, ct)).Select(f => CustomFieldView.Of(f, language))]);
    }

    private static async Task<Results<NoContent, Ok<CustomFieldView>, NotFound>> DeleteAsync(
        string key, DeleteCustomField delete, ListCustomFields list, CancellationToken ct) =>
        await delete.HandleAsync(key, ct) switch
        {
            DeleteOutcome.Deleted => TypedResults.NoContent(),
            DeleteOutcome.Deactivated => TypedResults.Ok(CustomFieldView.Of((await list.HandleAsync(ct)).Single(f => f.Key == key), LanguageOf(null))),
            _ => TypedResults.NotFound(),
        };

    /// <summary>?lang= when given (and then it must be one of ours), else the request's UI language.</summary>
    private static string LanguageOf(string? lang) =>
        lang is null
            ? Languages.Normalize(CultureInfo.CurrentUICulture.Name) ?? Languages.Default
            : Languages.Normalize(lang) ?? throw new RuleException("lang", new LocalText("Adm3_Problem.UseOneOf", string.Join(", ", Languages.Supported)));
}
