using NewsGraph.Storage.Contract;

namespace NewsGraph.Storage.Sqlite.Tests;

// The store contract, enrolled for the embedded store. Bodies stay empty: behaviour lives in the contract.
public sealed class SqliteUpsertContract : UpsertContract<SqliteStoreFactory>
{
}

public sealed class SqliteQueryContract : QueryContract<SqliteStoreFactory>
{
}

public sealed class SqliteGroupedReadContract : GroupedReadContract<SqliteStoreFactory>
{
}

public sealed class SqliteSearchContract : SearchContract<SqliteStoreFactory>
{
}

public sealed class SqliteAnalyticsContract : AnalyticsContract<SqliteStoreFactory>
{
}

public sealed class SqliteExportContract : ExportContract<SqliteStoreFactory>
{
}

public sealed class SqliteConfidenceContract : ConfidenceContract<SqliteStoreFactory>
{
}

public sealed class SqliteRetractionContract : RetractionContract<SqliteStoreFactory>
{
}

public sealed class SqliteDateContract : DateContract<SqliteStoreFactory>
{
}

public sealed class SqliteStatusContract : StatusContract<SqliteStoreFactory>
{
}

public sealed class SqliteSourceStateContract : SourceStateContract<SqliteStoreFactory>
{
}

public sealed class SqliteReprintContract : ReprintContract<SqliteStoreFactory>
{
}

public sealed class SqliteReprintCountContract : ReprintCountContract<SqliteStoreFactory>
{
}
