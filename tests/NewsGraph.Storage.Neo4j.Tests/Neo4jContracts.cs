using NewsGraph.Storage.Contract;

namespace NewsGraph.Storage.Neo4j.Tests;

// The store contract, enrolled for Neo4j. Bodies stay empty: behaviour lives in the contract.
public sealed class Neo4jUpsertContract : UpsertContract<Neo4jStoreFactory>
{
}

public sealed class Neo4jQueryContract : QueryContract<Neo4jStoreFactory>
{
}

public sealed class Neo4jGroupedReadContract : GroupedReadContract<Neo4jStoreFactory>
{
}

public sealed class Neo4jSearchContract : SearchContract<Neo4jStoreFactory>
{
}

public sealed class Neo4jAnalyticsContract : AnalyticsContract<Neo4jStoreFactory>
{
}

public sealed class Neo4jExportContract : ExportContract<Neo4jStoreFactory>
{
}

public sealed class Neo4jConfidenceContract : ConfidenceContract<Neo4jStoreFactory>
{
}

public sealed class Neo4jRetractionContract : RetractionContract<Neo4jStoreFactory>
{
}

public sealed class Neo4jDateContract : DateContract<Neo4jStoreFactory>
{
}

public sealed class Neo4jStatusContract : StatusContract<Neo4jStoreFactory>
{
}

public sealed class Neo4jSourceStateContract : SourceStateContract<Neo4jStoreFactory>
{
}

public sealed class Neo4jReprintContract : ReprintContract<Neo4jStoreFactory>
{
}

public sealed class Neo4jReprintCountContract : ReprintCountContract<Neo4jStoreFactory>
{
}
