using Npgsql;

namespace SummitApi.Platform.Catalog;

/// <summary>How a resource reads its served representation by id (the one its writes' ETags are made from).</summary>
public sealed class RecordLookup<T> where T : class
{
    private readonly Func<NpgsqlConnection, string, Task<T?>> _find;

    internal RecordLookup(string? statement, Func<NpgsqlConnection, string, Task<T?>> find)
    {
        Statement = statement;
        _find = find;
    }

    /// <summary>
    /// The one statement (parameter @id) that reads the record, when one does: a GET by id sends it in the same round
    /// trip as what its read needs first (a pin to an instant, ReadScope.ReadOneAsync). Null when reading takes more.
    /// </summary>
    public string? Statement { get; }

    public Task<T?> FindAsync(NpgsqlConnection connection, string id) => _find(connection, id);
}

public static class RecordLookup
{
    /// <summary>The record is what one statement with the parameter @id reads.</summary>
    public static RecordLookup<T> ById<T>(string byIdSql) where T : class =>
        new(byIdSql, (connection, id) => Dapper.SqlMapper.QuerySingleOrDefaultAsync<T>(connection, byIdSql, new { id }));

    /// <summary>The record takes more than one statement to read (a readout and its statements).</summary>
    public static RecordLookup<T> Composed<T>(Func<NpgsqlConnection, string, Task<T?>> find) where T : class => new(null, find);
}
