package cn.minqing.search;

import cn.minqing.people.CurrentUser;
import cn.minqing.people.Role;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.search.Highlight;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Finds cases by what people wrote, always within the searcher's scope. */
@Service
class CaseSearch {

    private static final List<String> FACETS = List.of("category", "status", "townshipName", "channel");
    private final ElasticsearchClient client;
    private final SearchIndex index;
    private final Synonyms synonyms;
    private final PlaceNames placeNames;
    private final Thesaurus thesaurus;
    private final CategoryIntent categoryIntent;
    private final SoundAlikes soundAlikes;
    /** searchcost9: the cheaper clause of a rewrite that is a common word. */
    private final RewriteClauses rewriteClauses;

    private final String zone;

    CaseSearch(ElasticsearchClient client, SearchIndex index, Synonyms synonyms, PlaceNames placeNames,
               Thesaurus thesaurus, CategoryIntent categoryIntent, SoundAlikes soundAlikes,
               @org.springframework.beans.factory.annotation.Value("${minqing.time-zone:Asia/Shanghai}") String zone) {
        this.thesaurus = thesaurus;
        this.categoryIntent = categoryIntent;
        this.soundAlikes = soundAlikes;
        this.zone = zone;
        this.client = client;
        this.index = index;
        this.synonyms = synonyms;
        this.placeNames = placeNames;
        this.rewriteClauses = new RewriteClauses(client);
    }

    /**
     * Everything /api/search takes; null means "any". {@code after} is the previous page's last sort values;
     * {@code channel} where the cases came from ({@code visit}: needs found on 民情走访).
     */
    record Criteria(String q, String category, String status, String region, Boolean overdue, int size, int from,
                    String organisation, String urgency, String fromDate, String toDate, Double nearLat,
                    Double nearLon, Double radiusKm, String sort, List<String> after, String channel) {

        Criteria(String q, String category, String status, String region, Boolean overdue, int size, int from) {
            this(q, category, status, region, overdue, size, from, null, null, null, null, null, null, null, null, null);
        }

        /** The same search's first {@code n} hits. */
        Criteria firstPage(int n) {
            return new Criteria(q, category, status, region, overdue, n, 0, organisation, urgency, fromDate, toDate,
                    nearLat, nearLon, radiusKm, sort, null, channel);
        }

        Criteria(String q, String category, String status, String region, Boolean overdue, int size, int from,
                 String organisation, String urgency, String fromDate, String toDate, Double nearLat,
                 Double nearLon, Double radiusKm, String sort, List<String> after) {
            this(q, category, status, region, overdue, size, from, organisation, urgency, fromDate, toDate, nearLat,
                    nearLon, radiusKm, sort, after, null);
        }
    }

    /**
     * Searches step by step: the words as typed (with their synonyms, thesaurus forms and pinyin) within an
     * exact place; if that finds nothing, the place only raises its cases; then most words are enough; then the
     * categories the query points to are listed; a place named with a need found nowhere lists the place's cases. The
     * answer's {@code relaxed} says which steps were taken.
     */
    SearchResult search(Criteria given, CurrentUser user) throws IOException {
        index.ensureExists();
        PlaceNames.Parsed place = given.region() != null ? new PlaceNames.Parsed(null, given.q(), false)
                : placeNames.parse(given.q());
        String words = place.regionCode() == null ? given.q() : place.words();
        boolean hasText = words != null && !words.isBlank();
        // an exact name filters; an inexact one (a short form, an alias, 村 for 社区) only raises its cases,
        // unless the query names nothing else
        String placeFilter = place.regionCode() != null && (place.exact() || !hasText) ? place.regionCode() : null;
        String placeBoost = place.regionCode() != null && placeFilter == null ? place.regionCode() : null;
        // 同音纠错: 自来谁 → 自来水 runs beside the typed words (never instead of them)
        String corrected = hasText && !isPhrase(words) ? reading(words, user) : null;
        // what the words point to is read from them as typed and as read by 同音纠错 together
        String read = corrected == null ? words : words + " " + corrected;
        List<String> intent = hasText ? categoryIntent.of(read, index.alias())
                : List.of();
        Plan plan = new Plan(words, corrected, placeFilter, placeBoost, intent, Step.ALL_WORDS);
        boolean mayList = hasText && !isPhrase(words) && given.category() == null;
        // a broad notion (数字乡村, 矛盾纠纷化解) is answered by the reports of the concrete ones under it, and then by its
        // category's cases: its few phrase matches do not stand for the whole notion
        boolean broad = mayList && !thesaurus.narrowerIn(read, 1).isEmpty();
        if (broad && !intent.isEmpty() && placeFilter == null) {
            // straight to the listing, which holds every match of the words above its categories' other cases: one
            // request instead of two, each with up to forty phrases (issue 13's latency; the same answers on every set)
            return run(new Plan(words, corrected, null, placeBoost, intent, Step.CATEGORY), given, user, List.of("category"));
        }
        SearchResult result = run(plan, given, user, List.of());
        List<String> relaxed = new java.util.ArrayList<>();
        if (result.total() == 0 && hasText && placeFilter != null) {
            relaxed.add("place");
            plan = new Plan(words, corrected, null, placeFilter, intent, Step.ALL_WORDS);
            result = run(plan, given, user, relaxed);
        }
        // few answers (or none): most words are enough; then the categories the query points to join in
        // (never for a "quoted phrase", which means exactly that)
        SearchResult exact = result;
        if (result.total() < FEW && hasText && !isPhrase(words)) {
            SearchResult wider = run(new Plan(words, corrected, plan.placeFilter(), plan.placeBoost(), intent, Step.MOST_WORDS),
                    given, user, with(relaxed, "words"));
            if (wider.total() > result.total()) {
                relaxed.add("words");
                plan = new Plan(words, corrected, plan.placeFilter(), plan.placeBoost(), intent, Step.MOST_WORDS);
                result = wider;
            }
        }
        // the categories the query points to join in when the words find few cases, or few of those categories'
        // (跟邻居闹矛盾: its words are in other categories' reports, the disputes say 吵架, 占地 …), or only with most
        // of the words (婚姻家庭矛盾: 家庭 alone finds 家庭医生); with no form of a category in the query, the categories
        // its character pairs point to (农民增收难 → farm-sales) are listed when the words find few
        List<String> listed = !intent.isEmpty() || !mayList ? intent
                : result.total() < FEW ? pieces(read, result.total()) : List.of();
        // (a broad notion with no category pointed to, or within an exact place, gets here too)
        if (mayList && !listed.isEmpty() && (result.total() < FEW || fewInCategories(result, listed)
                || relaxed.contains("words") && noneInCategories(exact, listed) || broad
                || fewInPlace(result, plan, given, user, relaxed))) {
            SearchResult wider = run(new Plan(words, corrected, plan.placeFilter(), plan.placeBoost(), listed, Step.CATEGORY),
                    given, user, with(relaxed, "category"), wordsFirst(result, plan, given, user, relaxed));
            if (wider.total() > result.total()) {
                return wider;
            }
        }
        // a place and a need, and the need's words found nothing anywhere (老金鸡 种地: the report says 地被人占了): the
        // place's cases, newest first, rather than an empty page; the answer says the need was not found there
        if (result.total() == 0 && hasText && place.regionCode() != null && !isPhrase(words) && placeWhenNothing()) {
            // (back within the place: an exact name's relaxing of it no longer holds)
            List<String> within = relaxed.stream().filter(r -> !r.equals("place")).toList();
            SearchResult there = run(new Plan(null, null, place.regionCode(), null, List.of(), Step.ALL_WORDS), given, user,
                    with(within, "need"));
            if (there.total() > 0) {
                return there;
            }
        }
        // fewer than a page found: the cases worded like the first found follow them, apart
        if (FewFoundAlike.on() && hasText && !isPhrase(words) && byRelevance(given) && result.total() > 0
                && result.total() < FewFoundAlike.FEWER_THAN && given.from() == 0 && given.after() == null
                && result.hits().size() == result.total()) {
            return result.withAlike(alike(result, plan, given, user));
        }
        return result;
    }

