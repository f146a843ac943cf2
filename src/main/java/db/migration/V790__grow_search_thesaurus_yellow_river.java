package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The domain thesaurus's nineteenth round (thes24, issue 13), written blind for a county on the lower Yellow River plain
 * in western Shandong (flat wheat–maize land, villages of the 黄河滩区 moved to 村台 and new 社区 by 滩区迁建, others merged
 * by 合村并居 into 新型农村社区 with 楼房, a county 化工园区, 大棚 vegetables, garlic and 大葱), whose villagers, returned
 * migrant workers, old people writing through grandchildren, 网格员 and cadres type cases in 山东话 (俺, 恁, 咋弄, 木有, 杠,
 * 得劲, 不孬, 夜来, 晌午, 拉呱) and plain complaint (找了好几趟). Their situations as entries (上楼后种地远 ↔
 * 上了楼地离得老远, 上楼后农具没处放, 强制上楼, 安置楼停工, 上楼后开销大, 村台房屋质量, 滩区运用补偿, 黄河漫滩, 黄河浮桥,
 * 引黄渠淤积, 浇地排队, 粮食收购压价 ↔ 粮站压价, 芽麦收购, 秸秆禁烧罚款, 大蒜价格低, 化工园区异味, 拉沙车超载 …); broad
 * notions that county leaders search by, each with the concrete notions under it (合村并居, 滩区迁建, 新型农村社区建设,
 * 黄河防汛, 引黄灌溉, 夏粮收购, 化工园区整治, 婚丧陋习整治, 沿黄村庄诉求 …, and 土地流转, which had none); and the
 * county's words on existing entries (扣水扣杂 + 水分扣得杠狠, 玉米价格低 + 棒子不值钱 …). A database migrated earlier
 * gets the terms it lacks with their narrower notions, and the existing entries that gained variants in this round get
 * them if they still read exactly as shipped before (search/thesaurus-before-v790.tsv) and keep their category; an entry
 * an admin edited keeps the admin's wording, and an entry that has narrower notions keeps them. The rules are V560's and
 * V701's, shared in {@link ThesaurusFile}.
 */
public class V790__grow_search_thesaurus_yellow_river extends BaseJavaMigration {

    static final String EARLIER = "/search/thesaurus-before-v790.tsv";

    @Override
    public void migrate(Context context) throws Exception {
        ThesaurusFile.growRound(context, EARLIER);
    }
}
