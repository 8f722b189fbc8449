using System.Security.Claims;
using Kalinga.Agents;
using Kalinga.Agents.Auth;
using Kalinga.Attachments;
using Kalinga.Localization;
using Kalinga.Realtime;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Kalinga.KnowledgeBase;

/// <summary>
/// The help center's authoring API for agents. Any agent reads everything and writes drafts; supervisors and admins
/// publish, restore, move articles and see who read a bulletin. The public pages live in Web/Portal.
/// </summary>
public static class KnowledgeBaseModule
{
    public static IServiceCollection AddKnowledgeBase(this IServiceCollection services)
    {
        services.AddSingleton<ArticleMarkdown>();
        services.AddScoped<BrowseHelpCenter>();
        services.AddScoped<GetPortalArticle>();
        services.AddScoped<SearchArticles>();
        services.AddScoped<SuggestArticles>();
        services.AddScoped<RateArticle>();
        services.AddScoped<ReadArticles>();
        services.AddScoped<CreateArticle>();
        services.AddScoped<UpdateArticle>();
        services.AddScoped<EditTranslation>();
        services.AddScoped<MustReads>();
        services.AddScoped<Deflection>();
        services.AddScoped<StoreKbFile>();
        services.AddScoped<ImportHelpCenter>();
        services.AddScoped<Demo.DemoHelpCenter>();
        return services;
    }

    public static IEndpointRouteBuilder MapKnowledgeBase(this IEndpointRouteBuilder app)
    {
        var kb = app.MapGroup("/api/v1/kb").WithTags("Knowledge base").RequireAuthorization(Policies.Agent);
        kb.MapGet("/articles", ListAsync)
            .WithSummary("Lists articles, internal ones included, with each translation's state; filters: category, section, internal, mustRead, language with state (published, draft, missing)");
        kb.MapPost("/articles", CreateAsync).WithSummary("Creates an article with its first translation as a draft (publish: true needs a supervisor)");
        kb.MapGet("/articles/{key}", GetAsync).WithSummary("Gets an article with every translation's live text and draft");
        kb.MapPatch("/articles/{key}", UpdateAsync).RequireAuthorization(Policies.Supervisor)
            .WithSummary("Moves an article or changes its audience, must-read flag or tags");
        kb.MapPut("/articles/{key}/translations/{language}/draft", SaveDraftAsync).WithSummary("Saves the draft of a translation (a new language starts here)");
        kb.MapPost("/articles/{key}/translations/{language}/publish", PublishAsync).RequireAuthorization(Policies.Supervisor)
            .WithSummary("Publishes the draft as a new version");
        kb.MapPost("/articles/{key}/translations/{language}/unpublish", UnpublishAsync).RequireAuthorization(Policies.Supervisor)
            .WithSummary("Takes a translation off the portal; its text becomes the draft");
        kb.MapGet("/articles/{key}/translations/{language}/versions", VersionsAsync).WithSummary("Lists the published versions, newest first");
        kb.MapPost("/articles/{key}/translations/{language}/versions/{number:int}/restore", RestoreAsync).RequireAuthorization(Policies.Supervisor)
            .WithSummary("Copies an old version into the draft, ready to publish");
        kb.MapGet("/articles/{key}/feedback", FeedbackAsync).WithSummary("Readers' helpful / not helpful answers and comments, newest first");
        kb.MapPost("/articles/{key}/read", MarkReadAsync).WithSummary("Confirms that the signed-in agent read a must-read bulletin");
        kb.MapGet("/articles/{key}/readers", ReadersAsync).RequireAuthorization(Policies.Supervisor)
            .WithSummary("Which active agents have read the bulletin since it was last published");
        kb.MapGet("/must-read", MustReadAsync).WithSummary("The signed-in agent's must-read bulletins, unread first");
        kb.MapGet("/search", SearchAsync).WithSummary("Ranked search in one language with highlighted snippets; internal=true includes agent-only articles");
        kb.MapGet("/deflection", DeflectionAsync).RequireAuthorization(Policies.Supervisor)
            .WithSummary("Request forms where a suggested article was opened: sent anyway, or deflected");
        kb.MapPost("/files", UploadFileAsync).RequireAuthorization(Policies.Supervisor).DisableAntiforgery()
            .Accepts<IFormFileCollection>("multipart/form-data")
            .WithSummary("Stores a guide or image at /kb/files/{name} (form fields: name, language, file)");
        app.MapGet("/api/v1/tickets/{number:long}/kb-suggestions", TicketSuggestionsAsync).WithTags("Knowledge base").RequireAuthorization(Policies.Agent)
            .WithSummary("Articles matching the ticket's subject and the customer's latest messages (or q, when given), in the ticket's language, ready to insert as link or text");
        return app;
    }

