using NewsGraph.Evaluation.Vectors;

namespace NewsGraph.Evaluation.Tests.Vectors;

public sealed class WordVectorTests
{
    [Fact]
    public void SymmetricEigen_KnownMatrix_GivesItsEigenvaluesAndVectors()
    {
        // [[2,1,0],[1,2,0],[0,0,5]]: eigenvalues 1 and 3 on (1,−1)/√2 and (1,1)/√2, and 5 on e3.
        double[] m = [2, 1, 0, 1, 2, 0, 0, 0, 5];

        (double[] values, double[] vectors) = RandomizedSvd.SymmetricEigen(m, 3);

        Assert.Equal([1.0, 3.0, 5.0], values.Order().Select(v => Math.Round(v, 9)));
        int three = Array.FindIndex(values, v => Math.Abs(v - 3) < 1e-9);
        Assert.Equal(Math.Abs(vectors[three]), Math.Abs(vectors[3 + three]), 9);
        Assert.Equal(vectors[three], vectors[3 + three], 9);
        Assert.Equal(0, vectors[6 + three], 9);
    }

    [Fact]
    public void Compute_TinyMatrix_GivesItsSingularValuesAndLeftVectors()
    {
        // Columns scaled unit vectors: singular values 3, 2, 1 on e2, e1, e3 (signs made positive).
        var a = SparseMatrix.FromDense(new double[,] { { 2, 0, 0 }, { 0, -3, 0 }, { 0, 0, 1 }, { 0, 0, 0 } });

        TruncatedSvd svd = RandomizedSvd.Compute(a, rank: 3, oversampling: 0, powerIterations: 2, seed: 7);

        Assert.Equal([3.0, 2.0, 1.0], svd.Values.Select(v => Math.Round(v, 9)));
        double[] expected = [0, 1, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0];
        Assert.Equal(expected, svd.Left.Select(v => Math.Round(v, 9)));
    }

