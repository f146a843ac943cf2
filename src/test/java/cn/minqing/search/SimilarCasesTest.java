package cn.minqing.search;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Before filing, a villager is shown the cases that are likely the same problem nearby. */
class SimilarCasesTest extends ApiTest {

    @Test
    void aNearDuplicateInTheSameVillageIsFoundAndAFarOneIsNot() {
        String number = filedAndFound("桥头垃圾成堆发臭", "桥头那个垃圾堆好久没人清运了，夏天臭得不行，苍蝇到处飞", "sanitation", "桥头垃圾");

        JsonNode here = get("villager1", "/api/cases/similar?villageCode=QS01001&text=桥头的垃圾好多天没人拉，太臭了").getBody();
        assertThat(here.findValuesAsText("number")).contains(number);
        assertThat(here.toString()).doesNotContain("苍蝇").doesNotContain("villager1");

        JsonNode elsewhere = get("admin", "/api/cases/similar?villageCode=QS06001&radiusKm=1&text=桥头的垃圾好多天没人拉").getBody();
        assertThat(elsewhere.findValuesAsText("number")).doesNotContain(number);
    }

    @Test
    void aDraftWithAHomophoneTypoFindsItsTwinAndCommonWordsAloneFindNothingNew() {
        String number = filedAndFound("后山蓄水池裂缝漏水", "后山那个蓄水池裂了条大缝，天天漏水，下面的菜地都泡了", "water", "蓄水池裂缝");
        // 续 for 蓄 (xù), as a phone's input makes it: the syllable pairs still tie the draft to the report
        JsonNode typo = get("villager1", "/api/cases/similar?villageCode=QS01001&text=后山续水池烈缝了").getBody();
        assertThat(typo.findValuesAsText("number")).contains(number);
        // the draft's most telling terms decide: a report about something else that shares only 的 and 了 is no twin
        JsonNode other = get("villager1", "/api/cases/similar?villageCode=QS01001&text=锕锿的钔了").getBody();
        assertThat(other.findValuesAsText("number")).doesNotContain(number);
    }

    @Test
    void noOneLooksIntoAnotherRegion() {
        assertThat(get("villager2", "/api/cases/similar?villageCode=QS01001&text=垃圾").getStatusCode().value()).isEqualTo(403);
        assertThat(get("staff-QS02", "/api/cases/similar?villageCode=QS01001&text=垃圾").getStatusCode().value()).isEqualTo(403);
        // a 20 km radius reaches into 石门镇 (QS01): the township's staff still see only their own township's cases
        String theirs = file("villager2", "坪里垃圾没人拉", "枫树坪村坪里的垃圾好久没人拉走了", "sanitation");
        await(Duration.ofSeconds(5), "admin", "/api/search?q=坪里垃圾&size=50",
                r -> r.get("hits").findValuesAsText("number").contains(theirs));
        JsonNode own = get("staff-QS02", "/api/cases/similar?villageCode=QS02001&radiusKm=20&text=垃圾 路 水 电").getBody();
        assertThat(own.findValuesAsText("number")).contains(theirs);
        assertThat(own.findValuesAsText("villageCode")).isNotEmpty().allMatch(code -> code.startsWith("QS02"));
    }

    /** Filed by villager1 and searchable (the index has it) before the similar-case search is asked. */
    private String filedAndFound(String title, String description, String category, String probe) {
        String number = file("villager1", title, description, category);
        await(Duration.ofSeconds(5), "admin", "/api/search?q=" + probe + "&size=50",
                r -> r.get("hits").findValuesAsText("number").contains(number));
        return number;
    }
}