    private static bool IsEditor(ClaimsPrincipal user) => user.Role() >= AgentRole.Supervisor;

    private static async Task<Ok<IReadOnlyList<ArticleListItem>>> ListAsync(
        ReadArticles read, CancellationToken ct, string? section = null, string? category = null, bool? mustRead = null, bool? @internal = null,
        string? language = null, string? state = null, int limit = 50, int offset = 0) =>
        TypedResults.Ok(await read.ListAsync(new ArticleListFilter(section, category, mustRead, @internal, language, StateOf(state)), limit, offset, ct));

    private static TranslationState? StateOf(string? state) =>
        state is null ? null
        : Enum.TryParse<TranslationState>(state, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !char.IsDigit(state[0]) ? parsed
        : throw new RuleException("state", new LocalText("Loc4_Problem.Kb.State"));

    private static async Task<Results<Created<ArticleDetails>, ProblemHttpResult>> CreateAsync(
        CreateArticleRequest request, CreateArticle create, ReadArticles read, ILiveTransport live, ClaimsPrincipal user, CancellationToken ct)
    {
        if (request.Publish && !IsEditor(user))
        {
            return Forbidden();
        }

        var article = await create.HandleAsync(request, user.Actor().AgentId, ct);
        if (article.IsMustRead && request.Publish)
        {
            await live.PublishAsync(new LiveEvent(LiveEventKind.Bulletin, 0), ct);
        }

        return TypedResults.Created($"/api/v1/kb/articles/{article.Key}", await read.GetAsync(article.Key, ct));
    }

    private static async Task<Results<Ok<ArticleDetails>, NotFound>> GetAsync(string key, ReadArticles read, CancellationToken ct) =>
        await read.GetAsync(key, ct) is { } article ? TypedResults.Ok(article) : TypedResults.NotFound();

    private static async Task<Results<Ok<ArticleDetails>, NotFound>> UpdateAsync(
        string key, UpdateArticleRequest request, UpdateArticle update, ReadArticles read, CancellationToken ct) =>
        await update.HandleAsync(key, request, ct) ? TypedResults.Ok((await read.GetAsync(key, ct))!) : TypedResults.NotFound();

    private static async Task<Results<Ok<ArticleDetails>, NotFound>> SaveDraftAsync(
        string key, string language, DraftRequest draft, EditTranslation edit, ReadArticles read, ClaimsPrincipal user, CancellationToken ct) =>
        await Then(await edit.SaveDraftAsync(key, language, draft, user.Actor().AgentId, ct), key, read, ct);

    private static async Task<Results<Ok<ArticleDetails>, NotFound>> PublishAsync(
        string key, string language, EditTranslation edit, ReadArticles read, ILiveTransport live, ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await Then(await edit.PublishAsync(key, language, user.Actor().AgentId, ct), key, read, ct);
        if (result.Result is Ok<ArticleDetails> { Value.MustRead: true })
        {
            // Open workspaces count the bulletin as due again.
            await live.PublishAsync(new LiveEvent(LiveEventKind.Bulletin, 0), ct);
        }

        return result;
    }

    private static async Task<Results<Ok<ArticleDetails>, NotFound>> UnpublishAsync(
        string key, string language, EditTranslation edit, ReadArticles read, ClaimsPrincipal user, CancellationToken ct) =>
        await Then(await edit.UnpublishAsync(key, language, user.Actor().AgentId, ct), key, read, ct);

    private static async Task<Results<Ok<ArticleDetails>, NotFound>> RestoreAsync(
        string key, string language, int number, EditTranslation edit, ReadArticles read, ClaimsPrincipal user, CancellationToken ct) =>
        await Then(await edit.RestoreAsync(key, language, number, user.Actor().AgentId, ct), key, read, ct);

    private static async Task<Results<Ok<ArticleDetails>, NotFound>> Then(ArticleTranslation? changed, string key, ReadArticles read, CancellationToken ct) =>
        changed is null ? TypedResults.NotFound() : TypedResults.Ok((await read.GetAsync(key, ct))!);

    private static async Task<Results<Ok<IReadOnlyList<VersionView>>, NotFound>> VersionsAsync(string key, string language, ReadArticles read, CancellationToken ct) =>
        await read.VersionsAsync(key, language, ct) is { } versions ? TypedResults.Ok(versions) : TypedResults.NotFound();

    private static async Task<Results<Ok<IReadOnlyList<FeedbackView>>, NotFound>> FeedbackAsync(string key, ReadArticles read, CancellationToken ct, int limit = 50) =>
        await read.FeedbackAsync(key, limit, ct) is { } feedback ? TypedResults.Ok(feedback) : TypedResults.NotFound();

    private static async Task<Results<NoContent, NotFound>> MarkReadAsync(string key, MustReads reads, ILiveTransport live, ClaimsPrincipal user, CancellationToken ct)
    {
        var agent = AgentOf(user);
        if (!await reads.MarkReadAsync(key, agent, ct))
        {
            return TypedResults.NotFound();
        }

        await live.PublishAsync(new LiveEvent(LiveEventKind.Bulletin, 0, AgentId: agent), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<IReadOnlyList<ReaderView>>, NotFound>> ReadersAsync(string key, MustReads reads, CancellationToken ct) =>
        await reads.ReadersAsync(key, ct) is { } readers ? TypedResults.Ok(readers) : TypedResults.NotFound();

    private static async Task<Ok<IReadOnlyList<MustReadItem>>> MustReadAsync(MustReads reads, ClaimsPrincipal user, CancellationToken ct, string language = "en") =>
        TypedResults.Ok(await reads.ForAgentAsync(AgentOf(user), language, ct));

    private static async Task<Ok<ArticleMatches>> SearchAsync(
        string q, SearchArticles search, CancellationToken ct, string language = "en", bool @internal = true, int limit = 20) =>
        TypedResults.Ok(await search.HandleAsync(q, language, @internal, limit, ct));

    private static async Task<Ok<DeflectionReport>> DeflectionAsync(DateTime from, DateTime to, Deflection deflection, CancellationToken ct) =>
        TypedResults.Ok(await deflection.ReportAsync(from.ToUniversalTime(), to.ToUniversalTime(), ct));

    private static async Task<Results<Ok<IReadOnlyList<ArticleSuggestion>>, NotFound>> TicketSuggestionsAsync(
        long number, SuggestArticles suggest, CancellationToken ct, string? q = null, int limit = 5) =>
        await suggest.ForTicketAsync(number, q, limit, ct) is { } suggestions ? TypedResults.Ok(suggestions) : TypedResults.NotFound();

    private static async Task<Created<KbFileView>> UploadFileAsync(HttpRequest request, StoreKbFile store, IOptions<AttachmentOptions> options, CancellationToken ct)
    {
        var files = await UploadForm.ReadFilesAsync(request, options.Value.MaxBytes, ct);
        var form = await request.ReadFormAsync(ct);
        var name = form["name"].ToString() is { Length: > 0 } given ? given : Path.GetFileName(files[0].FileName ?? "");
        var language = form["language"].ToString() is { Length: > 0 } l ? CreateArticle.LanguageOf(l) : null;
        await using var content = files.Count == 1 ? files[0].Open() : throw new RuleException("file", new LocalText("Loc4_Problem.Kb.OneFile"));
        var file = await store.HandleAsync(name, language, files[0].ClaimedType, content, ct);
        var url = $"/kb/files/{file.Name}" + (language is null ? "" : $"?lang={language}");
        return TypedResults.Created(url, new KbFileView(file.Name, file.Language, file.ContentType, file.Size, url));
    }

    private static long AgentOf(ClaimsPrincipal user) =>
        user.Actor().AgentId ?? throw new RuleException("agent", new LocalText("Loc4_Problem.Kb.ReadingAgentsOnly"));

    private static ProblemHttpResult Forbidden() =>
        TypedResults.Problem(Localized.Text("Loc4_Problem.Kb.PublishersOnly"), statusCode: StatusCodes.Status403Forbidden);

    public sealed record KbFileView(string Name, string? Language, string ContentType, long Size, string Url);
}
