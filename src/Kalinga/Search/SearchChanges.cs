using Kalinga.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Kalinga.Search;

/// <summary>The messages and ticket subjects a save is about to write, captured before the save assigns their keys.</summary>
public sealed class SearchChanges
{
    private SearchChanges(List<Message> messages, List<Ticket> subjects)
    {
        Messages = messages;
        Subjects = subjects;
    }

    public IReadOnlyList<Message> Messages { get; }

    public IReadOnlyList<Ticket> Subjects { get; }

    public bool IsEmpty => Messages.Count == 0 && Subjects.Count == 0;

    public static SearchChanges Collect(ChangeTracker tracker)
    {
        List<Message> messages = [];
        List<Ticket> subjects = [];
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
                    break;
            }
        }

        return new SearchChanges(messages, subjects);
    }
}
