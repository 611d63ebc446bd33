using Npgsql;

namespace SummitApi.Platform.Catalog;

/// <summary>How a resource finds its served representation by id, for <see cref="RecordResource{TInput, TRecord}.FindAsync"/>.</summary>
public static class RecordLookup
{
    public static Func<NpgsqlConnection, string, Task<T?>> ById<T>(string byIdSql) where T : class =>
        (connection, id) => Dapper.SqlMapper.QuerySingleOrDefaultAsync<T>(connection, byIdSql, new { id });
}
