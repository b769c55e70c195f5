namespace NewsGraph.Extraction.Ner;

/// <summary>
/// Tags tokens with BIO over PERS, LOC and ORG. Thread-safe (the model is immutable; scratch
/// space is per thread), linear in the input, and total: any token list gets exactly one tag per
/// token and a valid BIO sequence. Pass a whole article at once: the second stage looks at how
/// the same word is tagged elsewhere in the text.
/// </summary>
public sealed class NerTagger
{
    /// <summary>
    /// Longest stretch decoded as one sequence. Input is split after each "." token (as the
    /// training data was) and, failing that, every this many tokens, which bounds scratch memory.
    /// ANERcorp's longest sentence is 530 tokens.
    /// </summary>
    public const int MaxSegmentLength = 1024;

    /// <summary>
    /// Non-local evidence is gathered over blocks of about this many tokens (cut at a segment
    /// end): about an article. Keeps the work linear and the memory flat on any input.
    /// </summary>
    public const int BlockLength = 2000;

    private static readonly Lazy<NerTagger> s_default = new(() => new NerTagger(NerModel.LoadDefault()));

    [ThreadStatic]
    private static Workspace? t_workspace;

    private readonly NerModel _model;

    public NerTagger(NerModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
    }

    public NerModel Model => _model;

    /// <summary>The tagger over the embedded ANERcorp model; loaded once, shared.</summary>
    public static NerTagger LoadDefault() => s_default.Value;

    /// <summary>One tag per token: "O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG" or "I-ORG".</summary>
    public IReadOnlyList<string> Tag(IReadOnlyList<string> tokens) => Tag(tokens, localOnly: false);

    /// <summary>
    /// Like <see cref="Tag(IReadOnlyList{string})"/> with the first stage alone: for a window of a
    /// few words, where the second stage (how the same word is tagged elsewhere in the text) has
    /// nothing to look at. About half the cost.
    /// </summary>
    public IReadOnlyList<string> TagLocally(IReadOnlyList<string> tokens) => Tag(tokens, localOnly: true);

    private string[] Tag(IReadOnlyList<string> tokens, bool localOnly)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        string[] result = new string[tokens.Count];
        Workspace workspace = t_workspace ??= new Workspace();
        workspace.Segments.Clear();
        var segmenter = new NerSegmenter();
        int segmentStart = 0;
        for (int i = 0; i < tokens.Count; i++)
        {
            (bool segmentEnds, bool blockEnds) = segmenter.Add(tokens[i]);
            if (segmentEnds)
            {
                workspace.Segments.Add((segmentStart, i + 1 - segmentStart));
                segmentStart = i + 1;
            }

            if (blockEnds)
            {
                TagBlock(tokens, result, workspace, localOnly);
            }
        }

        if (segmentStart < tokens.Count)
        {
            workspace.Segments.Add((segmentStart, tokens.Count - segmentStart));
        }

