# syntax=docker/dockerfile:1
# The `newsgraph` executable in a container: restore and publish the .NET app, with the npm
# front-end assets of the API installed from its committed lock file.

# ---- front-end assets: npm ci where the API has a lock file (none yet is fine) ----
FROM node:22-bookworm-slim AS assets
WORKDIR /src/src/NewsGraph.Api
COPY src/NewsGraph.Api/ ./
# (--ignore-scripts: the IDE package is static files; nothing needs to run at install.)
RUN if [ -f package-lock.json ]; then npm ci --no-audit --no-fund --ignore-scripts; else mkdir -p node_modules; fi

# ---- build: restore (cached on the project files), then publish ----
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/NewsGraph.Core/NewsGraph.Core.csproj src/NewsGraph.Core/
COPY src/NewsGraph.Extraction/NewsGraph.Extraction.csproj src/NewsGraph.Extraction/
COPY src/NewsGraph.Ingestion/NewsGraph.Ingestion.csproj src/NewsGraph.Ingestion/
COPY src/NewsGraph.Storage.Sqlite/NewsGraph.Storage.Sqlite.csproj src/NewsGraph.Storage.Sqlite/
COPY src/NewsGraph.Storage.Neo4j/NewsGraph.Storage.Neo4j.csproj src/NewsGraph.Storage.Neo4j/
COPY src/NewsGraph.Api/NewsGraph.Api.csproj src/NewsGraph.Api/
COPY src/NewsGraph.Cli/NewsGraph.Cli.csproj src/NewsGraph.Cli/
RUN dotnet restore src/NewsGraph.Cli/NewsGraph.Cli.csproj
COPY src/ src/
COPY schema/ schema/
COPY --from=assets /src/src/NewsGraph.Api/node_modules src/NewsGraph.Api/node_modules
# NewsGraph.Api.csproj runs npm itself when node_modules is older than the lock file; this image
# has no Node, so mark the installed copy as current (the project then only copies its files).
RUN if [ -f src/NewsGraph.Api/package-lock.json ]; then touch src/NewsGraph.Api/node_modules/.package-lock.json; fi
RUN dotnet publish src/NewsGraph.Cli/NewsGraph.Cli.csproj -c Release -o /app --no-restore

# ---- runtime: ASP.NET Core only, non-root ----
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# The image's unprivileged user (uid 1654).
USER $APP_UID
EXPOSE 8080
ENTRYPOINT ["dotnet", "newsgraph.dll"]
CMD ["serve", "--urls", "http://0.0.0.0:8080"]
