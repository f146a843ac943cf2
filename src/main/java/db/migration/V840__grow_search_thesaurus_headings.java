package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The domain thesaurus's twenty-fourth round (thes29, issue 13), written blind and about no region: the headings a
 * county's leaders, its 12345 centre's analysts and its 督查 office search by (提法) to see the villagers' reports under
 * one heading. Headings as broad notions with the concrete needs under them: the 七有 family (幼有所育, 学有所教, 劳有所得,
 * 病有所医, 老有所养, 住有所居, 弱有所扶, and 民生七有 over them), the four revitalisations the file lacked (人才振兴,
 * 文化振兴, 生态振兴, 组织振兴), and safety, governance, ecology, public-service, employment, agriculture,
 * infrastructure and conduct headings (防溺水工作, 综治中心建设, 法治乡村建设, 党建引领基层治理, 信访工作法治化, 碧水保卫战,
 * 净土保卫战, 林长制, 公共服务均等化, 乡村建设行动, 健康乡村建设, 全民参保, 零工市场建设, 种业振兴, 菜篮子工程, 信号升格,
 * 低保专项治理, 漠视侵害群众利益 …); four needs they lacked (法律援助, 乡村人才流失, 村干部老化, 养老院缺医护); and
 * existing entries that already are a heading, given the notions under them where they had none (村务公开, 一卡通,
 * 防返贫监测, 田长制, 就业帮扶, 城乡公交 …) or their newer names (一件事一次办 + 高效办成一件事, 矛盾纠纷化解 + 新时代枫桥经验,
 * 民生实事项目 + 我为群众办实事 …). A database migrated earlier gets the terms it lacks with their narrower notions, the
 * reworded entries their new variants if they still read exactly as shipped before (search/thesaurus-before-v840.tsv)
 * and keep their category, and the entries without narrower notions the file's; no entry's existing narrower notions
 * change, so no earlier narrower file is needed. An entry an admin edited keeps the admin's wording and notions. The
 * rules are V560's and V701's, shared in {@link ThesaurusFile}.
 */
public class V840__grow_search_thesaurus_headings extends BaseJavaMigration {

    static final String EARLIER = "/search/thesaurus-before-v840.tsv";

    @Override
    public void migrate(Context context) throws Exception {
        ThesaurusFile.growRound(context, EARLIER);
    }
}
