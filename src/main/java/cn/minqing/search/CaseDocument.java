package cn.minqing.search;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A case as indexed in Elasticsearch (see search-mappings/cases.json). {@code regionPath} holds the
 * county, township and village codes so that a scope filter is one term query; {@code channel} is where the
 * case came from ({@code app} or {@code visit}, 民情走访); {@code corrected} is the text with its sound-alike typos
 * read as the known words (only when it has some), {@code correctedTitle} the title so read (only when the title has
 * some: a misspelt title's reading counts like a title).
 */
record CaseDocument(String number, String title, String description, String category, String categoryName,
                    String villageCode, String villageName, String townshipCode, String townshipName,
                    List<String> regionPath, String status, String urgency, String handlingOrg, String reporter,
                    boolean anonymous, int supporters, GeoPoint location, String address,
                    OffsetDateTime createdAt, OffsetDateTime updatedAt, OffsetDateTime closedAt,
                    OffsetDateTime resolveDue, String deadlineLevel, boolean overdue, Handling handling,
                    long version, String channel, String corrected, String correctedTitle, List<String> forms) {

    /** As written, without a reading of its misspelt words ({@code corrected} is filled by {@link CaseDocuments}). */
    CaseDocument(String number, String title, String description, String category, String categoryName,
                 String villageCode, String villageName, String townshipCode, String townshipName,
                 List<String> regionPath, String status, String urgency, String handlingOrg, String reporter,
                 boolean anonymous, int supporters, GeoPoint location, String address,
                 OffsetDateTime createdAt, OffsetDateTime updatedAt, OffsetDateTime closedAt,
                 OffsetDateTime resolveDue, String deadlineLevel, boolean overdue, Handling handling,
                 long version, String channel) {
        this(number, title, description, category, categoryName, villageCode, villageName, townshipCode, townshipName,
                regionPath, status, urgency, handlingOrg, reporter, anonymous, supporters, location, address, createdAt,
                updatedAt, closedAt, resolveDue, deadlineLevel, overdue, handling, version, channel, null, null, null);
    }

    /**
     * The same document with {@code corrected}: its title and description with each misspelt word read as the known
     * word it sounds like (自来谁 → 自来水, 同音纠错 at index time), or null when none is misspelt.
     */
    CaseDocument withCorrected(String text) {
        return withCorrected(text, null);
    }

    /** With the reading of the whole text and, when the title itself is misspelt, of the title ({@code null} if not). */
    CaseDocument withCorrected(String text, String titleRead) {
        return new CaseDocument(number, title, description, category, categoryName, villageCode, villageName, townshipCode,
                townshipName, regionPath, status, urgency, handlingOrg, reporter, anonymous, supporters, location, address,
                createdAt, updatedAt, closedAt, resolveDue, deadlineLevel, overdue, handling, version, channel, text, titleRead, forms);
    }

    /**
     * The same document with the thesaurus forms and narrower notions its text holds as written or as read (水土流失,
     * 留守儿童): a broad notion's listing asks for them by one term look-up instead of a phrase each.
     */
    CaseDocument withForms(List<String> held) {
        return new CaseDocument(number, title, description, category, categoryName, villageCode, villageName, townshipCode,
                townshipName, regionPath, status, urgency, handlingOrg, reporter, anonymous, supporters, location, address,
                createdAt, updatedAt, closedAt, resolveDue, deadlineLevel, overdue, handling, version, channel, corrected,
                correctedTitle, held.isEmpty() ? null : List.copyOf(held));
    }

    /** A case from the phone or web ({@code channel} app), as the benchmarks and relevance sets build them. */
    CaseDocument(String number, String title, String description, String category, String categoryName,
                 String villageCode, String villageName, String townshipCode, String townshipName,
                 List<String> regionPath, String status, String urgency, String handlingOrg, String reporter,
                 boolean anonymous, int supporters, GeoPoint location, String address,
                 OffsetDateTime createdAt, OffsetDateTime updatedAt, OffsetDateTime closedAt,
                 OffsetDateTime resolveDue, String deadlineLevel, boolean overdue, Handling handling, long version) {
        this(number, title, description, category, categoryName, villageCode, villageName, townshipCode, townshipName,
                regionPath, status, urgency, handlingOrg, reporter, anonymous, supporters, location, address, createdAt,
                updatedAt, closedAt, resolveDue, deadlineLevel, overdue, handling, version, "app");
    }

    record GeoPoint(double lat, double lon) {
    }

    /** A co-organisation of a joint handling (协办) as indexed: {@code late} as of the last indexing. */
    record CoOrganisationDoc(String code, String status, OffsetDateTime due, OffsetDateTime reportedAt, boolean late) {
    }

    /**
     * What the indicators need, so the index can be checked against PostgreSQL: sign deadline and
     * time, whether signing and closing met their deadlines, rating, returns, reworks, supervisions,
     * and seconds from report to close (closed cases only); approved extensions (延期), the deadline before them and
     * whether closing met that original deadline; whether it is deferred to a work plan now (挂账) and how many
     * times it was.
     */
    record Handling(OffsetDateTime signDue, OffsetDateTime signedAt, boolean signedInTime, boolean closedInTime,
                    String rating, int returns, int reworks, int supervisions, Double secondsToClose,
                    OffsetDateTime resolveDueOriginal, int extensions, boolean closedInOriginalTime,
                    double suspendedHours, boolean deferred, int deferrals, String ratedBy,
                    List<CoOrganisationDoc> coOrganisations) {

        /** Before call-backs, 挂账 and joint handling. */
        Handling(OffsetDateTime signDue, OffsetDateTime signedAt, boolean signedInTime, boolean closedInTime,
                 String rating, int returns, int reworks, int supervisions, Double secondsToClose,
                 OffsetDateTime resolveDueOriginal, int extensions, boolean closedInOriginalTime, double suspendedHours) {
            this(signDue, signedAt, signedInTime, closedInTime, rating, returns, reworks, supervisions, secondsToClose,
                    resolveDueOriginal, extensions, closedInOriginalTime, suspendedHours, false, 0, null, List.of());
        }

        /** Without extensions (延期): the original deadline unknown, none approved. */
        Handling(OffsetDateTime signDue, OffsetDateTime signedAt, boolean signedInTime, boolean closedInTime,
                 String rating, int returns, int reworks, int supervisions, Double secondsToClose) {
            this(signDue, signedAt, signedInTime, closedInTime, rating, returns, reworks, supervisions, secondsToClose,
                    null, 0, closedInTime, 0);
        }
    }
}
