using Kalinga.KnowledgeBase;
using Kalinga.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Kalinga.Search;

/// <summary>
/// The messages, ticket subjects and article translations a save is about to write, captured before the save assigns
/// their keys. A translation is indexed as published; one taken off the portal (or deleted) leaves the index.
/// </summary>
public sealed class SearchChanges
{
    private readonly HashSet<Ticket> newTickets;

    private SearchChanges(List<Message> messages, List<Ticket> subjects, HashSet<Ticket> newTickets, List<ArticleTranslation> articles, List<int> removedArticles)
    {
        this.newTickets = newTickets;
        Messages = messages;
        Subjects = subjects;
        Articles = articles;
        RemovedArticles = removedArticles;
    }

    public IReadOnlyList<Message> Messages { get; }

    public IReadOnlyList<Ticket> Subjects { get; }

    /// <summary>Published translations whose title or text changed: their index row is replaced.</summary>
    public IReadOnlyList<ArticleTranslation> Articles { get; }

    /// <summary>Ids of translations that left the portal (unpublished or deleted).</summary>
    public IReadOnlyList<int> RemovedArticles { get; }

    /// <summary>True for a ticket this save inserts: it has no index row to replace yet.</summary>
    public bool IsNew(Ticket ticket) => newTickets.Contains(ticket);

    public bool IsEmpty => Messages.Count == 0 && Subjects.Count == 0 && Articles.Count == 0 && RemovedArticles.Count == 0;

    public static SearchChanges Collect(ChangeTracker tracker)
    {
        List<Message> messages = [];
        List<Ticket> subjects = [];
        HashSet<Ticket> newTickets = [];
        List<ArticleTranslation> articles = [];
        List<int> removedArticles = [];
        foreach (var entry in tracker.Entries())
        {
            switch (entry.Entity)
            {
                case Message m when entry.State == EntityState.Added:
                    messages.Add(m);
                    break;
                case Ticket t when entry.State == EntityState.Added
                    || (entry.State == EntityState.Modified && entry.Property(nameof(Ticket.Subject)).IsModified):
                    subjects.Add(t);
                    if (entry.State == EntityState.Added)
                    {
                        newTickets.Add(t);
                    }

                    break;
                case ArticleTranslation a when entry.State == EntityState.Deleted
                    || (entry.State == EntityState.Modified && !a.IsPublished && entry.Property(nameof(ArticleTranslation.PublishedAt)).IsModified):
                    removedArticles.Add(a.Id);
                    break;
                case ArticleTranslation a when a.IsPublished && (entry.State == EntityState.Added
                    || (entry.State == EntityState.Modified && entry.Property(nameof(ArticleTranslation.PublishedVersion)).IsModified)):
                    articles.Add(a);
                    break;
            }
        }

        return new SearchChanges(messages, subjects, newTickets, articles, removedArticles);
    }
}
