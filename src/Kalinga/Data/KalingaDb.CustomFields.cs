using Kalinga.CustomFields;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Data;

/// <summary>The fields admins define for tickets; labels and options are small documents kept as JSON text.</summary>
public abstract partial class KalingaDb
{
    public DbSet<CustomFieldDefinition> CustomFields => Set<CustomFieldDefinition>();

    private static void ConfigureCustomFields(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<CustomFieldDefinition>(e =>
        {
            e.Property(f => f.Key).HasMaxLength(64);
            e.HasIndex(f => f.Key).IsUnique();
            e.Property(f => f.Type).HasConversion<string>().HasMaxLength(16);
            e.Property(f => f.Labels).HasConversion(JsonColumn.Converter<Dictionary<string, string>>(), JsonColumn.Comparer<Dictionary<string, string>>());
            e.Property(f => f.Options).HasConversion(JsonColumn.Converter<List<CustomFieldOption>>(), JsonColumn.Comparer<List<CustomFieldOption>>());
            e.HasIndex(f => new { f.Position, f.Id });
        });
    }
}
