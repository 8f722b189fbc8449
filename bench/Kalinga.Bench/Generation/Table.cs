namespace Kalinga.Bench.Generation;

/// <summary>
/// How one kind of row maps to the columns of one table. Values are boxed with the CLR type of the column (long for
/// bigint, int for integer, string[] for a list), because PostgreSQL's binary COPY accepts exactly the column's type.
/// Columns left out get their defaults, so a column added by a later migration does not break the loaders.
/// </summary>
public sealed record Table<T>(string Name, string[] Columns, Func<T, object?[]> Values);
