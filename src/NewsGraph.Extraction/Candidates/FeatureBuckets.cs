namespace NewsGraph.Extraction.Candidates;

/// <summary>Coarse buckets for counts and distances, so features generalize across articles.</summary>
internal static class FeatureBuckets
{
    public static string Distance(int d) => d switch
    {
        <= 0 => "0",
        1 => "1",
        2 => "2",
        <= 5 => "3-5",
        <= 10 => "6-10",
        <= 20 => "11-20",
        _ => "21+",
    };

    public static string Count(int n) => n switch
    {
        <= 0 => "0",
        1 => "1",
        2 => "2",
        <= 4 => "3-4",
        <= 8 => "5-8",
        _ => "9+",
    };
}
