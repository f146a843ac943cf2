package cn.minqing.intake;

import cn.minqing.people.CurrentUser;
import cn.minqing.platform.web.ApiException;
import cn.minqing.search.SimilarCases;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * "先看看有没有人反映过" on the report page: open cases nearby that read like the report, or the village's open
 * cases of its category; nothing for a village this person may not look at; the page still works when search is down.
 */
@Component
class SimilarOnReport {

    private final SimilarCases similarCases;
    private final OpenCases openCases;

    SimilarOnReport(SimilarCases similarCases, OpenCases openCases) {
        this.similarCases = similarCases;
        this.openCases = openCases;
    }

    List<?> to(CaseReport report, String village, CurrentUser me) {
        if (village == null || village.isBlank()) {
            return List.of();
        }
        String words = ((report.title() == null ? "" : report.title()) + " "
                + (report.description() == null ? "" : report.description())).strip();
        if (words.isEmpty()) {
            return report.category() == null ? List.of() : openIn(village, report.category(), me);
        }
        try {
            return similarCases.find(words, village, 3, 5, me).stream().filter(SimilarCases.Match::isOpen).toList();
        } catch (ApiException e) {
            return List.of(); // not a village this person may look at
        } catch (Exception e) {
            return openIn(village, null, me);
        }
    }

    private List<?> openIn(String village, String category, CurrentUser me) {
        try {
            return openCases.in(village, category, 5, me);
        } catch (ApiException e) {
            return List.of();
        }
    }
}
