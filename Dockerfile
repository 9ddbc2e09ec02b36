# syntax=docker/dockerfile:1
# Multi-stage build: the SDK image compiles and publishes; the smaller ASP.NET runtime image runs.
# Not built on our development machines (no Docker engine runs there) — see README.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore first, from the project files only, so the layer is reused until a dependency changes.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/OrchardPortal.Web/OrchardPortal.Web.csproj src/OrchardPortal.Web/
COPY src/OrchardPortal.Core/OrchardPortal.Core.csproj src/OrchardPortal.Core/
COPY src/OrchardPortal.Liquid/OrchardPortal.Liquid.csproj src/OrchardPortal.Liquid/
COPY src/Modules/ src/Modules/
RUN dotnet restore src/OrchardPortal.Web/OrchardPortal.Web.csproj
COPY src/ src/
COPY recipes/ recipes/
RUN dotnet publish src/OrchardPortal.Web/OrchardPortal.Web.csproj -c Release -o /app --no-restore /p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# Tenant databases, uploaded files and Data Protection keys live here: mount a volume to keep them.
RUN mkdir -p /app/App_Data && chown -R app:app /app/App_Data
VOLUME ["/app/App_Data"]
# The port comes from configuration: override with -e PORT=... (or ASPNETCORE_URLS / Urls).
ENV PORT=8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    Storage__AppDataPath=/app/App_Data
EXPOSE 8080
# The non-root user the ASP.NET images ship with.
USER app
ENTRYPOINT ["sh", "-c", "exec dotnet OrchardPortal.Web.dll --urls http://0.0.0.0:${PORT}"]