    /** What one attempt asks: the plan's words and place filter with the caller's filters. */
    private static Criteria attempt(Plan plan, Criteria given) {
        return new Criteria(plan.words(), given.category(), given.status(),
                given.region() != null ? given.region() : plan.placeFilter(), given.overdue(),
                given.size(), given.from(), given.organisation(), given.urgency(), given.fromDate(), given.toDate(),
                given.nearLat(), given.nearLon(), given.radiusKm(), given.sort(), given.after(), given.channel());
    }

    /**
     * Up to {@link FewFoundAlike#SHOWN} cases worded like the first of the few found, not among them, within the same
     * scope, filters and place filter; by likeness.
     */
    private List<SearchResult.Hit> alike(SearchResult found, Plan plan, Criteria given, CurrentUser user) throws IOException {
        Criteria c = attempt(plan, given);
        List<String> numbers = found.hits().stream().map(SearchResult.Hit::number).toList();
        List<String> first = numbers.subList(0, Math.min(FewFoundAlike.DOCS, numbers.size()));
        long cases = client.count(n -> n.index(index.alias())).count();
        Query query = Query.of(q -> q.bool(b -> filters(b.must(FewFoundAlike.clause(index.alias(), first, cases))
                .mustNot(m -> m.ids(i -> i.values(numbers))), c, user)));
        return client.search(s -> s.index(index.alias()).size(FewFoundAlike.SHOWN).trackTotalHits(t -> t.enabled(false))
                        .query(query), CaseDocument.class)
                .hits().hits().stream().map(h -> hit(h, List.of())).toList();
    }

    /** The place's cases when its need's words find nothing (system property; false: an empty answer, as before the 28th session). */
    static boolean placeWhenNothing() {
        return !"false".equals(System.getProperty("minqing.search.place-when-nothing"));
    }

    private static boolean byRelevance(Criteria given) {
        return given.sort() == null || given.sort().equals("relevance");
    }

    /**
     * The categories the query's character pairs point to, when no form of one lies whole in it; with nothing found at
     * all, the catch-all's too, when the pairs are its words alone (基层干部廉洁: other's cases are better than none).
     */
    private List<String> pieces(String read, long found) {
        List<String> pointed = categoryIntent.ofPieces(read);
        return pointed.isEmpty() && found == 0 ? categoryIntent.ofPieces(read, true) : pointed;
    }

    /**
     * The words as read: their dialect words plainly (冇得水吃 → 没水吃, {@link DialectWords}), then 同音纠错; {@code null}
     * when they read as typed.
     */
    private String reading(String words, CurrentUser user) {
        return DialectWords.readThen(words, w -> corrected(w, user));
    }

    /** 同音纠错 of the words, the index's evidence counted within the searcher's scope (the filter the search applies). */
    String corrected(String words, CurrentUser user) {
        return soundAlikes.correct(words, index.alias(), scope(user));
    }

    /** Fewer answers than this and the search relaxes; the matches found so far stay first. */
    static final int FEW = 3;

    /** The words found no case of the categories the query points to. */
    private static boolean noneInCategories(SearchResult result, List<String> intent) {
        return result.facets().getOrDefault("category", List.of()).stream()
                .noneMatch(b -> intent.contains(b.key()) && b.count() > 0);
    }

    /**
     * A place named inexactly (王家庄 浇地) raises its cases by {@link #PLACE_BOOST}; the words found fewer than {@link #FEW}
     * there (its report says 地只能等渠水): the categories the query points to are listed too, the place's own first.
     * Told by the score of the first {@link #FEW} hits, so only when the page is ranked by it; a later page (or a page
     * of fewer) asks for those first hits, so every page of a search is relaxed alike.
     */
    private boolean fewInPlace(SearchResult result, Plan plan, Criteria given, CurrentUser user, List<String> relaxed)
            throws IOException {
        if (plan.placeBoost() == null) {
            return false;
        }
        SearchResult first = given.from() == 0 && given.after() == null && given.size() >= FEW ? result
                : run(plan, given.firstPage(FEW), user, relaxed);
        List<SearchResult.Hit> top = first.hits().stream().limit(FEW).toList();
        if (top.stream().anyMatch(h -> h.score() == null)) {
            return false;
        }
        return top.stream().filter(h -> h.score() >= PLACE_BOOST).count() < top.size();
    }

    /** The words found fewer than {@link #FEW} cases in each category the query points to. */
    private static boolean fewInCategories(SearchResult result, List<String> intent) {
        List<SearchResult.Bucket> buckets = result.facets().getOrDefault("category", List.of());
        return intent.stream().allMatch(c -> buckets.stream().filter(b -> b.key().equals(c))
                .mapToLong(SearchResult.Bucket::count).sum() < FEW);
    }

    private static List<String> with(List<String> steps, String step) {
        List<String> more = new java.util.ArrayList<>(steps);
        more.add(step);
        return more;
    }

    enum Step { ALL_WORDS, MOST_WORDS, CATEGORY }

