using System.Diagnostics;
using System.Globalization;

namespace NewsGraph.Extraction.Ner;

/// <summary>Settings for <see cref="NerTraining.Train"/>. The defaults produced the committed model.</summary>
public sealed record NerTrainingOptions
{
    /// <summary>Passes over the data.</summary>
    public int Epochs { get; init; } = 15;

    /// <summary>Seeds the per-epoch shuffle of sentence order; the only randomness in training.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>
    /// Perceptrons trained on differently shuffled passes (seeds Seed, Seed+1, …) whose averaged
    /// weights are averaged again into one model: same size, less dependence on the shuffle.
    /// </summary>
    public int Shuffles { get; init; } = 3;

    /// <summary>
    /// Learn MISC as its own type (it is still reported as O). Keeps MISC words such as
    /// nationalities and event names from being learned as evidence for O.
    /// </summary>
    public bool LearnMiscellaneous { get; init; } = true;

    /// <summary>Features seen fewer times than this in the training data are dropped (2 halves the model at no measurable cost).</summary>
    public int MinFeatureCount { get; init; } = 2;

    /// <summary>
    /// Train the second stage (non-local features over the first stage's tags). Its training
    /// data gets first-stage tags from a contiguous jackknife, so it learns from realistic errors.
    /// </summary>
    public bool SecondStage { get; init; } = true;

    /// <summary>Parts of the jackknife that produces first-stage tags for second-stage training.</summary>
    public int JackknifeFolds { get; init; } = 5;

    /// <summary>Gazetteer for the gazetteer features; null means the embedded default.</summary>
    public NerGazetteer? Gazetteer { get; init; }

    /// <summary>
    /// Word clusters for the cluster features; null means the embedded default, and
    /// <see cref="NerWordClusters.Empty"/> trains without them. The model records which were used.
    /// </summary>
    public NerWordClusters? Clusters { get; init; }

    /// <summary>Saved in the model file; say which data and command produced it.</summary>
    public string? Description { get; init; }

    /// <summary>Receives one progress line per epoch.</summary>
    public Action<string>? Log { get; init; }
}

/// <summary>
/// Averaged structured perceptron (Collins 2002) over the features of
/// <see cref="NerFeatureExtractor"/>, decoding with the same BIO-constrained Viterbi the tagger
/// uses; optionally a second, stacked stage with <see cref="NerNonLocal"/> features.
/// Deterministic: the same data, options and seed give a byte-identical model.
/// </summary>
public static class NerTraining
{
    private static readonly string[] s_typeOrder = [NerTags.Person, NerTags.Location, NerTags.Organization, NerTags.Miscellaneous];

