namespace SummitApi.Platform.Reads;

/// <summary>
/// Endpoint metadata: the tables a read's answer is made from (its records, what they embed, and what its filters
/// check). The response cache drops the read's cached answers when a change set writes one of them, and keeps them
/// through every other write. A read that declares none is dropped on every write.
/// </summary>
public sealed class TablesRead(params string[] names)
{
    public string[] Names { get; } = names;
}

public static class TablesReadEndpointExtensions
{
    /// <summary>Declares the tables the endpoint's answers are made from; see <see cref="TablesRead"/>.</summary>
    public static TBuilder ReadsTables<TBuilder>(this TBuilder builder, params string[] tables) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new TablesRead(tables));
}
