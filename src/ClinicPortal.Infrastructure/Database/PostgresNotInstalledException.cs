namespace ClinicPortal.Infrastructure.Database;

/// <summary>The embedded cluster cannot start because the PostgreSQL server programs are missing.</summary>
public sealed class PostgresNotInstalledException(string message) : Exception(message);
