namespace NewsGraph.Extraction.Ner;

/// <summary>
/// Where the tagger cuts its input. A segment (decoded as one sequence) ends after a "." token,
/// as ANERcorp sentences were cut for training, or after <see cref="NerTagger.MaxSegmentLength"/>
/// tokens. A block (the text over which non-local features are counted) ends at the first segment
/// end after <see cref="NerTagger.BlockLength"/> tokens. Training cuts its data the same way.
/// </summary>
internal struct NerSegmenter
{
    private int _segment;
    private int _block;

    /// <summary>Call once per token, in order.</summary>
    public (bool SegmentEnds, bool BlockEnds) Add(string? token)
    {
        _segment++;
        _block++;
        if (token != "." && _segment < NerTagger.MaxSegmentLength)
        {
            return (false, false);
        }

        _segment = 0;
        if (_block < NerTagger.BlockLength)
        {
            return (true, false);
        }

        _block = 0;
        return (true, true);
    }
}
