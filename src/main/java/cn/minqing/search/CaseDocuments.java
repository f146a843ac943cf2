package cn.minqing.search;

import cn.minqing.cases.CaseRecord;
import cn.minqing.cases.CaseStatus;
import cn.minqing.county.Categories;
import cn.minqing.county.Category;
import cn.minqing.county.Region;
import cn.minqing.county.Regions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Turns stored cases into search documents, naming their village, township and category. */
@Component
class CaseDocuments {

    private final Regions regions;
    private final Categories categories;
    private final SoundAlikes soundAlikes;
    private final Thesaurus thesaurus;

    CaseDocuments(Regions regions, Categories categories, SoundAlikes soundAlikes, Thesaurus thesaurus) {
        this.regions = regions;
        this.categories = categories;
        this.soundAlikes = soundAlikes;
        this.thesaurus = thesaurus;
    }

    /**
     * 同音纠错 at index time: a report written with a homophone typo (自来谁, 低包) is also indexed as read with the
     * known word (自来水, 低保), so the right word finds it as it finds a clean report; a report in dialect words (细伢冇人带)
     * is read plainly first ({@link DialectWords}: 孩子没人带). With the thesaurus forms the text holds as written or so
     * read ({@link Thesaurus#heldIn}).
     */
    CaseDocument corrected(CaseDocument doc) {
        String written = doc.title() + "\n" + (doc.description() == null ? "" : doc.description());
        String text = read(written);
        // a misspelt title's reading is also kept apart, so that it counts like a title (a clean report's words in its
        // title weigh three times their weight in the description; the reading alone ranked a misspelt report below
        // every clean one that shared a word — 静老院伙食太差 under generated 养老院 reports for 敬老院)
        CaseDocument read = text == null ? doc : doc.withCorrected(text, read(doc.title()));
        return read.withForms(thesaurus.heldIn(text == null ? written : written + "\n" + text));
    }

    /**
     * A text as read: its dialect words plainly (细伢冇人带 → 孩子没人带: a cadre's plain words find a villager's dialect
     * report), then its homophone typos as known words; {@code null} when it reads as written.
     */
    private String read(String text) {
        return DialectWords.readThen(text, soundAlikes::readAsKnown);
    }

    /**
     * Writes a case at its own version: Elasticsearch keeps it only if it holds no newer one, so an
     * indexer that read the case earlier but writes it later cannot undo a newer state.
     */
    static co.elastic.clients.elasticsearch.core.bulk.BulkOperation write(String index, CaseDocument doc) {
        return co.elastic.clients.elasticsearch.core.bulk.BulkOperation.of(op -> op.index(i -> i.index(index).id(doc.number())
                .version(doc.version()).versionType(co.elastic.clients.elasticsearch._types.VersionType.ExternalGte)
                .document(doc)));
    }

    /** A write refused because the index already holds a newer version: nothing to retry. */
    static boolean olderThanIndexed(co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem item) {
        return item.error() != null && "version_conflict_engine_exception".equals(item.error().type());
    }

    List<CaseDocument> of(List<CaseRecord> cases) {
        // the forms written must be those of the thesaurus as it is now, though another instance edited it
        thesaurus.checkForEdits();
        Map<String, Region> regionCache = new HashMap<>();
        Map<String, String> categoryNames = new HashMap<>();
        categories.everything().forEach(c -> categoryNames.put(c.code(), c.nameZh()));
        List<CaseDocument> docs = new ArrayList<>(cases.size());
        for (CaseRecord c : cases) {
            Region village = regionCache.computeIfAbsent(c.villageCode(), code -> regions.find(code).orElseThrow());
            Region township = village.parentCode() == null ? null
                    : regionCache.computeIfAbsent(village.parentCode(), code -> regions.find(code).orElseThrow());
            docs.add(corrected(document(c, village, township, categoryNames.getOrDefault(c.categoryCode(), c.categoryCode()))));
        }
        return docs;
    }

    private static CaseDocument document(CaseRecord c, Region village, Region township, String categoryName) {
        List<String> path = new ArrayList<>();
        if (township != null) {
            if (township.parentCode() != null) {
                path.add(township.parentCode());
            }
            path.add(township.code());
        }
        path.add(village.code());
        CaseDocument.GeoPoint location = c.lat() != null ? new CaseDocument.GeoPoint(c.lat(), c.lon())
                : village.lat() != null ? new CaseDocument.GeoPoint(village.lat(), village.lon()) : null;
        return new CaseDocument(c.number(), c.title(), c.description(), c.categoryCode(), categoryName,
                village.code(), village.name(), township == null ? null : township.code(),
                township == null ? null : township.name(), path, c.status().code(), c.urgency(), c.handlingOrg(),
                c.reporter(), c.anonymous(), c.supporters(), location, c.address(), c.createdAt(), c.updatedAt(),
                c.closedAt(), c.handling().resolveDue(), c.handling().deadlineLevel(), c.isOverdue(), handling(c),
                c.version(), c.channel());
    }

    private static CaseDocument.Handling handling(CaseRecord c) {
        CaseRecord.Handling h = c.handling();
        boolean closed = c.status() == CaseStatus.SOLVED || c.status() == CaseStatus.UNSOLVABLE;
        boolean signedInTime = h.signedAt() != null && h.signDue() != null && !h.signedAt().isAfter(h.signDue());
        boolean closedInTime = closed && c.closedAt() != null && h.resolveDue() != null
                && !c.closedAt().isAfter(h.resolveDue());
        Double secondsToClose = closed && c.closedAt() != null
                ? Duration.between(c.createdAt(), c.closedAt()).toNanos() / 1e9 : null;
        boolean closedInOriginalTime = closed && c.closedAt() != null && h.resolveDueOriginal() != null
                && !c.closedAt().isAfter(h.resolveDueOriginal());
        return new CaseDocument.Handling(h.signDue(), h.signedAt(), signedInTime, closedInTime, h.rating(), h.returns(),
                h.reworks(), h.supervisions(), secondsToClose, h.resolveDueOriginal(), h.extensions(), closedInOriginalTime,
                h.suspendedHours(), h.deferredUntil() != null, h.deferrals(), h.ratedBy(),
                h.coOrganisations().stream().map(o -> new CaseDocument.CoOrganisationDoc(
                        o.code(), o.status(), o.due(), o.reportedAt(), o.late())).toList());
    }
}
