using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;
using static NewsGraph.Storage.Contract.SampleGraph;

namespace NewsGraph.Storage.Contract;

/// <summary>
/// Statuses over time: each assertion keeps its own date, so a store's records give
/// <see cref="StatusHistory"/> what it needs to say which membership or role held on a date; lists
/// restricted to those (<see cref="StatusReads"/>) and status-filtered paths answer alike on every store.
/// </summary>
public abstract class StatusContract<TFactory> : GraphStoreContract<TFactory>
    where TFactory : IGraphStoreFactory, new()
{
    private const string Observed2015 = "https://status.test/observer-2015";
    private const string Joined2024 = "https://status.test/member-2024";
    private const string Partner2024 = "https://status.test/partner-2024";
    private const string Founded2001 = "https://status.test/founded-2001";
    private const string IranUndated = "https://status.test/iran-undated";
    private const string IranJoined2023 = "https://status.test/iran-2023";
    private const string Roles = "https://status.test/roles";
    private const string Ambassador = "سفير";
    private const string DeputyMinister = "نائب وزير الخارجية";

    private static readonly string Belarus = GraphKeys.State("BY");
    private static readonly string Iran = GraphKeys.State("IR");
    private static readonly string Asean = GraphKeys.Organization("asean");

    private static readonly DateOnly June15Of2001 = new(2001, 6, 15);
    private static readonly DateOnly July10Of2015 = new(2015, 7, 10);
    private static readonly DateOnly July4Of2023 = new(2023, 7, 4);
    private static readonly DateOnly July4Of2024 = new(2024, 7, 4);

    private static string BelarusObserver => Membership(Belarus, Sco, MembershipStatus.Observer);

    private static string BelarusMember => Membership(Belarus, Sco, MembershipStatus.Member);

    private static string BelarusPartner => Membership(Belarus, Sco, MembershipStatus.DialoguePartner);

    private static string IranObserver => Membership(Iran, Sco, MembershipStatus.Observer);

    private static string IranMember => Membership(Iran, Sco, MembershipStatus.Member);

    private static string RussiaMember => Membership(Russia, Sco, MembershipStatus.Member);

    private static string ChinaMember => Membership(China, Sco, MembershipStatus.Member);

    private static string RussiaPartnerOfAsean => Membership(Russia, Asean, MembershipStatus.DialoguePartner);

    private static string ChinaPartnerOfAsean => Membership(China, Asean, MembershipStatus.DialoguePartner);

    private static IReadOnlyList<ArticleGraph> History { get; } =
    [
        Dated(Founded2001, June15Of2001, [State("RU", "روسيا"), State("CN", "الصين"), ScoEntity()],
            Member(Russia, Sco, MembershipStatus.Member, "أسست روسيا والصين منظمة شنغهاي للتعاون.", 0, June15Of2001),
            Member(China, Sco, MembershipStatus.Member, "أسست روسيا والصين منظمة شنغهاي للتعاون.", 0, June15Of2001),
            Member(Russia, Asean, MembershipStatus.DialoguePartner, "وروسيا والصين شريكا حوار لآسيان.", 1, June15Of2001),
            Member(China, Asean, MembershipStatus.DialoguePartner, "وروسيا والصين شريكا حوار لآسيان.", 1, June15Of2001)),
        Dated(Observed2015, July10Of2015, [State("BY", "بيلاروسيا"), ScoEntity()],
            Member(Belarus, Sco, MembershipStatus.Observer, "أصبحت بيلاروسيا عضوا مراقبا.", 0, July10Of2015)),
        Dated(Joined2024, July4Of2024, [State("BY", "بيلاروسيا"), ScoEntity()],
            Member(Belarus, Sco, MembershipStatus.Member, "انضمت بيلاروسيا عضوا كاملا.", 0, July4Of2024)),
        Dated(Partner2024, July4Of2024, [State("BY", "بيلاروسيا"), ScoEntity()],
            Member(Belarus, Sco, MembershipStatus.DialoguePartner, "وبيلاروسيا شريك حوار.", 2, July4Of2024)),
        Dated(IranUndated, null, [State("IR", "إيران"), ScoEntity()],
            Member(Iran, Sco, MembershipStatus.Observer, "وإيران عضو مراقب.", 0, null)),
        Dated(IranJoined2023, July4Of2023, [State("IR", "إيران"), ScoEntity()],
            Member(Iran, Sco, MembershipStatus.Member, "انضمت إيران إلى المنظمة.", 0, July4Of2023)),
        Dated(Roles, July4Of2024, [Person("ميخائيل بوغدانوف", 2, [], []), State("RU", "روسيا")],
            Role(Ambassador, "كان بوغدانوف سفيرا عام 2010.", 0, new DateOnly(2010, 1, 1), DatePrecision.Year),
            Role(DeputyMinister, "وعين نائبا لوزير الخارجية عام 2011.", 1, new DateOnly(2011, 1, 1), DatePrecision.Year)),
    ];

    [SkippableFact]
    public async Task Provenance_KeepsEachAssertionsDate()
    {
        IGraphStore store = await StoreAsync();

        RelationRecord belarus = Assert.Single(await store.GetRelationsAsync([BelarusObserver], None));
        Assert.Equal(
            [new Provenance(Observed2015, "أصبحت بيلاروسيا عضوا مراقبا.", 0, null, July10Of2015, DatePrecision.Day, DateSource.Sentence)],
            belarus.Provenance);
        RelationRecord iran = Assert.Single(await store.GetRelationsAsync([IranObserver], None));
        Assert.Equal([new Provenance(IranUndated, "وإيران عضو مراقب.", 0, null)], iran.Provenance);
    }

    [SkippableFact]
    public async Task HeldAsOf_OnePerPairByItsLatestDatedAssertion_TheUndatedOnlyWhenNothingDatedCameBefore()
    {
        IGraphStore store = await StoreAsync();
        var members = new RelationQuery { Types = [RelationType.MemberOf], ToKey = Sco };

        Assert.Equal(
            Sorted([RussiaMember, ChinaMember, BelarusObserver, IranObserver]),
            Sorted(Keys(await RelationsAsync(store, await StatusReads.HeldAsOfAsync(store, members, new DateOnly(2020, 1, 1), None)))));
        Assert.Equal(
            Sorted([RussiaMember, ChinaMember, IranObserver]),
            Sorted(Keys(await RelationsAsync(store, await StatusReads.HeldAsOfAsync(store, members, new DateOnly(2015, 7, 9), None)))));
        Assert.Equal(
            Sorted([RussiaMember, ChinaMember, BelarusMember, BelarusPartner, IranMember]),
            Sorted(Keys(await RelationsAsync(store, await StatusReads.HeldAsOfAsync(store, members, new DateOnly(2025, 1, 1), None)))));
    }

    [SkippableFact]
    public async Task HeldAsOf_KeepsTheListsOwnFilters_AndBeforeAnyAssertionIsEmpty()
    {
        IGraphStore store = await StoreAsync();
        var observers = new RelationQuery { Types = [RelationType.MemberOf], ToKey = Sco, Status = MembershipStatus.Observer };

        Assert.Equal(
            [BelarusObserver],
            Keys(await RelationsAsync(store, await StatusReads.HeldAsOfAsync(store, observers with { FromKey = Belarus }, new DateOnly(2020, 1, 1), None))));
        Assert.Empty(Keys(await RelationsAsync(store, await StatusReads.HeldAsOfAsync(store, observers, new DateOnly(2025, 1, 1), None))));
        RelationQuery before = await StatusReads.HeldAsOfAsync(store, observers with { FromKey = Belarus }, new DateOnly(1999, 1, 1), None);
        Assert.Equal(0, (await store.FindRelationsAsync(before, All(includeTotal: true), None)).TotalCount);
    }

    [SkippableFact]
    public async Task HeldAsOfFor_GroupedByOrganization_AnswersAsTheFlatList()
    {
        IGraphStore store = await StoreAsync();
        var members = new RelationQuery { Types = [RelationType.MemberOf] };
        DateOnly asOf = new(2020, 1, 1);

        RelationQuery held = await StatusReads.HeldAsOfForAsync(store, [Sco, Asean], RelationGrouping.ByTarget, members, asOf, None);
        IReadOnlyDictionary<string, Page<RelationRecord>> pages = await store.FindRelationsForAsync([Sco, Asean], RelationGrouping.ByTarget, held, All(), None);

        Assert.Equal(Sorted([RussiaMember, ChinaMember, BelarusObserver, IranObserver]), Sorted(Keys(pages[Sco])));
        Assert.Equal(Sorted([RussiaPartnerOfAsean, ChinaPartnerOfAsean]), Sorted(Keys(pages[Asean])));
    }

    [SkippableFact]
    public async Task HeldAsOfFor_Roles_TheLatestRoleAtEachPlace()
    {
        IGraphStore store = await StoreAsync();
        var roles = new RelationQuery { Types = [RelationType.HoldsRole] };
        string ambassador = GraphKeys.Relation(RelationType.HoldsRole, Bogdanov, Russia, role: Ambassador);
        string deputy = GraphKeys.Relation(RelationType.HoldsRole, Bogdanov, Russia, role: DeputyMinister);

        RelationQuery in2010 = await StatusReads.HeldAsOfForAsync(store, [Bogdanov], RelationGrouping.BySource, roles, new DateOnly(2010, 12, 31), None);
        RelationQuery now = await StatusReads.HeldAsOfForAsync(store, [Bogdanov], RelationGrouping.BySource, roles, new DateOnly(2026, 1, 1), None);

        Assert.Equal([ambassador], Keys((await store.FindRelationsForAsync([Bogdanov], RelationGrouping.BySource, in2010, All(), None))[Bogdanov]));
        Assert.Equal([deputy], Keys((await store.FindRelationsForAsync([Bogdanov], RelationGrouping.BySource, now, All(), None))[Bogdanov]));
    }

    [SkippableFact]
    public async Task History_EveryAssertionOfThePairInDateOrder_ConflictsMarked()
    {
        IGraphStore store = await StoreAsync();
        IReadOnlyList<RelationRecord> belarus = await StatusReads.AllForAsync(store, [Belarus], RelationGrouping.BySource, StatusHistory.Types, None);
        StatusHistory history = StatusHistory.Of(belarus);
        RelationRecord member = Assert.Single(belarus, r => r.Key == BelarusMember);

        Assert.Equal(
            [
                (MembershipStatus.Observer, (DateOnly?)July10Of2015, Observed2015, false),
                (MembershipStatus.Member, July4Of2024, Joined2024, true),
                (MembershipStatus.DialoguePartner, July4Of2024, Partner2024, true),
            ],
            history.Of(member).Select(a => (a.Status!.Value, a.Date, a.ArticleKey, a.Conflict)).ToList());
        Assert.True(history.Holds(member, null));
        Assert.Equal([BelarusPartner], history.ConflictsWith(member, null).Select(r => r.Key).ToList());
        Assert.Empty(history.ConflictsWith(member, new DateOnly(2020, 1, 1)));
    }

    [SkippableFact]
    public async Task ShortestPath_StatusesChooseTheOrganizationItRunsThrough()
    {
        IGraphStore store = await StoreAsync();

        GraphPath? members = await store.ShortestPathAsync(Russia, China, 4, null, new StatusFilter([MembershipStatus.Member]), None);
        GraphPath? partners = await store.ShortestPathAsync(Russia, China, 4, null, new StatusFilter([MembershipStatus.DialoguePartner]), None);

        Assert.Equal([Russia, Sco, China], members?.NodeKeys);
        Assert.Equal([RussiaMember, ChinaMember], members?.Relations.Select(r => r.Key));
        Assert.Equal([Russia, Asean, China], partners?.NodeKeys);
        Assert.Null(await store.ShortestPathAsync(Russia, China, 4, null, new StatusFilter([MembershipStatus.Applicant]), None));
    }

    [SkippableFact]
    public async Task ShortestPath_AsOf_OnlyOverStatusesHeldThen()
    {
        IGraphStore store = await StoreAsync();

        Assert.Null(await store.ShortestPathAsync(Belarus, Russia, 4, null, new StatusFilter(AsOf: new DateOnly(2010, 1, 1)), None));
        GraphPath? observer = await store.ShortestPathAsync(Belarus, Russia, 4, null, new StatusFilter(AsOf: new DateOnly(2016, 1, 1)), None);
        Assert.Equal([BelarusObserver, RussiaMember], observer?.Relations.Select(r => r.Key));
        Assert.Null(await store.ShortestPathAsync(Belarus, Russia, 4, null, new StatusFilter([MembershipStatus.Member], new DateOnly(2016, 1, 1)), None));
        GraphPath? member = await store.ShortestPathAsync(Belarus, Russia, 4, null, new StatusFilter([MembershipStatus.Member], new DateOnly(2025, 1, 1)), None);
        Assert.Equal([BelarusMember, RussiaMember], member?.Relations.Select(r => r.Key));
    }

    private async Task<IGraphStore> StoreAsync()
    {
        IGraphStore store = await EmptyStoreAsync();
        await store.UpsertAsync(History, None);
        return store;
    }

    private static string Membership(string state, string organization, MembershipStatus status) =>
        GraphKeys.Relation(RelationType.MemberOf, state, organization, status: status);

    private static ExtractedEntity ScoEntity() => new(Sco, NodeKind.Organization, "منظمة شنغهاي للتعاون", [], []);

    private static ArticleGraph Dated(string key, DateOnly? published, ExtractedEntity[] entities, params ExtractedRelation[] relations)
    {
        bool needsAsean = relations.Any(r => r.To == Asean);
        return new ArticleGraph(
            new ArticleInfo(key, "نص " + key, Url: key, Published: published),
            needsAsean ? [.. entities, new ExtractedEntity(Asean, NodeKind.Organization, "آسيان", [], [])] : entities,
            relations);
    }

    private static ExtractedRelation Member(string state, string organization, MembershipStatus status, string evidence, int sentence, DateOnly? date) =>
        new(RelationType.MemberOf, state, organization, evidence, sentence, date, Status: status,
            DatePrecision: date is null ? null : DatePrecision.Day, DateSource: date is null ? null : DateSource.Sentence);

    private static ExtractedRelation Role(string role, string evidence, int sentence, DateOnly date, DatePrecision precision) =>
        new(RelationType.HoldsRole, Bogdanov, Russia, evidence, sentence, date, Role: role, DatePrecision: precision, DateSource: DateSource.Sentence);
}
