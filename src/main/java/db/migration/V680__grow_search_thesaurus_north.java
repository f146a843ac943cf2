package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The domain thesaurus's ninth round (thes13, issue 13), written blind for the northern counties (东北, 华北): winter
 * heating (集中供暖, 暖气不热 ↔ 屋里贼冷/暖气片不热, 清洁取暖 ↔ 不让烧煤/空气源热泵, 煤改气, 煤烟中毒 ↔ 炉子熏着了), frozen
 * pipes and snow (冬季冻管 ↔ 自来水冻上了, 冬季清雪 ↔ 雪没人推), grain selling (售粮难 ↔ 卖粮犯愁, 扣水扣杂, 粮库收购, 上门收粮
 * ↔ 粮贩子), black soil and straw (黑土地保护 ↔ 盗挖黑土, 秸秆打包), toilets, funerals and customs, the elderly and
 * children, disasters, and petty graft in villagers' words (办事要吃请 ↔ 请吃饭才办, 办事要意思 ↔ 盖章要两包烟, 优亲厚友 ↔
 * 低保都给亲戚, 找不到办事人 ↔ 电话不接/门锁着). A database migrated earlier gets the terms it lacks, and the existing
 * entries that gained variants in this round get them if they still read exactly as shipped before
 * (search/thesaurus-before-v680.tsv) and keep their category; an entry an admin edited keeps the admin's wording. The
 * rules are V560's, shared in {@link ThesaurusFile}.
 */
public class V680__grow_search_thesaurus_north extends BaseJavaMigration {

    static final String EARLIER = "/search/thesaurus-before-v680.tsv";

    @Override
    public void migrate(Context context) throws Exception {
        ThesaurusFile.rewordUnedited(context, EARLIER);
        ThesaurusFile.addMissingTerms(context);
    }
}
