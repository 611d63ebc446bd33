namespace SummitApi.Platform.Data;

/// <summary>The connection string the service was configured or provisioned with.</summary>
public sealed record DatabaseConnection(string ConnectionString);
