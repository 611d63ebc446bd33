using Npgsql;
using SummitApi.Platform.Auth;

namespace SummitApi.Cli;

/// <summary>keys create --scope editor|admin [--name NAME] · keys list · keys revoke KEYID</summary>
public static class KeysCommand
{
    private const string Usage = """
        usage: keys create --scope editor|admin [--name NAME]   create a key; it is printed once, on the last line
               keys list                                       list keys (never their secrets)
               keys revoke KEYID                               revoke a key at once
        """;

    public static async Task<int> RunAsync(string[] args, IServiceProvider services)
    {
        var dataSource = services.GetRequiredService<NpgsqlDataSource>();
        switch (args)
        {
            case ["create", ..] when CommandLine.Option(args, "--scope") is { } scope && ApiKeyStore.Scopes.Contains(scope):
                var (key, secret) = await ApiKeyStore.CreateAsync(dataSource, scope, CommandLine.Option(args, "--name"));
                Console.Out.WriteLine($"Created {key.Scope} key {key.Id}{(key.Name is null ? "" : $" ({key.Name})")}. It is shown once, below; store it now.");
                Console.Out.WriteLine(secret);
                return 0;
            case ["list"]:
                Console.Out.WriteLine($"{"id",-12}  {"scope",-6}  {"created",-20}  {"revoked",-20}  name");
                foreach (var k in await ApiKeyStore.ListAsync(dataSource))
                {
                    Console.Out.WriteLine($"{k.Id,-12}  {k.Scope,-6}  {k.CreatedAt,-20:yyyy-MM-ddTHH:mm:ssZ}  {(k.RevokedAt is { } r ? r.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture) : "-"),-20}  {k.Name}");
                }
                return 0;
            case ["revoke", var id]:
                if (await ApiKeyStore.RevokeAsync(dataSource, id))
                {
                    Console.Out.WriteLine($"Revoked key {id}.");
                    return 0;
                }
                Console.Error.WriteLine($"No key has the id '{id}'.");
                return 1;
            default:
                Console.Error.WriteLine(Usage);
                return 2;
        }
    }
}
