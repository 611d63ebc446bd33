namespace SummitApi.Resources.Parties;

/// <summary>A state or bloc (reference data, loaded from the seed files).</summary>
public sealed record PartyInput(string Id, string Name, string Kind);
