package cn.minqing.search;

import cn.minqing.people.CurrentUser;
import cn.minqing.people.Role;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Finds cases by what people wrote, always within the searcher's scope. */
@Service
class CaseSearch {

    private static final List<String> FACETS = List.of("category", "status", "townshipName");
    private final ElasticsearchClient client;
    private final SearchIndex index;
    private final Synonyms synonyms;
    private final PlaceNames placeNames;

    private final String zone;

    CaseSearch(ElasticsearchClient client, SearchIndex index, Synonyms synonyms, PlaceNames placeNames,
               @org.springframework.beans.factory.annotation.Value("${minqing.time-zone:Asia/Shanghai}") String zone) {
        this.zone = zone;
        this.client = client;
        this.index = index;
        this.synonyms = synonyms;
        this.placeNames = placeNames;
    }

    /** Everything /api/search takes; null means "any". {@code after} is the previous page's last sort values. */
    record Criteria(String q, String category, String status, String region, Boolean overdue, int size, int from,
                    String organisation, String urgency, String fromDate, String toDate, Double nearLat,
                    Double nearLon, Double radiusKm, String sort, List<String> after) {

        Criteria(String q, String category, String status, String region, Boolean overdue, int size, int from) {
            this(q, category, status, region, overdue, size, from, null, null, null, null, null, null, null, null, null);
        }
    }

    SearchResult search(Criteria given, CurrentUser user) throws IOException {
        index.ensureExists();
        PlaceNames.Parsed parsed = placeNames.parse(given.q());
        Criteria c = parsed.regionCode() == null || given.region() != null ? given
                : new Criteria(parsed.words(), given.category(), given.status(), parsed.regionCode(), given.overdue(),
                given.size(), given.from(), given.organisation(), given.urgency(), given.fromDate(), given.toDate(),
                given.nearLat(), given.nearLon(), given.radiusKm(), given.sort(), given.after());
        boolean hasText = c.q() != null && !c.q().isBlank();
        SearchResponse<CaseDocument> response = client.search(s -> {
            s.index(index.alias()).size(c.size()).trackTotalHits(t -> t.enabled(true))
                    .query(q -> q.bool(b -> filters(text(b, c.q(), synonyms.variants(c.q() == null ? "" : c.q())), c, user)));
            if (hasText) {
                s.highlight(h -> h.preTags("<em>").postTags("</em>").encoder(co.elastic.clients.elasticsearch.core.search.HighlighterEncoder.Html)
                        .fields("title", f -> f.numberOfFragments(0))
                        .fields("description", f -> f.fragmentSize(80).numberOfFragments(2)));
            }
            sortBy(s, c.sort() != null ? c.sort() : hasText ? "relevance" : "newest");
            if (c.after() != null && !c.after().isEmpty()) {
                s.searchAfter(c.after().stream().map(co.elastic.clients.elasticsearch._types.FieldValue::of).toList());
            } else {
                s.from(c.from());
            }
            FACETS.forEach(name -> s.aggregations(name, a -> a.terms(t -> t.field(name).size(20))));
            return s;
        }, CaseDocument.class);
        return result(response);
    }

    /** The words as typed, or any of their colloquial variants (synonyms), must match; "quoted" means exactly. */
    private static BoolQuery.Builder text(BoolQuery.Builder b, String q, List<String> variants) {
        if (q == null || q.isBlank()) {
            return b;
        }
        String trimmed = q.strip();
        if (trimmed.length() > 2 && (trimmed.startsWith("\"") && trimmed.endsWith("\"")
                || trimmed.startsWith("“") && trimmed.endsWith("”"))) {
            String phrase = trimmed.substring(1, trimmed.length() - 1);
            return b.must(m -> m.multiMatch(mm -> mm.query(phrase).type(TextQueryType.Phrase)
                    .fields("title.bigram^2", "description.bigram")));
        }
        return b.must(m -> m.bool(any -> {
            any.should(match(q, 1.0f));
            variants.forEach(v -> any.should(match(v, 0.8f)));
            return any.minimumShouldMatch("1");
        }));
    }

    private static Query match(String text, float boost) {
        return Query.of(m -> m.multiMatch(mm -> mm.query(text).type(TextQueryType.MostFields).boost(boost)
                .fields("title^3", "description", "title.bigram^2", "description.bigram", "address")
                .minimumShouldMatch("2<70%")));
    }

    /** Every sort ends on the case number, so search_after pages never skip or repeat a case. */
    private static void sortBy(co.elastic.clients.elasticsearch.core.SearchRequest.Builder s, String sort) {
        switch (sort) {
            case "newest" -> s.sort(o -> o.field(f -> f.field("createdAt").order(SortOrder.Desc)));
            case "supporters" -> s.sort(o -> o.field(f -> f.field("supporters").order(SortOrder.Desc)));
            case "deadline" -> s.sort(o -> o.field(f -> f.field("resolveDue").order(SortOrder.Asc).missing("_last")));
            default -> s.sort(o -> o.score(sc -> sc.order(SortOrder.Desc)));
        }
        s.sort(o -> o.field(f -> f.field("number").order(SortOrder.Asc)));
    }

    private BoolQuery.Builder filters(BoolQuery.Builder b, Criteria c, CurrentUser user) {
        term(b, "handlingOrg", c.organisation());
        term(b, "urgency", c.urgency());
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

    private static SearchResult result(SearchResponse<CaseDocument> response) {
        List<SearchResult.Hit> hits = response.hits().hits().stream().map(CaseSearch::hit).toList();
        Map<String, List<SearchResult.Bucket>> facets = new LinkedHashMap<>();
        response.aggregations().forEach((name, agg) -> facets.put(name, agg.sterms().buckets().array().stream()
                .map((StringTermsBucket bucket) -> new SearchResult.Bucket(bucket.key().stringValue(), bucket.docCount()))
                .toList()));
        long total = response.hits().total() == null ? hits.size() : response.hits().total().value();
        List<String> next = response.hits().hits().isEmpty() ? List.of()
                : response.hits().hits().get(response.hits().hits().size() - 1).sort().stream()
                .map(v -> v.isString() ? v.stringValue() : String.valueOf(v._get())).toList();
        return new SearchResult(total, hits, facets, next);
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

    private static SearchResult.Hit hit(Hit<CaseDocument> h) {
        CaseDocument d = h.source();
        boolean overdue = d.closedAt() != null ? d.overdue()
                : d.resolveDue() != null && java.time.OffsetDateTime.now().isAfter(d.resolveDue());
        return new SearchResult.Hit(d.number(), d.title(), d.status(), d.category(), d.categoryName(),
                d.villageCode(), d.villageName(), d.townshipName(), d.supporters(), d.createdAt(), h.score(),
                h.highlight(), d.deadlineLevel(), overdue);
    }
}
