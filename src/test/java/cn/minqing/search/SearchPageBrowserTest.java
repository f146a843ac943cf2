package cn.minqing.search;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import cn.minqing.support.Browser;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A cadre searches in villagers' words, sees highlights and facets, and saves the search. */
class SearchPageBrowserTest extends ApiTest {

    @LocalServerPort
    int port;

    @Test
    void aCadreSearchesAndSavesTheSearch() {
        String number = file("villager1", "三组<b>水管</b>爆了", "三组的水管爆了，家家户户吃水难", "water");
        await(Duration.ofSeconds(5), "grid1", "/api/search?q=水管爆了&size=50",
                r -> r.get("hits").findValuesAsText("number").contains(number));
        try (Browser browser = new Browser("http://localhost:" + port, 1280, 900)) {
            browser.login("grid1", PASSWORD).open("/search");
            browser.find("#q").sendKeys("水管爆了");
            browser.press("#do-search");
            assertThat(browser.find(".hit[data-case='" + number + "']").getText()).contains("水管");
            assertThat(browser.find(".hit[data-case='" + number + "'] a").getAttribute("innerHTML"))
                    .contains("<em>").doesNotContain("<b>");
            browser.screenshot("search-page");
            browser.find("input[name=name]").sendKeys("三组停水");
            browser.press("#save-search");
            assertThat(browser.text("#saved")).contains("三组停水");
        }
    }
}