        TagBlock(tokens, result, workspace, localOnly);
        return result;
    }

    private void TagBlock(IReadOnlyList<string> tokens, string[] result, Workspace workspace, bool localOnly)
    {
        List<(int Start, int Count)> segments = workspace.Segments;
        if (segments.Count == 0)
        {
            return;
        }

        NerTagSet tagSet = _model.TagSet;
        int tagCount = tagSet.Count;
        int blockStart = segments[0].Start;
        int blockCount = segments[^1].Start + segments[^1].Count - blockStart;
        int longest = 0;
        foreach ((_, int count) in segments)
        {
            longest = Math.Max(longest, count);
        }

        workspace.EnsureBlock(blockCount, longest * tagCount);

        // Local features of every token in the block, kept for both stages.
        NerFeatureBuffer buffer = workspace.Features;
        int keyCount = 0;
        foreach ((int start, int count) in segments)
        {
            _model.Extractor.Extract(tokens, start, count, buffer);
            int segmentKeys = buffer.Offsets[count];
            workspace.EnsureKeys(keyCount + segmentKeys);
            buffer.Keys.AsSpan(0, segmentKeys).CopyTo(workspace.Keys.AsSpan(keyCount));
            int relative = start - blockStart;
            for (int i = 0; i < count; i++)
            {
                workspace.Offsets[relative + i] = keyCount + buffer.Offsets[i];
                workspace.Stems[relative + i] = buffer.Stem[i];
            }

            keyCount += segmentKeys;
        }

        workspace.Offsets[blockCount] = keyCount;
        Span<int> stage1 = workspace.Stage1.AsSpan(0, blockCount);
        foreach ((int start, int count) in segments)
        {
            Decode(_model.Stage1, start - blockStart, count, workspace, null, stage1.Slice(start - blockStart, count));
        }

        Span<int> final = stage1;
        if (_model.Stage2 is { } stage2 && !localOnly)
        {
            workspace.NonLocal.Count(workspace.Stems.AsSpan(0, blockCount), stage1, tagCount);
            final = workspace.Final.AsSpan(0, blockCount);
            foreach ((int start, int count) in segments)
            {
                Decode(stage2, start - blockStart, count, workspace, stage1, final.Slice(start - blockStart, count));
            }
        }

        for (int i = 0; i < blockCount; i++)
        {
            result[blockStart + i] = tagSet.Reported[final[i]];
        }

        segments.Clear();
    }

    private void Decode(NerChain chain, int relative, int count, Workspace workspace, ReadOnlySpan<int> stage1, Span<int> path)
    {
        int tagCount = chain.TagCount;
        Span<float> emissions = workspace.Emissions.AsSpan(0, count * tagCount);
        emissions.Clear();
        Span<ulong> nonLocal = stackalloc ulong[NerNonLocal.MaxFeaturesPerToken];
        ReadOnlySpan<ulong> stems = workspace.Stems.AsSpan(0, workspace.Stage1Length);
        // The whole segment's rows are looked up first (see NerChain.FindRows), then added per token.
        int segmentFrom = workspace.Offsets[relative];
        int segmentKeys = workspace.Offsets[relative + count] - segmentFrom;
        workspace.EnsureRows(segmentKeys);
        chain.FindRows(workspace.Keys.AsSpan(segmentFrom, segmentKeys), workspace.Rows);
        for (int i = 0; i < count; i++)
        {
            int token = relative + i;
            Span<float> scores = emissions.Slice(i * tagCount, tagCount);
            int from = workspace.Offsets[token];
            chain.AddRows(workspace.Rows.AsSpan(from - segmentFrom, workspace.Offsets[token + 1] - from), scores);
            if (!stage1.IsEmpty)
            {
                int written = workspace.NonLocal.Features(token, stems, stage1, nonLocal);
                chain.AddEmissions(nonLocal[..written], scores);
            }
        }

        NerViterbi.Decode(_model.TagSet, emissions, count, chain.Transitions, chain.Start, chain.End, workspace.Delta, workspace.Back, path);
    }

    private sealed class Workspace
    {
        public NerFeatureBuffer Features { get; } = new();

        public NerNonLocal NonLocal { get; } = new();

        public List<(int Start, int Count)> Segments { get; } = [];

        public ulong[] Keys { get; private set; } = new ulong[8192];

        public int[] Offsets { get; private set; } = [];

        public ulong[] Stems { get; private set; } = [];

        public int[] Stage1 { get; private set; } = [];

        public int[] Final { get; private set; } = [];

        public int Stage1Length { get; private set; }

        public float[] Emissions { get; private set; } = [];

        public float[] Delta { get; private set; } = [];

        public int[] Back { get; private set; } = [];

        public void EnsureBlock(int tokens, int cells)
        {
            Stage1Length = tokens;
            if (Stems.Length < tokens)
            {
                int size = Math.Max(tokens, 256);
                Offsets = new int[size + 1];
                Stems = new ulong[size];
                Stage1 = new int[size];
                Final = new int[size];
            }

            if (Emissions.Length < cells)
            {
                Emissions = new float[cells];
                Delta = new float[cells];
                Back = new int[cells];
            }
        }

        public int[] Rows { get; private set; } = new int[8192];

        public void EnsureRows(int count)
        {
            if (Rows.Length < count)
            {
                Rows = new int[Math.Max(count, Rows.Length * 2)];
            }
        }

        public void EnsureKeys(int count)
        {
            if (Keys.Length < count)
            {
                ulong[] larger = new ulong[Math.Max(count, Keys.Length * 2)];
                Keys.CopyTo(larger, 0);
                Keys = larger;
            }
        }
    }
}
