using System.IO.Compression;
using System.Text;

namespace NewsGraph.Extraction.Ner;

/// <summary>
/// A trained two-stage tagger: a first linear chain over local features, and a second one that
/// also sees how the first tagged the other occurrences of each word nearby (see
/// <see cref="NerNonLocal"/>); plus the tag set and the gazetteer the features were computed with,
/// and the fingerprint of the word clusters (<see cref="NerWordClusters"/>, embedded separately)
/// it was trained with. Immutable, so one instance can serve any number of threads.
/// </summary>
public sealed class NerModel
{
    /// <summary>The default model's path under the assembly's embedded Data/ folder.</summary>
    public const string DefaultResourcePath = "ner/anercorp-perceptron.model.gz";

    private const int FormatVersion = 3;
    private static readonly byte[] s_magic = "NGNER"u8.ToArray();

    internal NerModel(IReadOnlyList<string> tags, NerGazetteer gazetteer, NerWordClusters clusters, NerChain stage1, NerChain? stage2, string description)
    {
        TagSet = new NerTagSet(tags);
        if (stage1.TagCount != TagSet.Count || (stage2 is not null && stage2.TagCount != TagSet.Count))
        {
            throw new ArgumentException("Chains do not match the tag set.");
        }

        Extractor = new NerFeatureExtractor(gazetteer, clusters);
        Stage1 = stage1;
        Stage2 = stage2;
        Description = description;
    }

    /// <summary>All tags the model decodes over (O first), including any it does not report, such as MISC.</summary>
    public IReadOnlyList<string> Tags => TagSet.Tags;

    /// <summary>Number of stored feature weights rows over both stages.</summary>
    public int FeatureCount => Stage1.Keys.Length + (Stage2?.Keys.Length ?? 0);

    /// <summary>Free text saved with the model: data, seed, epochs.</summary>
    public string Description { get; }

    public NerGazetteer Gazetteer => Extractor.Gazetteer;

    /// <summary>The word clusters the features look up (<see cref="NerWordClusters.Empty"/> when trained without).</summary>
    public NerWordClusters Clusters => Extractor.Clusters;

    internal NerTagSet TagSet { get; }

    internal NerFeatureExtractor Extractor { get; }

    internal NerChain Stage1 { get; }

    internal NerChain? Stage2 { get; }

    /// <summary>The model embedded in this assembly (trained on the ANERcorp train split, with the embedded clusters).</summary>
    public static NerModel LoadDefault()
    {
        using Stream stream = EmbeddedData.Open(DefaultResourcePath);
        return Load(stream);
    }

    /// <summary>Writes the model, gzip-compressed; the bytes depend only on the model's content.</summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var gzip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(gzip, Encoding.UTF8, leaveOpen: true);
        writer.Write(s_magic);
        writer.Write(FormatVersion);
        writer.Write(NerFeatureExtractor.Version);
        writer.Write(Description);
        writer.Write(Clusters.Fingerprint);
        writer.Write(TagSet.Count);
        foreach (string tag in TagSet.Tags)
        {
            writer.Write(tag);
        }

        writer.Write(Gazetteer.Entries.Count);
        foreach (NerGazetteerEntry entry in Gazetteer.Entries)
        {
            writer.Write((byte)entry.Category);
            writer.Write(entry.Phrase);
        }

        Stage1.Write(writer);
        writer.Write(Stage2 is not null);
        Stage2?.Write(writer);
    }

    /// <summary>
    /// Reads a model written by <see cref="Save"/>. A model trained with word clusters needs the
    /// same clusters: <paramref name="clusters"/>, or the embedded ones when null.
    /// </summary>
    /// <exception cref="InvalidDataException">Not a model file, a corrupt one, one from another feature-set version, or one trained with other clusters.</exception>
    public static NerModel Load(Stream stream, NerWordClusters? clusters = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            using var gzip = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
            using var reader = new BinaryReader(gzip, Encoding.UTF8, leaveOpen: true);
            if (!reader.ReadBytes(s_magic.Length).AsSpan().SequenceEqual(s_magic))
            {
                throw new InvalidDataException("Not a NewsGraph NER model.");
            }

            int format = reader.ReadInt32();
            int features = reader.ReadInt32();
            if (format != FormatVersion || features != NerFeatureExtractor.Version)
            {
                throw new InvalidDataException(
                    $"Model format {format}/features {features}; this build reads {FormatVersion}/{NerFeatureExtractor.Version}. Retrain the model.");
            }

            string description = reader.ReadString();
            string fingerprint = reader.ReadString();
            NerWordClusters used = fingerprint.Length == 0 ? NerWordClusters.Empty : clusters ?? NerWordClusters.LoadDefault();
            if (!string.Equals(used.Fingerprint, fingerprint, StringComparison.Ordinal))
            {
                throw new InvalidDataException(
                    $"The model was trained with word clusters {fingerprint}, not these ({(used.Fingerprint.Length == 0 ? "none" : used.Fingerprint)}). Retrain the model or pass its clusters.");
            }

            int count = reader.ReadInt32();
            if (count is < 1 or > 16)
            {
                throw new InvalidDataException($"Bad tag count {count}.");
            }

            string[] tags = new string[count];
            for (int t = 0; t < count; t++)
            {
                tags[t] = reader.ReadString();
            }

            int entryCount = reader.ReadInt32();
            if (entryCount is < 0 or > 10_000_000)
            {
                throw new InvalidDataException("Bad gazetteer size.");
            }

            var entries = new List<NerGazetteerEntry>(entryCount);
            for (int e = 0; e < entryCount; e++)
            {
                var category = (NerGazetteerCategory)reader.ReadByte();
                entries.Add(new NerGazetteerEntry(category, reader.ReadString()));
            }

            NerChain stage1 = NerChain.Read(reader, count);
            NerChain? stage2 = reader.ReadBoolean() ? NerChain.Read(reader, count) : null;
            return new NerModel(tags, NerGazetteer.Create(entries), used, stage1, stage2, description);
        }
        catch (Exception exception) when (exception is EndOfStreamException or ArgumentException)
        {
            throw new InvalidDataException("Truncated or corrupt NER model.", exception);
        }
    }
}