    public static NerModel Train(IEnumerable<TaggedSentence> data, NerTrainingOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Epochs);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MinFeatureCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.JackknifeFolds, 2);

        var sentences = data.Where(s => s.Tokens.Count > 0).ToList();
        NerGazetteer gazetteer = options.Gazetteer ?? NerGazetteer.LoadDefault();
        NerWordClusters clusters = options.Clusters ?? NerWordClusters.LoadDefault();
        var extractor = new NerFeatureExtractor(gazetteer, clusters);
        NerTagSet tagSet = BuildTagSet(sentences, options.LearnMiscellaneous);

        var buffer = new NerFeatureBuffer();
        var local = new Instance[sentences.Count];
        for (int s = 0; s < sentences.Count; s++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            TaggedSentence sentence = sentences[s];
            int n = sentence.Tokens.Count;
            extractor.Extract(sentence.Tokens, 0, n, buffer);
            local[s] = new Instance(
                buffer.Keys.AsSpan(0, buffer.Offsets[n]).ToArray(),
                buffer.Offsets.AsSpan(0, n + 1).ToArray(),
                buffer.Stem.AsSpan(0, n).ToArray(),
                GoldIndices(sentence.Tags, tagSet, options.LearnMiscellaneous));
        }

        NerChain stage1 = TrainChain(local, tagSet, options, "stage 1", cancellationToken);
        NerChain? stage2 = null;
        if (options.SecondStage && local.Length > 0)
        {
            int[][] firstStageTags = Jackknife(local, tagSet, options, cancellationToken);
            Instance[] stacked = WithNonLocalFeatures(local, firstStageTags, tagSet.Count);
            stage2 = TrainChain(stacked, tagSet, options, "stage 2", cancellationToken);
        }

        string description = options.Description ?? string.Create(
            CultureInfo.InvariantCulture,
            $"averaged perceptron; {sentences.Count} sentences; epochs {options.Epochs}; seed {options.Seed}");
        return new NerModel(tagSet.Tags, gazetteer, clusters, stage1, stage2, description);
    }

    /// <summary>First-stage tags for every training sentence from a model that did not see it.</summary>
    private static int[][] Jackknife(Instance[] local, NerTagSet tagSet, NerTrainingOptions options, CancellationToken cancellationToken)
    {
        int parts = Math.Min(options.JackknifeFolds, local.Length);
        long total = local.Sum(i => (long)i.Gold.Length);
        int[] partOf = new int[local.Length];
        long seen = 0;
        for (int s = 0; s < local.Length; s++)
        {
            partOf[s] = (int)Math.Min(parts - 1, seen * parts / Math.Max(total, 1));
            seen += local[s].Gold.Length;
        }

        int[][] tags = new int[local.Length][];
        var quiet = options with { Log = null };
        for (int part = 0; part < parts; part++)
        {
            Instance[] training = local.Where((_, s) => partOf[s] != part).ToArray();
            NerChain chain = TrainChain(training, tagSet, quiet, "jackknife", cancellationToken);
            for (int s = 0; s < local.Length; s++)
            {
                if (partOf[s] == part)
                {
                    tags[s] = Decode(chain, tagSet, local[s]);
                }
            }

            options.Log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"jackknife part {part + 1}/{parts} done"));
        }

        return tags;
    }

    /// <summary>Adds non-local features, counted over blocks of sentences cut as the tagger cuts them.</summary>
    private static Instance[] WithNonLocalFeatures(Instance[] local, int[][] firstStageTags, int tagCount)
    {
        var result = new Instance[local.Length];
        var nonLocal = new NerNonLocal();
        ulong[] scratch = new ulong[NerNonLocal.MaxFeaturesPerToken];
        int blockStart = 0;
        while (blockStart < local.Length)
        {
            int blockEnd = blockStart;
            int tokens = 0;
            while (blockEnd < local.Length && tokens < NerTagger.BlockLength)
            {
                tokens += local[blockEnd].Gold.Length;
                blockEnd++;
            }

            ulong[] stems = local[blockStart..blockEnd].SelectMany(i => i.Stems).ToArray();
            int[] tags = firstStageTags[blockStart..blockEnd].SelectMany(t => t).ToArray();
            nonLocal.Count(stems, tags, tagCount);
            int position = 0;
            for (int s = blockStart; s < blockEnd; s++)
            {
                Instance instance = local[s];
                var keys = new List<ulong>(instance.Keys.Length + (instance.Gold.Length * 6));
                int[] offsets = new int[instance.Gold.Length + 1];
                for (int i = 0; i < instance.Gold.Length; i++)
                {
                    offsets[i] = keys.Count;
                    keys.AddRange(instance.Keys.AsSpan(instance.Offsets[i], instance.Offsets[i + 1] - instance.Offsets[i]));
                    int written = nonLocal.Features(position + i, stems, tags, scratch);
                    keys.AddRange(scratch.AsSpan(0, written));
                }

                offsets[instance.Gold.Length] = keys.Count;
                result[s] = new Instance([.. keys], offsets, instance.Stems, instance.Gold);
                position += instance.Gold.Length;
            }

            blockStart = blockEnd;
        }

        return result;
    }

    private static int[] Decode(NerChain chain, NerTagSet tagSet, Instance instance)
    {
        int n = instance.Gold.Length;
        int tagCount = tagSet.Count;
        float[] emissions = new float[n * tagCount];
        for (int i = 0; i < n; i++)
        {
            chain.AddEmissions(
                instance.Keys.AsSpan(instance.Offsets[i], instance.Offsets[i + 1] - instance.Offsets[i]),
                emissions.AsSpan(i * tagCount, tagCount));
        }

        int[] path = new int[n];
        NerViterbi.Decode(tagSet, emissions, n, chain.Transitions, chain.Start, chain.End, new float[n * tagCount], new int[n * tagCount], path);
        return path;
    }

    private static NerChain TrainChain(Instance[] instances, NerTagSet tagSet, NerTrainingOptions options, string stage, CancellationToken cancellationToken)
    {
        int tagCount = tagSet.Count;
        var occurrences = new Dictionary<ulong, int>();
        foreach (Instance instance in instances)
        {
            foreach (ulong key in instance.Keys)
            {
                occurrences[key] = occurrences.GetValueOrDefault(key) + 1;
            }
        }

        // Feature rows in order of first occurrence: deterministic for the same data.
        var rowOf = new Dictionary<ulong, int>();
        var featureKeys = new List<ulong>();
        var rowsByInstance = new int[instances.Length][];
        for (int s = 0; s < instances.Length; s++)
        {
            ulong[] keys = instances[s].Keys;
            int[] rows = new int[keys.Length];
            for (int k = 0; k < keys.Length; k++)
            {
                ulong key = keys[k];
                if (occurrences[key] < options.MinFeatureCount)
                {
                    rows[k] = -1;
                    continue;
                }

                if (!rowOf.TryGetValue(key, out int row))
                {
                    row = featureKeys.Count;
                    rowOf.Add(key, row);
                    featureKeys.Add(key);
                }

                rows[k] = row;
            }

            rowsByInstance[s] = rows;
        }

        int shuffles = Math.Max(1, options.Shuffles);
        float[] averaged = new float[featureKeys.Count * tagCount];
        float[] transitionWeights = new float[tagCount * tagCount];
        float[] startWeights = new float[tagCount];
        float[] endWeights = new float[tagCount];
        for (int run = 0; run < shuffles; run++)
        {
            (float[] w, float[] tr, float[] st, float[] en) = RunPerceptron(instances, rowsByInstance, featureKeys.Count, tagSet, options, options.Seed + run, stage, cancellationToken);
            Accumulate(averaged, w, shuffles);
            Accumulate(transitionWeights, tr, shuffles);
            Accumulate(startWeights, st, shuffles);
            Accumulate(endWeights, en, shuffles);
        }

        // Keep only features that ended with a non-zero averaged weight.
        var keptKeys = new List<ulong>();
        var keptWeights = new List<float>();
        for (int row = 0; row < featureKeys.Count; row++)
        {
            ReadOnlySpan<float> values = averaged.AsSpan(row * tagCount, tagCount);
            if (values.ContainsAnyExcept(0f))
            {
                keptKeys.Add(featureKeys[row]);
                keptWeights.AddRange(values);
            }
        }

        return new NerChain(tagCount, transitionWeights, startWeights, endWeights, [.. keptKeys], [.. keptWeights]);
    }

    private static void Accumulate(float[] total, float[] values, int runs)
    {
        for (int i = 0; i < total.Length; i++)
        {
            total[i] += values[i] / runs;
        }
    }

    private static (float[] Weights, float[] Transitions, float[] Start, float[] End) RunPerceptron(
        Instance[] instances,
        int[][] rowsByInstance,
        int featureCount,
        NerTagSet tagSet,
        NerTrainingOptions options,
        int seed,
        string stage,
        CancellationToken cancellationToken)
    {
        int tagCount = tagSet.Count;
        var weights = new AveragedWeights(featureCount * tagCount);
        var transitions = new AveragedWeights(tagCount * tagCount);
        var start = new AveragedWeights(tagCount);
        var end = new AveragedWeights(tagCount);

        int maxLength = instances.Length == 0 ? 0 : instances.Max(s => s.Gold.Length);
        float[] emissions = new float[maxLength * tagCount];
        float[] delta = new float[maxLength * tagCount];
        int[] back = new int[maxLength * tagCount];
        int[] predicted = new int[maxLength];
        int[] order = Enumerable.Range(0, instances.Length).ToArray();
        var random = new Random(seed);
        long instanceCount = 1;

        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            random.Shuffle(order);
            int tokenErrors = 0;
            int tokens = 0;
            foreach (int s in order)
            {
                cancellationToken.ThrowIfCancellationRequested();
                int[] rows = rowsByInstance[s];
                int[] offsets = instances[s].Offsets;
                int[] gold = instances[s].Gold;
                int n = gold.Length;
                tokens += n;

                Span<float> scores = emissions.AsSpan(0, n * tagCount);
                scores.Clear();
                for (int i = 0; i < n; i++)
                {
                    Span<float> tokenScores = scores.Slice(i * tagCount, tagCount);
                    for (int k = offsets[i]; k < offsets[i + 1]; k++)
                    {
                        if (rows[k] >= 0)
                        {
                            ReadOnlySpan<float> row = weights.Current.AsSpan(rows[k] * tagCount, tagCount);
                            for (int t = 0; t < tagCount; t++)
                            {
                                tokenScores[t] += row[t];
                            }
                        }
                    }
                }

                NerViterbi.Decode(tagSet, scores, n, transitions.Current, start.Current, end.Current, delta, back, predicted);

                bool same = true;
                for (int i = 0; i < n; i++)
                {
                    if (predicted[i] != gold[i])
                    {
                        same = false;
                        tokenErrors++;
                        for (int k = offsets[i]; k < offsets[i + 1]; k++)
                        {
                            if (rows[k] >= 0)
                            {
                                weights.Update((rows[k] * tagCount) + gold[i], 1, instanceCount);
                                weights.Update((rows[k] * tagCount) + predicted[i], -1, instanceCount);
                            }
                        }
                    }
                }

                if (!same)
                {
                    start.Update(gold[0], 1, instanceCount);
                    start.Update(predicted[0], -1, instanceCount);
                    for (int i = 1; i < n; i++)
                    {
                        transitions.Update((gold[i - 1] * tagCount) + gold[i], 1, instanceCount);
                        transitions.Update((predicted[i - 1] * tagCount) + predicted[i], -1, instanceCount);
                    }

                    end.Update(gold[n - 1], 1, instanceCount);
                    end.Update(predicted[n - 1], -1, instanceCount);
                }

                instanceCount++;
            }

            options.Log?.Invoke(string.Create(
                CultureInfo.InvariantCulture,
                $"{stage} epoch {epoch}/{options.Epochs}: {tokenErrors} token errors of {tokens} ({clock.Elapsed.TotalSeconds:F1} s)"));
        }

        return (weights.Average(instanceCount), transitions.Average(instanceCount), start.Average(instanceCount), end.Average(instanceCount));
    }

    private static NerTagSet BuildTagSet(List<TaggedSentence> sentences, bool learnMiscellaneous)
    {
        bool hasMisc = learnMiscellaneous && sentences.Any(s => s.Tags.Any(t => NerTags.TypeOf(t) == NerTags.Miscellaneous));
        var tags = new List<string> { NerTags.Outside };
        foreach (string type in s_typeOrder)
        {
            if (type != NerTags.Miscellaneous || hasMisc)
            {
                tags.Add("B-" + type);
                tags.Add("I-" + type);
            }
        }

        return new NerTagSet(tags);
    }

    private static int[] GoldIndices(IReadOnlyList<string> tags, NerTagSet tagSet, bool learnMiscellaneous)
    {
        // Types the model does not learn become O before repair, so an I- after them becomes B-.
        var kept = tags
            .Select(t => NerTags.TypeOf(t) is { } type && (s_typeOrder.Contains(type) && (learnMiscellaneous || type != NerTags.Miscellaneous)) ? t : NerTags.Outside)
            .ToList();
        string[] repaired = NerTags.Repair(kept, out _);
        int[] gold = new int[repaired.Length];
        for (int i = 0; i < repaired.Length; i++)
        {
            int index = tagSet.IndexOf(repaired[i]);
            gold[i] = index < 0 ? 0 : index;
        }

        return gold;
    }

    /// <summary>One training sequence: feature keys per token, stems (for non-local counts) and gold tag indices.</summary>
    private sealed record Instance(ulong[] Keys, int[] Offsets, ulong[] Stems, int[] Gold);

    /// <summary>
    /// Weights with the lazy-averaging trick (Daumé 2006): keep the running weights and the
    /// instance-weighted sum of updates; the average is current − sum / instances.
    /// </summary>
    private sealed class AveragedWeights(int size)
    {
        private readonly double[] _weightedUpdates = new double[size];

        public float[] Current { get; } = new float[size];

        public void Update(int index, int delta, long instance)
        {
            Current[index] += delta;
            _weightedUpdates[index] += (double)delta * instance;
        }

        public float[] Average(long instances)
        {
            float[] average = new float[Current.Length];
            for (int i = 0; i < average.Length; i++)
            {
                average[i] = (float)(Current[i] - (_weightedUpdates[i] / instances));
            }

            return average;
        }
    }
}
