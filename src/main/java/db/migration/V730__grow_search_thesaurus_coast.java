package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The domain thesaurus's thirteenth round (thes18, issue 13), written blind for the coastal and hill counties of the
 * 吴语/浙南-闽东 country (浙江、上海郊区、苏南、闽东 style, Mandarin mixed with 阿拉/侬/伊, 勿/呒没, 交关, 老早, 落雨, 工钿, 钞票,
 * 弄堂, 灶披间, 河浜, 吵相骂/打相打). Mainly broad notions that county leaders search by, each with the concrete notions
 * under it: policy and campaign headings (五水共治, 千万工程/和美乡村, 共同富裕, 强村富民, 乡村全面振兴, 未来乡村, 山海协作,
 * 三改一拆, 城乡风貌整治, 散乱污整治, 安全生产专项整治, 电动车安全整治, 基层社会治理, 新居民服务管理, 清廉村居, 效能建设),
 * a coastal county's marine and flood work (防汛防台, 海塘安澜, 海洋渔业, 海上安全生产, 海洋生态保护, 山区林特产业,
 * 茶产业发展) and 12345 report chapters (公共安全, 交通出行, 卫生健康, 农业农村, 人力社保, 城乡建设, 城市管理); and the
 * coast's situations (海塘受损 ↔ 海塘决口/大潮漫进村, 渔民保险, 渔港建设 ↔ 埠头塌了, 紫菜养殖, 蛏子养殖, 春茶冻害, 柑橘冻害,
 * 杨梅销售, 竹笋采挖, 民宿管理, 电镀污染, 印染废水, 家庭作坊 ↔ 三合一场所, 群租房, 出租房屋管理, 加装电梯, 下山移民,
 * 农村文化礼堂, 海岛出行难, 抢险救援) with the counties' words on existing entries (工钱拖欠 + 工钿拿勿到, 胡同 +
 * 弄堂里, 吵架打架 + 吵相骂 …; phrases for entries that sit early under an existing broad notion became entries of
 * their own, such as 河浜发臭 and 电瓶车充电起火). A database migrated earlier gets the terms it lacks with their narrower notions, and
 * the existing entries that gained variants in this round get them if they still read exactly as shipped before
 * (search/thesaurus-before-v730.tsv) and keep their category; an entry an admin edited keeps the admin's wording, and
 * an entry that has narrower notions keeps them. The rules are V560's and V701's, shared in {@link ThesaurusFile}.
 */
public class V730__grow_search_thesaurus_coast extends BaseJavaMigration {

    static final String EARLIER = "/search/thesaurus-before-v730.tsv";

    @Override
    public void migrate(Context context) throws Exception {
        ThesaurusFile.growRound(context, EARLIER);
    }
}
