package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The domain thesaurus's fourteenth round (thes19, issue 13), written blind for the northern farming–pastoral belt
 * (半农半牧区: Inner Mongolia, 河北坝上, 晋北, 陕北-宁夏, 青海东部), whose villagers and herders file cases in northern
 * Mandarin (俺/咱, 啥/咋, 咋整, 没法整, 娃, 后生, 营生, 恓惶, 圪梁) with pastoral words (草场, 网围栏, 禁牧/休牧, 接羔, 奶站,
 * 嘎查/苏木, 蒙古包, 风光互补). Herders' and farmers' situations as entries (草场争议 ↔ 网围栏往里挪/打草场被占, 牲畜死亡 ↔
 * 羊羔冻死/牛犊死了, 奶价低 ↔ 奶站压价/收奶不要, 奶款拖欠, 羊绒价格, 羊毛滞销, 饲草料, 青贮饲料, 牧区雪灾 ↔ 闹白灾,
 * 牧区人畜饮水 ↔ 闹黑灾, 离网供电 ↔ 小风机坏了, 布病防治, 包虫病防治, 牧区信号盲区 ↔ 上圪梁找信号, 进旗县难 …); broad
 * notions that county leaders search by, each with the concrete notions under it (牧区振兴, 草原生态保护, 抗灾保畜,
 * 畜牧业发展, 奶业振兴, 农牧民增收, 边远地区服务, 民族团结, 防沙治沙, 牧区公共服务 …, and 清洁取暖, which had none);
 * and the belt's words on existing entries (水窖 + 旱井, 巡回医疗 + 流动医疗, 小杂粮 + 莜麦卖不出, 洋芋滞销 +
 * 山药蛋卖不出 …). A database migrated earlier gets the terms it lacks with their narrower notions, and the existing
 * entries that gained variants in this round get them if they still read exactly as shipped before
 * (search/thesaurus-before-v740.tsv) and keep their category; an entry an admin edited keeps the admin's wording, and
 * an entry that has narrower notions keeps them. The rules are V560's and V701's, shared in {@link ThesaurusFile}.
 */
public class V740__grow_search_thesaurus_pastoral extends BaseJavaMigration {

    static final String EARLIER = "/search/thesaurus-before-v740.tsv";

    @Override
    public void migrate(Context context) throws Exception {
        ThesaurusFile.growRound(context, EARLIER);
    }
}