    [Fact]
    public void Compute_RankOneMatrix_FindsItsOneDirection()
    {
        // 4 u vᵀ with unit u = (1, 2, 2) / 3 and v = (0.6, 0.8): σ1 = 4 on u, every other σ ≈ 0.
        double[] u = [1 / 3.0, 2 / 3.0, 2 / 3.0];
        double[] v = [0.6, 0.8];
        var dense = new double[3, 2];
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 2; j++)
            {
                dense[i, j] = 4 * u[i] * v[j];
            }
        }

        TruncatedSvd svd = RandomizedSvd.Compute(SparseMatrix.FromDense(dense), rank: 2, oversampling: 0, powerIterations: 1, seed: 3);

        Assert.Equal(4, svd.Values[0], 9);
        Assert.Equal(0, svd.Values[1], 6);
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(u[i], svd.Left[i * 2], 9);
        }
    }

    [Fact]
    public void Compute_RandomSparseMatrix_LeftVectorsAreOrthonormalAndKeepTheEnergy()
    {
        // Full rank kept: Σσ² must equal the squared Frobenius norm, and Uᵀ U = I.
        var random = new Random(5);
        var dense = new double[30, 8];
        double energy = 0;
        for (int i = 0; i < 30; i++)
        {
            for (int j = 0; j < 8; j++)
            {
                dense[i, j] = random.Next(3) == 0 ? random.NextDouble() * 4 : 0;
                energy += dense[i, j] * dense[i, j];
            }
        }

        TruncatedSvd svd = RandomizedSvd.Compute(SparseMatrix.FromDense(dense), rank: 8, oversampling: 4, powerIterations: 2, seed: 1);

        Assert.Equal(energy, svd.Values.Sum(s => s * s), 6);
        Assert.True(svd.Values.Zip(svd.Values.Skip(1)).All(p => p.First >= p.Second));
        for (int p = 0; p < 8; p++)
        {
            for (int q = 0; q < 8; q++)
            {
                double dot = Enumerable.Range(0, 30).Sum(r => svd.Left[(r * 8) + p] * svd.Left[(r * 8) + q]);
                Assert.Equal(p == q ? 1 : 0, dot, 9);
            }
        }
    }

    [Fact]
    public void PpmiMatrix_WindowsStopAtDocumentBoundaries_AndKeepLeftAndRightApart()
    {
        // Two documents, "0 1" and "2 3" (-1 between): word 2's window of ±2 must not reach word 1.
        int[] stream = [0, 1, -1, 2, 3];

        SparseMatrix m = WordVectorBuilder.PpmiMatrix(stream, words: 4, contexts: 4, new WordVectorOptions { Window = 2 });

        int[] Columns(int row) => m.Column[m.RowStart[row]..m.RowStart[row + 1]];
        Assert.Equal([4 + 1], Columns(0));   // 0: 1 on its right
        Assert.Equal([0], Columns(1));       // 1: 0 on its left
        Assert.Equal([4 + 3], Columns(2));   // 2: 3 on its right, nothing on its left
        Assert.Equal([2], Columns(3));       // 3: 2 on its left
        Assert.All(m.Value, v => Assert.True(v > 0));
    }

    [Fact]
    public void Build_SameTextTwice_GivesIdenticalVectors_AnotherSeedTheSameWords()
    {
        WordVectors first = Build(seed: 1);
        WordVectors second = Build(seed: 1);
        WordVectors other = Build(seed: 2);

        Assert.Equal(first.Words, second.Words);
        Assert.Equal(first.Vectors, second.Vectors);
        Assert.Equal(first.Words, other.Words);
        Assert.Equal(first.Vectors.Length, other.Vectors.Length);
    }

    [Fact]
    public void Build_WordsInTheSameContexts_GetCloseVectors_OthersDoNot()
    {
        WordVectors vectors = Build(seed: 1);

        double Cosine(string a, string b)
        {
            int i = IndexOf(vectors, a);
            int j = IndexOf(vectors, b);
            return Enumerable.Range(0, vectors.Dimensions).Sum(d => (double)vectors.Vectors[(i * vectors.Dimensions) + d] * vectors.Vectors[(j * vectors.Dimensions) + d]);
        }

        Assert.True(Cosine("سالم", "خالد") > 0.9, $"names: {Cosine("سالم", "خالد")}");
        Assert.True(Cosine("جدة", "تبوك") > 0.9, $"places: {Cosine("جدة", "تبوك")}");
        Assert.True(Cosine("سالم", "جدة") < 0.5, $"name vs place: {Cosine("سالم", "جدة")}");
        Assert.All(Enumerable.Range(0, vectors.Words.Count), i =>
            Assert.Equal(1.0, Enumerable.Range(0, vectors.Dimensions).Sum(d => Math.Pow(vectors.Vectors[(i * vectors.Dimensions) + d], 2)), 4));
    }

    [Fact]
    public void Codes_SignBitsSkipTheFirstDimension_TreeSeparatesTwoGroups()
    {
        // Four unit vectors in 3 dimensions: two near +e2, two near −e2 (all positive on e1).
        float[] vectors = [0.6f, 0.8f, 0f, 0.6f, 0.79f, 0.1f, 0.6f, -0.8f, 0f, 0.6f, -0.79f, -0.1f];

        string[] sign = VectorCodes.SignPaths(vectors, 3, 20);
        string[] tree = VectorCodes.BisectingPaths(vectors, 3, 4, seed: 1);

        Assert.Equal(["11", "11", "01", "00"], sign);
        Assert.Equal(tree[0][0], tree[1][0]);
        Assert.Equal(tree[2][0], tree[3][0]);
        Assert.NotEqual(tree[0][0], tree[2][0]);
        Assert.Equal(4, tree.Distinct().Count());
    }

    private static int IndexOf(WordVectors vectors, string word) => vectors.Words.ToList().IndexOf(NewsGraph.Extraction.Ner.NerWordClusters.KeyOf(word));

    /// <summary>Synthetic sentences: names after "قال" and before "إن", places after "في" and before "أمس".</summary>
    private static WordVectors Build(int seed)
    {
        var builder = new WordVectorBuilder();
        string[] names = ["سالم", "خالد", "ناصر", "فهد"];
        string[] places = ["جدة", "تبوك", "أبها", "حائل"];
        var random = new Random(11);
        for (int s = 0; s < 400; s++)
        {
            string name = names[random.Next(names.Length)];
            string place = places[random.Next(places.Length)];
            builder.AddTokens(["وقال", name, "إن", "الاجتماع", "عقد", "في", place, "أمس", "."]);
        }

        return builder.Build(new WordVectorOptions { Dimensions = 6, MinCount = 2, Contexts = 20, Window = 2, Oversampling = 4, Seed = seed });
    }
}
