package cn.minqing.stats;

import java.util.Optional;
import org.springframework.web.util.UriComponentsBuilder;

/** Links from a figure to the cases behind it: the dashboard's filter, with some parameters set anew. */
public record Drill(StatsQuery query) {

    /** The search for the dashboard's region, category and period. */
    public String base() {
        return with();
    }

    /** The same search with each given name set to the value after it, e.g. with("status", "open"). */
    public String with(String... namesAndValues) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/search").queryParam("region", query.region())
                .queryParamIfPresent("category", Optional.ofNullable(query.category()))
                .queryParam("from", query.from()).queryParam("to", query.to());
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            b.replaceQueryParam(namesAndValues[i], namesAndValues[i + 1]);
        }
        return b.encode().build().toUriString();
    }
}
