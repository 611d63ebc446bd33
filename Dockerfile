# SummitApi container image: `docker compose up` (see docker-compose.yml) runs it beside Postgres.
# The service needs ConnectionStrings__Summit; without it, it would try to provision a local Postgres
# from binaries this image does not have, and exit.

# ---- build ------------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# Restore from the project and package files alone, so editing code does not invalidate the
# restored-packages layer.
COPY global.json Directory.Build.props Directory.Packages.props SummitApi.sln ./
COPY src/SummitApi/SummitApi.csproj src/SummitApi/
COPY src/LocalPostgres/LocalPostgres.csproj src/LocalPostgres/
RUN dotnet restore src/SummitApi/SummitApi.csproj

# db/*.sql and seeds/*.json are embedded into the assembly by the csproj, so they are build inputs.
COPY src/ src/
COPY db/ db/
COPY seeds/ seeds/
RUN dotnet publish src/SummitApi/SummitApi.csproj \
        --configuration Release \
        --no-restore \
        --output /app/publish \
        -p:UseAppHost=false

# ---- runtime ----------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS final
WORKDIR /app

# The published files stay owned by root: the service user can read them but not change them.
COPY --from=build /app/publish .

# The aspnet image already defaults to 8080; stating it keeps the port, EXPOSE and the health probe
# visibly in step.
ENV ASPNETCORE_HTTP_PORTS=8080
EXPOSE 8080

# The image has no curl or wget, and installing one only for a probe adds a package to patch. The
# stock image (Ubuntu 24.04 for .NET 10) does have bash, whose /dev/tcp redirection is enough for a
# one-line HTTP/1.0 request: the server closes the connection after answering, and the probe passes
# only when the status line says 200. /health/ready includes the database, so a container whose
# Postgres is unreachable is reported unhealthy. The start period covers migrations and seeding,
# which run before the server starts listening.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/localhost/8080 && printf 'GET /health/ready HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && IFS= read -r status <&3 && [[ $status == *' 200 '* ]]"]

# The nightly exports need a folder the service user may write; docker-compose.yml keeps it in a volume.
ENV Exports__Directory=/var/lib/summitapi/exports
RUN mkdir -p /var/lib/summitapi/exports && chown $APP_UID /var/lib/summitapi/exports

# Run as the image's non-root `app` user. The numeric UID (APP_UID=1654) rather than the name lets
# Kubernetes' runAsNonRoot verify that the user is not root.
USER $APP_UID

ENTRYPOINT ["dotnet", "SummitApi.dll"]
