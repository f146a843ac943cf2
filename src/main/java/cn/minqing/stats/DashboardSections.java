package cn.minqing.stats;

import java.time.LocalDate;
import java.util.List;

/**
 * Sections that other features add to the leaders' dashboard after its own, computed apart from the case
 * indicators (e.g. 民情走访: coverage, visits on schedule). A feature gets the dashboard's region (its scope already
 * checked; empty for the whole system) and period, and gives figures, each linking to what lies behind it, and an
 * optional table.
 */
public interface DashboardSections {

    List<Section> of(String region, LocalDate from, LocalDate to);

    /** One figure: its library code, name, value as shown, definition, and the page behind it (or null). */
    record Figure(String code, String name, String value, String definition, String href) {
    }

    /** A table under the figures: headers and rows of cells; a row's first cell links to {@code links} at its index. */
    record Table(List<String> headers, List<List<String>> rows, List<String> links) {
    }

    record Section(String id, String title, String note, List<Figure> figures, Table table) {
    }
}
