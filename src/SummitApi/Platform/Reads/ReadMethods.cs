namespace SummitApi.Platform.Reads;

/// <summary>The methods that read: every GET route answers HEAD too, with the same checks and headers.</summary>
public static class ReadMethods
{
    public static bool IsRead(string method) => HttpMethods.IsGet(method) || HttpMethods.IsHead(method);
}