    /** One attempt: the words, a place that filters or one that only raises, the categories the query points to. */
    record Plan(String words, String corrected, String placeFilter, String placeBoost, List<String> intent, Step step) {
    }

    /**
     * What the words found first, the listing's surest answers ({@link ListingFeedback}): the first hits of the words'
     * step as the first page ranks them, so every page of a search raises the same cases.
     */
    private List<String> wordsFirst(SearchResult result, Plan plan, Criteria given, CurrentUser user, List<String> relaxed)
            throws IOException {
        if (!ListingFeedback.fromWords() || !byRelevance(given) || result.total() == 0) {
            return List.of();
        }
        SearchResult first = given.from() == 0 && given.after() == null && given.size() >= ListingFeedback.DOCS ? result
                : run(plan, given.firstPage(ListingFeedback.DOCS), user, relaxed);
        return first.hits().stream().limit(ListingFeedback.DOCS).map(SearchResult.Hit::number).toList();
    }

    private SearchResult run(Plan plan, Criteria given, CurrentUser user, List<String> relaxed) throws IOException {
        return run(plan, given, user, relaxed, List.of());
    }

    /** One attempt; {@code alike}: the cases whose likes a listing raises (none: as {@link ListingFeedback} says). */
    private SearchResult run(Plan plan, Criteria given, CurrentUser user, List<String> relaxed, List<String> alike)
            throws IOException {
        Criteria c = attempt(plan, given);
        boolean hasText = c.q() != null && !c.q().isBlank();
        // the query's other wordings, worked out once for the scoring and the highlights
        Rewrites rewrites = hasText && !isPhrase(plan.words())
                ? rewrites(plan.words(), plan.corrected(), plan.placeFilter() == null && plan.placeBoost() == null) : null;
        PageAndCount.Answer response;
        try {
            response = send(c, plan, hasText, user, rewrites, alike);
        } catch (co.elastic.clients.elasticsearch._types.ElasticsearchException e) {
            // a long text (a pasted report) with its rewrites, syllables and listings can exceed the clauses
            // Elasticsearch allows: it is searched again by its beginning, and the answer says so
            if (!tooManyClauses(e) || plan.words() == null || plan.words().strip().length() <= SHORTENED_QUERY) {
                throw e;
            }
            LOG.info("search text of {} characters too long for Elasticsearch's clause limit, searched by its first {}",
                    plan.words().strip().length(), SHORTENED_QUERY);
            return run(new Plan(beginning(plan.words()), plan.corrected() == null ? null : beginning(plan.corrected()),
                    plan.placeFilter(), plan.placeBoost(), plan.intent(), plan.step()), given, user, with(relaxed, "shortened"));
        }
        boolean listing = plan.step() == Step.CATEGORY && hasText && (c.sort() == null || c.sort().equals("relevance"));
        return result(response, listing ? ListingVariety.distinctFirst(response.hits(), plan.intent())
                : response.hits(), List.copyOf(relaxed), rewrites == null ? List.of() : rewrites.marked());
    }

