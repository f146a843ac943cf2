package cn.minqing.search;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The search page keeps "只看超期" and the order on reload, and pages through every result, 50 at a time. */
class SearchPagingPageTest extends ApiTest {

    private static final Pattern HIT = Pattern.compile("class=\"card hit\" data-case=\"([^\"]+)\"");
    private static final Pattern NEXT = Pattern.compile("id=\"next-page\" class=\"primary\" href=\"([^\"]+)\"");

    @Test
    void theOverdueFilterSurvivesAReloadAndTheNextPageFollows() {
        String overdue = page("/search?overdue=true&sort=deadline");
        assertThat(overdue).containsPattern("id=\"overdue\" value=\"true\" checked");
        assertThat(overdue).contains("<option value=\"deadline\" selected");
        assertThat(page("/search")).doesNotContainPattern("id=\"overdue\" value=\"true\" checked");

        String first = page("/search");
        List<String> firstHits = hits(first);
        assertThat(firstHits).hasSize(50);
        Matcher next = NEXT.matcher(first);
        assertThat(next.find()).as("the demo county has more than 50 cases: a next page").isTrue();
        String second = page(next.group(1).replace("&amp;", "&"));
        List<String> secondHits = hits(second);
        assertThat(secondHits).isNotEmpty().doesNotContainAnyElementsOf(firstHits);
        assertThat(second).contains("第 51–", "id=\"first-page\"");
        // a malformed page marker starts over rather than failing
        assertThat(hits(page("/search?after=x&after=%3Cb%3E&shown=50"))).isEqualTo(firstHits);
    }

    private String page(String path) {
        var response = as("leader1").getForEntity(path, String.class);
        assertThat(response.getStatusCode().value()).as(path).isEqualTo(200);
        return response.getBody();
    }

    private static List<String> hits(String html) {
        List<String> numbers = new ArrayList<>();
        Matcher m = HIT.matcher(html);
        while (m.find()) {
            numbers.add(m.group(1));
        }
        return numbers;
    }
}
