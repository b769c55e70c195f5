// Every server test shares one Neo4j database and empties it first: they must not overlap.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
