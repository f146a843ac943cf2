package cn.minqing.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The concrete notions a broad search listed a report for, marked in its highlights as Elasticsearch marks words. */
class ThesaurusMarksTest {

    private static CaseDocument doc(String title, String description, List<String> forms) {
        OffsetDateTime at = OffsetDateTime.parse("2026-12-01T08:00:00+08:00");
        return new CaseDocument("QS-1", title, description, "education", "教育", "QS0101", "一村", "QS01", "一镇",
                List.of("QS", "QS01", "QS0101"), "received", "general", null, null, false, 0, null, null, at, at, null,
                null, "none", false, null, 1, "app").withForms(forms);
    }

    @Test
    void aNotionTheReportHoldsIsMarkedInTheTitleAndInAFragmentOfTheDescriptionAroundIt() {
        String description = "我们村在山里头，路远，班车一天只有两趟，屋里大人都出去打工了，" + "家家户户都是老人带娃，"
                + "留守儿童放学后没人接，天天去河边耍水，大人担心得很，学校也说管不过来，希望村里想想办法，安排人接送一下。";
        var marked = ThesaurusMarks.mark(null, doc("留守儿童没人管", description, List.of("留守儿童", "没人管")),
                List.of("独居老人", "留守儿童"));
        assertThat(marked.get("title")).containsExactly("<em>留守儿童</em>没人管");
        String fragment = marked.get("description").get(0);
        assertThat(fragment).contains("<em>留守儿童</em>放学后没人接");
        assertThat(fragment.replace("<em>", "").replace("</em>", "")).hasSize(ThesaurusMarks.FRAGMENT);
        assertThat(description).contains(fragment.replace("<em>", "").replace("</em>", ""));
    }

    @Test
    void whatElasticsearchMarkedStaysAndIsNotMarkedTwice() {
        Map<String, List<String>> fromElasticsearch = Map.of("description", List.of("<em>留守儿童</em>和独居老人 &amp; 留守儿童"));
        var marked = ThesaurusMarks.mark(fromElasticsearch, doc("村里的事", "留守儿童和独居老人 & 留守儿童",
                List.of("留守儿童", "独居老人")), List.of("留守儿童", "独居老人"));
        assertThat(marked.get("description")).containsExactly("<em>留守儿童</em>和<em>独居老人</em> &amp; <em>留守儿童</em>");
        assertThat(marked).doesNotContainKey("title");
    }

    @Test
    void aReportHoldingNoneOfTheNotionsOrIndexedWithoutFormsKeepsItsHighlights() {
        Map<String, List<String>> fromElasticsearch = Map.of("title", List.of("<em>水</em>管坏了"));
        assertThat(ThesaurusMarks.mark(fromElasticsearch, doc("水管坏了", "留守儿童", List.of("水管")), List.of("留守儿童")))
                .isSameAs(fromElasticsearch);
        assertThat(ThesaurusMarks.mark(fromElasticsearch, doc("水管坏了", "留守儿童", List.of()), List.of("留守儿童")))
                .isSameAs(fromElasticsearch);
        assertThat(ThesaurusMarks.mark(null, doc("水管坏了", "留守儿童", List.of("留守儿童")), List.of())).isNull();
    }

    @Test
    void theTextIsEscapedAsElasticsearchsHtmlEncoderEscapesIt() {
        var marked = ThesaurusMarks.mark(null, doc("<b>留守儿童</b> 'a' \"b\" c/d & e", null, List.of("留守儿童")),
                List.of("留守儿童"));
        assertThat(marked.get("title")).containsExactly(
                "&lt;b&gt;<em>留守儿童</em>&lt;&#x2F;b&gt; &#x27;a&#x27; &quot;b&quot; c&#x2F;d &amp; e");
    }
}
