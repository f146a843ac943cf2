package cn.minqing.search;

import cn.minqing.cases.CaseStatus;
import cn.minqing.county.Region;
import cn.minqing.county.Regions;
import cn.minqing.people.CurrentUser;
import cn.minqing.people.Role;
import cn.minqing.platform.web.ApiException;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Likely duplicates of what a villager is about to report: cases whose words are close, in the same
 * village or within a few kilometres of it, open ones first; the same syllables (pinyin) count too, at a lower
 * weight, so a homophone typo still finds its twin. Only public fields leave this class.
 */
@Service
public class SimilarCases {

    private final ElasticsearchClient client;
    private final SearchIndex index;
    private final Regions regions;

    SimilarCases(ElasticsearchClient client, SearchIndex index, Regions regions) {
        this.client = client;
        this.index = index;
        this.regions = regions;
    }

    /** A likely duplicate: number, title, village, status, supporters and how close it is. */
    public record Match(String number, String title, String category, String villageCode, String village,
                        String status, int supporters, double score) {

        public boolean isOpen() {
            return !CaseStatus.of(status).isFinal();
        }
    }

    /**
     * Villagers look around their own village; cadres and leaders only inside their region (the radius
     * never reaches across it); admins anywhere.
     */
    public List<Match> find(String text, String villageCode, double radiusKm, int size, CurrentUser user) throws IOException {
        if (!user.mayLookAt(villageCode, regions.pathOf(villageCode))) {
            throw ApiException.forbidden("case.similar.outOfScope");
        }
        // the radius may reach over the border: keep to the caller's region, and a county bureau to its categories
        String scope = user.is(Role.ADMIN) ? "" : user.isVillagerOnly() ? null : user.scopeRegion();
        Query limit = categoryLimit(user);
        index.ensureExists();
        Region village = regions.find(villageCode).orElse(null);
        Query near = village == null || village.lat() == null
                ? Query.of(q -> q.term(t -> t.field("villageCode").value(villageCode)))
                : Query.of(q -> q.bool(b -> b.minimumShouldMatch("1")
                        .should(s -> s.term(t -> t.field("villageCode").value(villageCode)))
                        .should(s -> s.geoDistance(g -> g.field("location").distance(radiusKm + "km")
                                .location(l -> l.latlon(ll -> ll.lat(village.lat()).lon(village.lon())))))));
        // no count: nothing shows it, and counting (to 10,000 by default) kept Elasticsearch from skipping the
        // matches that cannot reach the first few (searchperf8; p95 253 → 228 ms at a million cases, idle box)
        SearchResponse<CaseDocument> response = client.search(s -> s.index(index.alias()).size(size * 2)
                .trackTotalHits(t -> t.enabled(false))
                .source(src -> src.filter(f -> f.includes(SHOWN)))
                .query(q -> q.bool(b -> b.filter(near)
                        .filter(f -> scope == null || scope.isEmpty() ? f.matchAll(m -> m)
                                : f.term(t -> t.field("regionPath").value(scope)))
                        .filter(limit)
                        .must(alike(text))
                        .should(s2 -> s2.term(t -> t.field("villageCode").value(villageCode).boost(2f))))), CaseDocument.class);
        return response.hits().hits().stream()
                .map(h -> new Match(h.source().number(), h.source().title(), h.source().category(),
                        h.source().villageCode(), h.source().villageName(), h.source().status(),
                        h.source().supporters(), h.score() == null ? 0 : h.score()))
                .sorted(Comparator.comparing((Match m) -> !m.isOpen())
                        .thenComparing(Comparator.comparingDouble(Match::score).reversed()))
                .limit(size).toList();
    }

    /** What a match shows: nothing else is read from the index (the description stays there). */
    private static final List<String> SHOWN = List.of("number", "title", "category", "villageCode", "villageName",
            "status", "supporters");

    /**
     * Cases worded like the draft: by default ({@code alike}) its {@link #TERMS} most telling terms — words, character
     * pairs and syllable pairs on the title and the description, the rarest in the index first (more_like_this) — of
     * which a case must share one. A long draft loses its commonest terms (的, 天, de_zi), and the query is one flat
     * disjunction of terms, so Elasticsearch skips the cases that cannot reach the few asked for; the old query, every
     * term on six fields with 15 % of them per field, scored every case nearby that shared one syllable pair
     * (a million cases, Elasticsearch's own time: short drafts 52 → 14–19 ms, whole reports 82–87 → 23–24 ms).
     * {@code minqing.search.similar-shape} (system property, read per search) is {@code words} for the old query (the
     * benchmarks' A/B) or {@code alike:TERMS:MINIMUM} to try others (docs/performance.md, 26th session).
     */
    static Query alike(String text) {
        String shape = System.getProperty("minqing.search.similar-shape", "alike");
        if (shape.equals("words")) {
            return Query.of(m -> m.multiMatch(mm -> mm.query(text).type(TextQueryType.MostFields)
                    .fields("title^2", "description", "title.bigram", "description.bigram",
                            "title.pinyin^0.5", "description.pinyin^0.3")
                    .minimumShouldMatch("15%")));
        }
        String[] parts = shape.split(":");
        int terms = parts.length > 1 && parts[1].matches("[1-9]\\d{0,2}") ? Integer.parseInt(parts[1]) : TERMS;
        String minimum = parts.length > 2 && parts[2].matches("\\d{1,3}%?") ? parts[2] : "1";
        return Query.of(q -> q.moreLikeThis(m -> m.fields(ALIKE_FIELDS).like(l -> l.text(text)).minTermFreq(1)
                .minDocFreq(1).maxQueryTerms(terms).minimumShouldMatch(minimum)));
    }

    /** How many of the draft's terms a likely duplicate is looked for by (25, 40 and 60 judged; 26th session). */
    static final int TERMS = 40;

    private static final List<String> ALIKE_FIELDS = List.of("title", "description", "title.bigram", "description.bigram",
            "title.pinyin", "description.pinyin");

    private static Query categoryLimit(CurrentUser user) {
        return user.categoryLimit().isEmpty() ? Query.of(q -> q.matchAll(m -> m)) : CaseSearch.responsibleFor(user);
    }
}