    /** A search text too long to search whole is searched by this many characters from its beginning. */
    static final int SHORTENED_QUERY = 40;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CaseSearch.class);

    private static String beginning(String text) {
        String t = text.strip();
        return t.length() <= SHORTENED_QUERY ? t : t.substring(0, SHORTENED_QUERY).strip();
    }

    private static boolean tooManyClauses(co.elastic.clients.elasticsearch._types.ElasticsearchException e) {
        java.util.stream.Stream<co.elastic.clients.elasticsearch._types.ErrorCause> causes = e.error() == null
                ? java.util.stream.Stream.empty()
                : java.util.stream.Stream.concat(java.util.stream.Stream.of(e.error()), e.error().rootCause().stream());
        return causes.anyMatch(c -> (c.type() != null && c.type().startsWith("too_many") && c.type().contains("clauses"))
                || (c.reason() != null && c.reason().toLowerCase(java.util.Locale.ROOT).contains("too many clauses")));
    }

    /** The page, the total and the facets: see {@link PageAndCount} for the shape of the request. */
    private PageAndCount.Answer send(Criteria c, Plan plan, boolean hasText, CurrentUser user, Rewrites rewrites,
                                     List<String> alike) throws IOException {
        Query matched = Query.of(q -> q.bool(b -> filters(relevance(b, plan, rewrites), c, user)));
        String sortedBy = c.sort() != null ? c.sort() : hasText ? "relevance" : "newest";
        List<SortOptions> sort = sortBy(sortedBy);
        // a listing by relevance: the cases worded like its surest answers rise within it
        boolean listing = plan.step() == Step.CATEGORY && hasText && sortedBy.equals("relevance");
        Query query = !listing ? matched : ListingFeedback.fromWords() ? ListingFeedback.raise(index.alias(), matched, alike)
                : ListingFeedback.byPeek() ? ListingFeedback.raise(client, index.alias(), matched, sort) : matched;
        Highlight highlight = null;
        if (hasText) {
            Query marked = rewrites == null ? null : highlightQuery(plan, rewrites);
            highlight = Highlight.of(h -> h.preTags("<em>").postTags("</em>")
                    .encoder(co.elastic.clients.elasticsearch.core.search.HighlighterEncoder.Html)
                    .highlightQuery(marked)
                    .fields("title", f -> f.numberOfFragments(0))
                    .fields("description", f -> f.fragmentSize(ThesaurusMarks.FRAGMENT).numberOfFragments(2)));
        }
        List<co.elastic.clients.elasticsearch._types.FieldValue> after = c.after() == null ? List.of()
                : c.after().stream().map(co.elastic.clients.elasticsearch._types.FieldValue::of).toList();
        if (ScoreExplanation.wanted(c.q())) {
            ScoreExplanation.log(client, index.alias(), query, sort, c.q(), plan.step().name());
        }
        return PageAndCount.send(client, new PageAndCount.Request(index.alias(), query, sort, highlight, c.size(), c.from(),
                after, FACETS));
    }

    /**
     * What must match and what raises a case: the text (or, at the last step, the text or a category the query
     * points to, the text's matches first), the place named inexactly, the categories pointed to.
     */
    private BoolQuery.Builder relevance(BoolQuery.Builder b, Plan plan, Rewrites rewrites) {
        String q = plan.words();
        if (q != null && !q.isBlank()) {
            String minimumMatch = plan.step() == Step.ALL_WORDS ? ALL_WORDS_MATCH : "50%";
            // the syllables (pinyin) only once the words found few: typos are read as known words on both sides
            // (同音纠错 in the query and in the index), so pinyin would mostly add chance homophones (报账 for 保障)
            Query text = text(q, plan.corrected(), rewrites, minimumMatch, plan.step() != Step.ALL_WORDS || pinyinAlways(),
                    plan.step() == Step.CATEGORY ? FORM_PART_MATCH : minimumMatch);
            if (plan.step() == Step.CATEGORY) {
                Query inIntent = Query.of(f -> f.terms(t -> t.field("category").terms(v -> v.value(plan.intent().stream()
                        .map(co.elastic.clients.elasticsearch._types.FieldValue::of).toList()))));
                // in a place named inexactly, what the words found there at all stays above its listing too (石门村 路灯:
                // a lamp report filed under road, listed for none)
                Query raised = plan.placeBoost() == null ? inIntent : Query.of(r -> r.bool(o -> o.should(inIntent)
                        .should(p -> p.term(t -> t.field("regionPath").value(plan.placeBoost())))));
                // the words' match in those categories (and place) is raised within the match itself (named, so the page
                // tells it from a listed case), not by matching the whole text a second time in a filter (issue 13's
                // latency)
                Query found = !foldWordsFound() ? text : Query.of(t -> t.bool(tb -> tb.must(text)
                        .should(s -> s.constantScore(cs -> cs.filter(raised).boost(WORDS_FIRST_BOOST)))
                        .queryName(ListingVariety.WORDS_MATCHED)));
                Query listed = CategoryListing.query(plan.intent(), q, plan.corrected(), categoryIntent, thesaurus,
                        index.alias());
                b.must(m -> m.bool(either -> either.should(found).should(listed).minimumShouldMatch("1")));
                // what the words found stays above what is only listed for its category — in those categories, when
                // the words as typed match, or when a thesaurus form of two characters or more stands whole in the
                // report (非法采砂 → 偷挖河沙 in a sanitation report), as written (its `forms`: a phrase on the words fields
                // read 没人要 as 人, 20th session); a loose match elsewhere (part of a form, a syllable) does not
                Query typed = typed(q, plan.corrected(), minimumMatch);
                List<String> wholeForms = rewrites == null ? List.of() : rewrites.expansions().stream()
                        .map(Thesaurus.Expansion::text).filter(t -> t.length() >= WHOLE_FORM_FIRST).toList();
                List<String> narrowerHeld = rewrites == null ? List.of() : rewrites.narrower();
                b.should(s -> s.constantScore(cs -> cs.filter(f -> f.bool(w -> {
                            if (foldWordsFound()) {
                                // (in those categories and place the words' match counts above: what follows is every other)
                                w.mustNot(raised);
                            } else {
                                w.should(x -> x.bool(y -> y.filter(text).filter(raised)));
                            }
                            w.minimumShouldMatch("1").should(typed);
                            if (!wholeForms.isEmpty()) {
                                w.should(HeldForms.any(wholeForms));
                            }
                            if (!narrowerHeld.isEmpty()) {
                                w.should(HeldForms.any(narrowerHeld));
                            }
                            return w;
                        }))
                        .boost(WORDS_FIRST_BOOST).queryName(ListingVariety.FOUND_BY_WORDS)));
                // the whole query is a form of an entry, and a report of another category holds another of its forms
                // (高龄津贴 → 老人补贴 in a subsidy report): the notion asked, as high as a listed category's cases, so a
                // loose match of a word in those categories (老人) no longer buries it. Held means held as written (the
                // report's `forms`): a phrase on the words fields read 没人要 as 人 alone (没 and 要 are stop words), and
                // raised every report of another category saying 人 above 农产品滞销's own cases
                List<String> sameNotion = rewrites == null ? List.of() : rewrites.expansions().stream()
                        .filter(e -> e.form().equals(e.text()) && e.text().length() >= WHOLE_FORM_FIRST)
                        .map(Thesaurus.Expansion::text).distinct().toList();
                sameNotion.forEach(form -> b.should(s -> s.constantScore(cs -> cs.filter(f -> f.bool(y -> y
                        .filter(HeldForms.any(List.of(form)))
                        .mustNot(inIntent))).boost(SAME_NOTION_ELSEWHERE_BOOST))));
            } else {
                b.must(text);
            }
        }
        if (plan.placeBoost() != null) {
            b.should(s -> s.constantScore(cs -> cs.filter(f -> f.term(t -> t.field("regionPath").value(plan.placeBoost())))
                    .boost(PLACE_BOOST)));
        }
        // (other, the catch-all, is listed when pointed to but never raised at the earlier steps: its cases' loose
        // matches, 红白喜事大操大办 for 高额彩礼, would pass the answers filed under the need's own category)
        if (!plan.intent().isEmpty() && plan.step() != Step.CATEGORY && !plan.intent().get(0).equals(CategoryIntent.OTHER)) {
            b.should(s -> s.constantScore(cs -> cs.filter(f -> f.term(t -> t.field("category").value(plan.intent().get(0))))
                    .boost(INTENT_BOOST)));
        }
        if (plan.step() == Step.CATEGORY) {
            // listing the categories pointed to: their cases first (those matching words first), then the rest
            plan.intent().forEach(category -> b.should(s -> s.constantScore(cs -> cs.filter(f -> f.term(t -> t.field("category")
                    .value(category))).boost(INTENT_LIST_BOOST))));
        }
        return b;
    }

    /**
     * A thesaurus form this long standing whole in a report of another category keeps that report above a listing
     * (measured in the 12th session at three characters: blind6 +0.007, blind8 +0.003, blind9 +0.004, no set lower; in
     * the 16th at two: 防溺水 → 淹死 in a school report, blind13 +0.008, blind6 +0.005, blind5 +0.004, blind2 +0.003,
     * blind7 +0.001, no set lower).
     */
    static final int WHOLE_FORM_FIRST = 2;

    /**
     * A thesaurus form standing alone, at the category step, in its own category: one of two words, two of three or four,
     * half of more (most words are enough, 50%, would take one of three). Measured in the 23rd session on every judged
     * set (docs/relevance.md).
     */
    static final String FORM_PART_MATCH = "1<-1 2<2 4<50%";

    /** The first step's minimum match: all of two words, 70% of three or more. */
    static final String ALL_WORDS_MATCH = "2<70%";

    /** A place named inexactly puts its cases first (the others follow: the search is never emptied by it). */
    static final float PLACE_BOOST = 1000f;
    static final float INTENT_BOOST = 5f;
    /** When the search lists the categories the query points to, their cases come before other categories' matches. */
    static final float INTENT_LIST_BOOST = 100f;
    /**
     * In the category step, a report of another category holding another whole form of the entry the query is a form
     * of: as a listed category's case. Measured at 50, 100 and 150 on every judged set (docs/relevance.md, 19th
     * session): 100 best in all (blind13 +0.027, blind6 +0.021, blind7 +0.011; blind −0.005, blind3 −0.004), 150 under
     * three floors.
     */
    static final float SAME_NOTION_ELSEWHERE_BOOST = INTENT_LIST_BOOST;
    /** In the category step, above a listed category's cases: the cases the words found. */
    static final float WORDS_FIRST_BOOST = 2 * INTENT_LIST_BOOST;
    static final float SYNONYM_WEIGHT = 0.8f;
    /** The query with its sound-alike typos corrected (自来谁 → 自来水): nearly as strong as the words typed. */
    static final float CORRECTED_WEIGHT = 0.9f;
    static final float THESAURUS_WEIGHT = 0.5f;
    /** A thesaurus form found in a report of another category than its entry's. */
    static final float THESAURUS_ELSEWHERE_WEIGHT = 0.15f;
    /** At most this many thesaurus rewrites of the typed, corrected and core query together. */
    static final int MAX_EXPANSIONS = 16;
    /** At most this many forms complete a query that is part of them ({@link Thesaurus#completionsOf}). */
    static final int MAX_COMPLETIONS = 4;
    /** At most this many forms a query names with a word more ({@link Thesaurus#gappedFormsOf}). */
    static final int MAX_GAPPED = 2;
    /**
     * Each rewrite repeats the whole query on every field, and Elasticsearch refuses a search of more clauses than
     * its heap allows (8,192 on the embedded 512 MB node): a long query gets fewer rewrites, at most this many
     * characters of them in all (a query of up to 10 characters its 16, one of 40 four, the longest one).
     */
    static final int REWRITE_CHARACTERS = 160;
    static final float PINYIN_WEIGHT = 0.4f;
    /** A whole query's syllables in a row; 1, 3, 6 and 12 measured (docs/relevance.md, 14th session): 6 kept. */
    static final float SAME_SYLLABLES_WEIGHT = 6.0f;

    /**
     * The category step raises the words' match in the categories pointed to within that match (default), or, as
     * before the 21st session, by a filter matching the whole text again (system property
     * {@code minqing.search.fold-words-found=false}, read per search: the benchmark's A/B).
     */
    static boolean foldWordsFound() {
        return !"false".equals(System.getProperty("minqing.search.fold-words-found"));
    }

    /** Pinyin clauses at every step, as before search4 (system property, read per search: the benchmark's A/B). */
    static boolean pinyinAlways() {
        return Boolean.getBoolean("minqing.search.pinyin-always");
    }

    private static boolean isPhrase(String q) {
        String trimmed = q.strip();
        return trimmed.length() > 2 && (trimmed.startsWith("\"") && trimmed.endsWith("\"")
                || trimmed.startsWith("“") && trimmed.endsWith("”"));
    }

    /**
     * The words as typed (and as read by 同音纠错), without thesaurus forms or synonyms; of the syllables, only the
     * whole query's in a row.
     */
    private static Query typed(String q, String corrected, String minimumMatch) {
        // the word fields only: a character pair across two words (电力|保障 → 力保 in 耕地地力保护) is no match as typed
        return Query.of(m -> m.bool(any -> {
            any.should(matchWords(q, minimumMatch));
            if (corrected != null) {
                any.should(matchWords(corrected, minimumMatch));
            }
            // the query's syllables in a row count as typed (化肥 in 化费落田): above a case merely listed for its category
            Query same = sameSyllables(q);
            if (same != null) {
                any.should(same);
            }
            return any.minimumShouldMatch("1");
        }));
    }

    /**
     * The query's syllables in a row (化肥 in 化费落田, 登格热 for 登革热): a homophone typo of the whole query, where
     * neither side's 同音纠错 reads it (化费 is a word too); null unless the query is two Han characters or more and
     * nothing else. Only at the steps that read syllables (once the words found few), above the loose syllable match.
     */
    static Query sameSyllables(String q) {
        String han = q.strip();
        if (han.codePointCount(0, han.length()) < 2
                || !han.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
            return null;
        }
        return Query.of(m -> m.multiMatch(mm -> mm.query(han).type(TextQueryType.Phrase).boost(SAME_SYLLABLES_WEIGHT)
                .fields("title.pinyin^2", "description.pinyin")));
    }

    /**
     * The words as typed, or any of their colloquial variants (synonyms, thesaurus forms, with lower weights),
     * or the same syllables (pinyin, lower still) must match; "quoted" means exactly.
     */
    private Query text(String q, String corrected, Rewrites r, String minimumMatch, boolean withPinyin, String formMatch) {
        String trimmed = q.strip();
        if (isPhrase(trimmed)) {
            String phrase = trimmed.substring(1, trimmed.length() - 1);
            return Query.of(m -> m.multiMatch(mm -> mm.query(phrase).type(TextQueryType.Phrase)
                    .fields("title.bigram^2", "description.bigram")));
        }
        String core = r.core();
        List<String> variants = r.variants();
        List<Thesaurus.Expansion> distinct = r.expansions();
        return Query.of(m -> m.bool(any -> {
            any.should(paired(match(q, 1.0f, minimumMatch), q, minimumMatch, TYPED_PAIR));
            if (corrected != null) {
                any.should(paired(match(corrected, CORRECTED_WEIGHT, minimumMatch), corrected, minimumMatch, TYPED_PAIR));
            }
            if (core != null) {
                any.should(paired(match(core, 1.0f, minimumMatch), core, minimumMatch, TYPED_PAIR));
            }
            java.util.Set<String> common = rewriteClauses.leanFor(index.alias(), variants, distinct);
            variants.forEach(v -> any.should(paired(rewrite(v, SYNONYM_WEIGHT, minimumMatch, common.contains(v)), v,
                    minimumMatch, TYPED_PAIR)));
            distinct.forEach(e -> any.should(expansion(e, minimumMatch, formMatch, common.contains(e.text()))));
            if (!minimumMatch.equals(ALL_WORDS_MATCH)) {
                // once most words are enough, so is the other form without the rest of the query (特困人员供养 → 五保户)
                bareForms(distinct).forEach(e -> any.should(s -> s.bool(b -> b.should(
                        expansion(e, ALL_WORDS_MATCH, ALL_WORDS_MATCH, common.contains(e.text()))).boost(BARE_FORM_WEIGHT))));
            }
            if (!r.narrower().isEmpty()) {
                any.should(HeldForms.narrower(r.narrower()));
                any.should(HeldForms.narrowerInOwnCategory(r.narrower(), thesaurus::categoryOf));
            }
            if (withPinyin) {
                any.should(s -> s.multiMatch(mm -> mm.query(q).type(TextQueryType.MostFields).boost(PINYIN_WEIGHT)
                        .fields("title.pinyin^2", "description.pinyin").minimumShouldMatch(minimumMatch)));
                Query same = sameSyllables(q);
                if (same != null) {
                    any.should(same);
                }
            }
            return any.minimumShouldMatch("1");
        }));
    }

    /**
     * The query's other wordings: its core without officialese, its synonyms and its thesaurus forms (each list capped),
     * and the concrete notions under a broad one it names.
     */
    record Rewrites(String core, List<String> variants, List<Thesaurus.Expansion> expansions, List<String> narrower) {

        /** The thesaurus forms a hit's highlights mark from its {@code forms} ({@link ThesaurusMarks}): the rewrites' and the notions'. */
        List<String> marked() {
            List<String> forms = new java.util.ArrayList<>(narrower);
            expansions.stream().map(Thesaurus.Expansion::form).filter(f -> f.length() >= Thesaurus.MIN_FORM_LENGTH)
                    .forEach(forms::add);
            return forms.stream().distinct().toList();
        }
    }

    private Rewrites rewrites(String q, String corrected, boolean noPlace) {
        int rewrites = Math.min(MAX_EXPANSIONS, Math.max(1, REWRITE_CHARACTERS / Math.max(1, q.strip().length())));
        List<String> variants = new java.util.ArrayList<>(synonyms.variants(q));
        List<Thesaurus.Expansion> expansions = new java.util.ArrayList<>(thesaurus.expansions(q));
        if (corrected != null) {
            synonyms.variants(corrected).stream().filter(v -> !variants.contains(v)).forEach(variants::add);
            expansions.addAll(thesaurus.expansions(corrected));
        }
        // 供水保障 → 供水: the need without the officialese around it, as strong as typed
        String core = Officialese.core(corrected != null ? corrected : q);
        if (core != null) {
            expansions.addAll(thesaurus.expansions(core));
        }
        // 生态保护 → 草原生态保护, 海洋生态保护 …: a query that holds no form but is part of several notions names them
        // (a leader's notion; words with a place are a villager's need there: 高坪街上 下水道堵)
        String read = corrected != null ? corrected : q;
        List<String> completed = new java.util.ArrayList<>();
        List<String> completions = noPlace ? thesaurus.completionsOf(read, MAX_COMPLETIONS) : List.of();
        if (noPlace) {
            completed.addAll(completions);
            // 巩固拓展脱贫攻坚成果 → 巩固脱贫攻坚成果: an official notion written with a word more names it whole
            thesaurus.gappedFormsOf(read, MAX_GAPPED).stream().filter(f -> !completed.contains(f)).forEach(completed::add);
        }
        for (String form : completed) {
            expansions.add(new Thesaurus.Expansion(form, thesaurus.categoryOf(form), form));
            expansions.addAll(thesaurus.expansions(form));
        }
        // a completion names the notions under it only as a notion's own name (生态保护 → 草原生态保护), not as another
        // name of one (基础设施 → 农村基础设施, a variant of 基础设施短板: its bridges and rubbish pools are no answer)
        List<String> naming = completed.stream().filter(f -> !completions.contains(f) || thesaurus.isTerm(f)).toList();
        String all = q + (corrected == null ? "" : " " + corrected) + (core == null ? "" : " " + core)
                + (naming.isEmpty() ? "" : " " + String.join(" ", naming));
        List<String> narrower = thesaurus.narrowerIn(all, q.strip().length() > 40 ? 8 : Integer.MAX_VALUE);
        List<Thesaurus.Expansion> distinct = expansions.stream()
                .filter(e -> !variants.contains(e.text()) && !e.text().equals(core) && !e.text().equals(corrected))
                .collect(java.util.stream.Collectors.toMap(Thesaurus.Expansion::text, e -> e, (x, y) -> x,
                        java.util.LinkedHashMap::new)).values().stream().limit(rewrites).toList();
        return new Rewrites(core, variants.stream().limit(rewrites).toList(), distinct, narrower);
    }

    /**
     * What Elasticsearch marks: the words as typed, as read by 同音纠错, without officialese and as the synonyms rewrite
     * them, on the two highlighted fields only. Highlighting with the search's own query made Elasticsearch rework every
     * clause (sub-fields, syllables, category filters, a listing's vocabulary) for every hit: about 85 % of a common
     * search's time at 20,000 cases (SearchProfile); so did the thesaurus's rewrites, about 30 % at 100,000 (18th
     * session), which {@link ThesaurusMarks} now marks from the forms each report holds.
     */
    private Query highlightQuery(Plan plan, Rewrites r) {
        String q = plan.words().strip();
        String minimumMatch = plan.step() == Step.ALL_WORDS ? "2<70%" : "50%";
        List<String> texts = new java.util.ArrayList<>(List.of(q));
        if (plan.corrected() != null) {
            texts.add(plan.corrected());
        }
        if (r.core() != null) {
            texts.add(r.core());
        }
        texts.addAll(r.variants());
        return Query.of(m -> m.bool(any -> {
            texts.stream().distinct().forEach(t -> any.should(s -> s.multiMatch(mm -> mm.query(t)
                    .type(TextQueryType.MostFields).fields("title", "description").minimumShouldMatch(minimumMatch))));
            return any;
        }));
    }

    /**
     * A thesaurus form stands for its entry's notion in that entry's category (没人管 is 留守儿童 in a family report);
     * in another category's report it is a chance match of a common phrase and counts far less. An entry without a
     * category (or of {@code other}) keeps its forms' weight everywhere.
     */
    private static Query expansion(Thesaurus.Expansion e, String minimumMatch, String formMatch, boolean common) {
        return paired(expansionAnywhere(e, minimumMatch, formMatch, common), e.form(), minimumMatch, FORM_PAIR);
    }

    /**
     * A text of {@link #FORM_PAIR_MIN} characters or more matches, where all the words are asked, only in a report holding
     * a pair of its characters side by side (in the title or text, or in a misspelt or dialect report's reading). Once
     * most words are enough, a part of a form is a part by design. Two texts are held so:
     * <ul>
     * <li>a thesaurus form (switch {@code minqing.search.form-pair}): 网络信号不好 is rewritten 网络 打不出去 (信号不好 and
     * 打不出去 are forms of 电话打不通), four words of which 70 % is two, and 打 (打客服) and 不 (说不清楚) scattered through a
     * telecom report about its bill were two;</li>
     * <li>the words as typed, as read, without officialese or as a synonym rewrites them (switch
     * {@code minqing.search.typed-pair}): 工厂欠新不发 is five words (工厂, 欠, 新, 不, 发), of which 70 % is three, and a
     * housing report holding 新, 欠 and 发 apart held three.</li>
     * </ul>
     * A switch set to {@code false} (read per search: the A/B runs) leaves its text unpaired. Measured on every judged set
     * (docs/relevance.md, 29th session): forms +1.19 over the old sets; the words typed +1.66 more; blind 0.845 → 0.853,
     * blind28 (unseen) 0.616 → 0.618.
     */
    private static Query paired(Query match, String text, String minimumMatch, String switchOff) {
        Query pair = minimumMatch.equals(ALL_WORDS_MATCH) && !"false".equals(System.getProperty(switchOff))
                ? charactersPaired(text) : null;
        return pair == null ? match : Query.of(q -> q.bool(b -> b.must(match).filter(pair)));
    }

    /** Any pair of the text's characters side by side in the report; null for a text shorter than {@link #FORM_PAIR_MIN}. */
    private static Query charactersPaired(String text) {
        String f = text == null ? "" : text.strip();
        if (f.codePointCount(0, f.length()) < FORM_PAIR_MIN) {
            return null;
        }
        return Query.of(q -> q.multiMatch(mm -> mm.query(f).fields("title.bigram", "description.bigram", "corrected.bigram",
                "correctedTitle.bigram").type(TextQueryType.MostFields).minimumShouldMatch("1")));
    }

    /**
     * The shortest text whose match needs a pair of its characters side by side. Measured in the 29th session on the
     * forms: three (+1.19 over the old sets; blind28 0.616 → 0.615); two, +0.68 more on the old sets and −0.57 on
     * blind28; four, −0.62 against three; two at every step, −4.18 (a single character of a two-character form, 火 of
     * 火灾, is a fair part of it once most words are enough).
     */
    static final int FORM_PAIR_MIN = 3;
    /** The switches of {@link #paired}: a thesaurus form's pair, the typed words' pair. */
    private static final String FORM_PAIR = "minqing.search.form-pair";
    private static final String TYPED_PAIR = "minqing.search.typed-pair";

    private static Query expansionAnywhere(Thesaurus.Expansion e, String minimumMatch, String formMatch, boolean common) {
        if (e.category() == null || e.category().isBlank() || e.category().equals("other")) {
            return rewrite(e.text(), THESAURUS_WEIGHT, minimumMatch, common);
        }
        // a form standing alone (the whole query was a form) is a notion: when the category is listed, one word of three
        // (死 of 林带树死了) is no match of it, and would raise a report above the listing with what the words found
        String inCategoryMatch = e.text().equals(e.form()) ? formMatch : minimumMatch;
        Query inCategory = Query.of(q -> q.bool(b -> b.must(rewrite(e.text(), THESAURUS_WEIGHT, inCategoryMatch, common))
                .filter(f -> f.term(t -> t.field("category").value(e.category())))));
        // elsewhere the rewrite is never loosened (most words are enough) a second time: a part of a form (差 of 脏乱差,
        // 卫生 of 不卫生) in another category's report is a chance match (条件太差, 信号差, 食堂不卫生)
        return Query.of(q -> q.disMax(d -> d.queries(inCategory,
                rewrite(e.text(), THESAURUS_ELSEWHERE_WEIGHT, ALL_WORDS_MATCH, common))));
    }

    /**
     * The other forms alone of the rewrites that replaced part of the query (the rest of it is often officialese no
     * report uses: 人员供养 of 特困人员供养, 义务教育 of 义务教育控辍保学), each once.
     */
    private static List<Thesaurus.Expansion> bareForms(List<Thesaurus.Expansion> rewrites) {
        return rewrites.stream().filter(e -> !e.form().equals(e.text()) && e.form().length() >= Thesaurus.MIN_FORM_LENGTH)
                .map(e -> new Thesaurus.Expansion(e.form(), e.category())).distinct().toList();
    }

    /**
     * A bare form, at the steps where most words are enough, counts this much of a rewrite with the rest of the query
     * (measured at 0.5 and 1 on every judged set in the 18th session: the same to ±0.004; the lower kept).
     */
    static final float BARE_FORM_WEIGHT = 0.5f;

    /** A synonym or thesaurus form: a common word on the words fields only ({@link RewriteClauses}), else on all. */
    private static Query rewrite(String text, float boost, String minimumMatch, boolean common) {
        return common ? RewriteClauses.onWords(text, boost, minimumMatch) : match(text, boost, minimumMatch);
    }

    private static Query matchWords(String text, String minimumMatch) {
        return Query.of(m -> m.multiMatch(mm -> mm.query(text).type(TextQueryType.MostFields)
                .fields("title", "description", "address", "corrected", "correctedTitle").minimumShouldMatch(minimumMatch)));
    }

    /**
     * The words (as typed, as read, rewritten) on the text, its character pairs and a misspelt report's readings, which
     * count about as the text would had it been spelt right.
     */
    private static Query match(String text, float boost, String minimumMatch) {
        return Query.of(m -> m.multiMatch(mm -> mm.query(text).type(TextQueryType.MostFields).boost(boost)
                .fields("title^3", "description", "title.bigram^2", "description.bigram", "address",
                        "corrected^" + CORRECTED_WEIGHT_IN_TEXT, "correctedTitle^" + CORRECTED_TITLE_WEIGHT)
                .minimumShouldMatch(minimumMatch)));
    }

    /**
     * A misspelt title read as known words (同音纠错 at index time) counts about as the title and its character pairs
     * would had it been written right (3, and 2 for each pair), the reading of the whole text as the description and
     * its pairs would (1 and 1 for each pair); a word also weighs less in these fields, which few cases hold. At weight
     * 1 a misspelt report fell below clean reports that only shared a thesaurus form with the query (静老院伙食太差 under
     * generated 幸福院 reports for 敬老院). Measured on the judged sets: 5 and 1, 6 and 2 gained less than 8 and 3.
     */
    static final int CORRECTED_TITLE_WEIGHT = 8;
    static final int CORRECTED_WEIGHT_IN_TEXT = 3;

    /** Every sort ends on the case number, so search_after pages never skip or repeat a case. */
    private static List<SortOptions> sortBy(String sort) {
        SortOptions first = switch (sort) {
            case "newest" -> SortOptions.of(o -> o.field(f -> f.field("createdAt").order(SortOrder.Desc)));
            case "supporters" -> SortOptions.of(o -> o.field(f -> f.field("supporters").order(SortOrder.Desc)));
            case "deadline" -> SortOptions.of(o -> o.field(f -> f.field("resolveDue").order(SortOrder.Asc).missing("_last")));
            default -> SortOptions.of(o -> o.score(sc -> sc.order(SortOrder.Desc)));
        };
        return List.of(first, SortOptions.of(o -> o.field(f -> f.field("number").order(SortOrder.Asc))));
    }

    private BoolQuery.Builder filters(BoolQuery.Builder b, Criteria c, CurrentUser user) {
        term(b, "handlingOrg", c.organisation());
        term(b, "urgency", c.urgency());
        term(b, "channel", c.channel());
        if (c.fromDate() != null || c.toDate() != null) {
            b.filter(f -> f.range(r -> r.untyped(u -> {
                // days as the county counts them; a bare "to" date includes that whole day
                u.field("createdAt").timeZone(zone);
                if (c.fromDate() != null) {
                    u.gte(co.elastic.clients.json.JsonData.of(c.fromDate()));
                }
                if (c.toDate() != null) {
                    u.lte(co.elastic.clients.json.JsonData.of(c.toDate()));
                }
                return u;
            })));
        }
        if (c.nearLat() != null && c.nearLon() != null) {
            double radius = c.radiusKm() == null ? 5 : c.radiusKm();
            b.filter(f -> f.geoDistance(g -> g.field("location").distance(radius + "km")
                    .location(l -> l.latlon(ll -> ll.lat(c.nearLat()).lon(c.nearLon())))));
        }
        term(b, "category", c.category());
        if ("open".equals(c.status())) {
            // every status that is not an outcome (the dashboard's "open problems")
            b.mustNot(m -> m.terms(t -> t.field("status").terms(v -> v.value(java.util.Arrays.stream(
                    cn.minqing.cases.CaseStatus.values()).filter(cn.minqing.cases.CaseStatus::isFinal)
                    .map(x -> co.elastic.clients.elasticsearch._types.FieldValue.of(x.code())).toList()))));
        } else {
            term(b, "status", c.status());
        }
        term(b, "regionPath", c.region());
        if (c.overdue() != null) {
            if (c.overdue()) {
                b.filter(overdueNow());
            } else {
                b.mustNot(overdueNow());
            }
        }
        Query scope = scope(user);
        if (scope != null) {
            b.filter(scope);
        }
        return b;
    }

    /** Villagers find their own cases; cadres and leaders their region; admins everything. */
    static Query scope(CurrentUser user) {
        if (user.is(Role.ADMIN)) {
            return null;
        }
        Query own = Query.of(q -> q.term(t -> t.field("reporter").value(user.username())));
        if ((user.is(Role.CADRE) || user.is(Role.LEADER)) && user.scopeRegion() != null) {
            Query region = Query.of(q -> q.term(t -> t.field("regionPath").value(user.scopeRegion())));
            if (user.is(Role.LEADER) || user.responsibilities().isEmpty()) {
                return Query.of(q -> q.bool(b -> b.should(region, own).minimumShouldMatch("1")));
            }
            Query responsible = responsibleFor(user);
            return Query.of(q -> q.bool(b -> b.should(own).should(s -> s.bool(r -> r.filter(region, responsible)))
                    .minimumShouldMatch("1")));
        }
        return own;
    }

    /** A county bureau's cases: the categories it answers for, or handed to it. */
    static Query responsibleFor(CurrentUser user) {
        return Query.of(q -> q.bool(b -> b.minimumShouldMatch("1")
                .should(s -> s.terms(t -> t.field("category").terms(v -> v.value(
                        user.responsibilities().stream().map(co.elastic.clients.elasticsearch._types.FieldValue::of).toList()))))
                .should(s -> s.term(t -> t.field("handlingOrg").value(user.organisationCode())))));
    }

    private static void term(BoolQuery.Builder b, String field, String value) {
        if (value != null && !value.isBlank()) {
            b.filter(f -> f.term(t -> t.field(field).value(value)));
        }
    }

    /** The answer; {@code ordered} is the page's hits in the order shown (the next page goes on after the last one sent). */
    private static SearchResult result(PageAndCount.Answer response, List<Hit<CaseDocument>> ordered,
                                       List<String> relaxed, List<String> marked) {
        List<SearchResult.Hit> hits = ordered.stream().map(h -> hit(h, marked)).toList();
        Map<String, List<SearchResult.Bucket>> facets = new LinkedHashMap<>();
        response.aggregations().forEach((name, agg) -> facets.put(name, agg.sterms().buckets().array().stream()
                .map((StringTermsBucket bucket) -> new SearchResult.Bucket(bucket.key().stringValue(), bucket.docCount()))
                .toList()));
        long total = response.total();
        List<String> next = response.hits().isEmpty() ? List.of()
                : response.hits().get(response.hits().size() - 1).sort().stream()
                .map(v -> v.isString() ? v.stringValue() : String.valueOf(v._get())).toList();
        return new SearchResult(total, hits, facets, next, relaxed);
    }

    /**
     * Overdue as of now, as {@code CaseRecord.isOverdue()} says: open past its deadline (the clock moves
     * on after indexing), or closed after it (fixed when the case closed, so the indexed flag holds).
     */
    private static Query overdueNow() {
        return Query.of(q -> q.bool(b -> b.minimumShouldMatch("1")
                .should(s -> s.bool(open -> open.mustNot(m -> m.exists(e -> e.field("closedAt")))
                        .filter(f -> f.range(r -> r.untyped(u -> u.field("resolveDue")
                                .lt(co.elastic.clients.json.JsonData.of("now")))))))
                .should(s -> s.bool(closed -> closed.filter(f -> f.exists(e -> e.field("closedAt")))
                        .filter(f -> f.term(t -> t.field("overdue").value(true)))))));
    }

    private static SearchResult.Hit hit(Hit<CaseDocument> h, List<String> marked) {
        CaseDocument d = h.source();
        boolean overdue = d.closedAt() != null ? d.overdue()
                : d.resolveDue() != null && java.time.OffsetDateTime.now().isAfter(d.resolveDue());
        return new SearchResult.Hit(d.number(), d.title(), d.status(), d.category(), d.categoryName(),
                d.villageCode(), d.villageName(), d.townshipName(), d.supporters(), d.createdAt(), h.score(),
                ThesaurusMarks.mark(h.highlight(), d, marked), d.deadlineLevel(), overdue);
    }
}
