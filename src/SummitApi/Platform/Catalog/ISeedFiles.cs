namespace SummitApi.Platform.Catalog;

/// <summary>The seed files, each read once and strictly (an unknown, missing or mistyped field is an error).</summary>
public interface ISeedFiles
{
    IReadOnlyList<T> Records<T>(string file);
}
