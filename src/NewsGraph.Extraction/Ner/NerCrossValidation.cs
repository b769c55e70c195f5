using System.Diagnostics;

namespace NewsGraph.Extraction.Ner;

/// <summary>One held-out fold: its gold sentences, the tags predicted by a model trained on the other folds.</summary>
public sealed record NerFoldResult(
    int Fold,
    IReadOnlyList<TaggedSentence> Gold,
    IReadOnlyList<string> Predicted,
    NerScore Score,
    TimeSpan TrainingTime,
    TimeSpan TaggingTime,
    int FeatureCount);

/// <summary>All folds and the score of their pooled predictions.</summary>
public sealed record NerCrossValidationResult(IReadOnlyList<NerFoldResult> Folds, NerScore Pooled);

/// <summary>How sentences are dealt into folds.</summary>
public enum NerFoldSplit
{
    /// <summary>
    /// Contiguous blocks in corpus order (balanced by token count): the honest estimate for text
    /// the model has never seen, since neighbouring sentences (one article) share names.
    /// </summary>
    Contiguous,

    /// <summary>
    /// Sentences shuffled with a seed and dealt round-robin, each fold kept in corpus order: the
    /// textbook k-fold split. Sentences of one article land on both sides of it, so names seen in
    /// training recur in the held-out fold and the figure is higher than on unseen articles.
    /// </summary>
    Shuffled,
}

/// <summary>
/// k-fold cross-validation over sentences, contiguous by default (see <see cref="NerFoldSplit"/>).
/// </summary>
public static class NerCrossValidation
{
    /// <summary>Splits <paramref name="sentences"/> into <paramref name="folds"/> contiguous blocks of about equal token count.</summary>
    public static IReadOnlyList<IReadOnlyList<TaggedSentence>> SplitContiguous(IReadOnlyList<TaggedSentence> sentences, int folds)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        long total = sentences.Sum(s => (long)s.Tokens.Count);
        var blocks = new List<TaggedSentence>[folds];
        for (int f = 0; f < folds; f++)
        {
            blocks[f] = [];
        }

        long seen = 0;
        foreach (TaggedSentence sentence in sentences)
        {
            // A sentence goes to the fold its first token falls in.
            int fold = total == 0 ? 0 : (int)Math.Min(folds - 1, seen * folds / total);
            blocks[fold].Add(sentence);
            seen += sentence.Tokens.Count;
        }

        return blocks;
    }

    /// <summary>
    /// Deals <paramref name="sentences"/> into <paramref name="folds"/> folds in a seeded random
    /// order (round-robin, so fold sizes differ by at most one sentence); within a fold the
    /// sentences keep their corpus order. The same seed gives the same folds.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<TaggedSentence>> SplitShuffled(IReadOnlyList<TaggedSentence> sentences, int folds, int seed)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        int[] order = Enumerable.Range(0, sentences.Count).ToArray();
        new Random(seed).Shuffle(order);
        var foldOf = new int[sentences.Count];
        for (int position = 0; position < order.Length; position++)
        {
            foldOf[order[position]] = position % folds;
        }

        var blocks = new List<TaggedSentence>[folds];
        for (int f = 0; f < folds; f++)
        {
            blocks[f] = [];
        }

        for (int i = 0; i < sentences.Count; i++)
        {
            blocks[foldOf[i]].Add(sentences[i]);
        }

        return blocks;
    }

    public static NerCrossValidationResult Run(
        IReadOnlyList<TaggedSentence> sentences,
        int folds,
        NerTrainingOptions options,
        Action<NerFoldResult>? foldDone = null,
        NerFoldSplit split = NerFoldSplit.Contiguous,
        CancellationToken cancellationToken = default,
        int? onlyFold = null)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(options);
        IReadOnlyList<IReadOnlyList<TaggedSentence>> blocks = split == NerFoldSplit.Shuffled
            ? SplitShuffled(sentences, folds, options.Seed)
            : SplitContiguous(sentences, folds);
        NerGazetteer gazetteer = options.Gazetteer ?? NerGazetteer.LoadDefault();
        NerWordClusters clusters = options.Clusters ?? NerWordClusters.LoadDefault();
        if (onlyFold is < 1 || onlyFold > folds)
        {
            throw new ArgumentOutOfRangeException(nameof(onlyFold), "The fold to run is between 1 and the number of folds.");
        }

        // With onlyFold, one fold is trained and tagged (design choices are judged on fold 1 alone).
        int[] run = onlyFold is { } only ? [only - 1] : Enumerable.Range(0, folds).ToArray();
        var results = new NerFoldResult[run.Length];

        // Folds are independent and each is deterministic, so running them in parallel changes nothing but the wall time.
        Parallel.For(
            0,
            run.Length,
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
            r =>
            {
                int f = run[r];
                var training = blocks.Where((_, index) => index != f).SelectMany(b => b).ToList();
                var clock = Stopwatch.StartNew();
                NerModel model = NerTraining.Train(training, options with { Gazetteer = gazetteer, Clusters = clusters, Log = null }, cancellationToken);
                TimeSpan trainingTime = clock.Elapsed;

                var tagger = new NerTagger(model);
                clock.Restart();
                // The held-out fold is tagged as one text, as the tagger would see a long article:
                // it cuts sentences after "." itself, and non-local features see its own predictions only.
                var predicted = tagger.Tag(blocks[f].SelectMany(s => s.Tokens).ToList()).ToList();

                TimeSpan taggingTime = clock.Elapsed;
                var gold = blocks[f].SelectMany(s => s.Tags).ToList();
                var result = new NerFoldResult(f + 1, blocks[f], predicted, NerEvaluation.Score(gold, predicted), trainingTime, taggingTime, model.FeatureCount);
                results[r] = result;
                foldDone?.Invoke(result);
            });

        var pooledGold = results.SelectMany(r => r.Gold.SelectMany(s => s.Tags)).ToList();
        var pooledPredicted = results.SelectMany(r => r.Predicted).ToList();
        return new NerCrossValidationResult(results, NerEvaluation.Score(pooledGold, pooledPredicted));
    }
}
