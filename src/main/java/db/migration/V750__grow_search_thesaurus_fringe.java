package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The domain thesaurus's fifteenth round (thes20, issue 13), written blind for a county seat's urban fringe and its
 * resettlement sites (城关镇 and 城郊 villages turned into 社区, 村改居, 易地扶贫搬迁安置点, 拆迁安置小区), whose residents
 * type cases on phones in plain Mandarin with internet speech (咋回事, 有没有人管管, 离谱, 没下文) and petition wording.
 * Their situations as entries (回迁房交付 ↔ 回迁房迟迟不交房/回迁房还没盖好, 过渡费 ↔ 过渡费停发/过渡费没下文, 房产证办理,
 * 安置房分配, 村改居 and 村改居分红, 居住证办理, 进城落户, 物业服务差, 物业收费, 弃管小区, 电梯困人, 停车位紧张, 楼道堆物,
 * 消防通道堵塞, 楼栋下水道堵, 城区内涝, 燃气接驳费, 夜市扰民, 城管执法投诉, 驿站收费 …); broad notions that county leaders
 * search by, each with the concrete notions under it (新型城镇化, 城乡融合发展, 安置社区治理, 城镇老旧小区改造,
 * 征地农民权益保障, 农民工权益保障, 城市社区治理, 保交楼 …, and 拆迁安置 and 物业管理, which had none); and the fringe's
 * words on existing entries (充电桩 + 私拉电线充电, 安置房不交 + 安置房迟迟不交房, 就业帮扶车间 + 社区工厂, 随迁子女入学 +
 * 积分入学 …). A database migrated earlier gets the terms it lacks with their narrower notions, and the existing entries
 * that gained variants in this round get them if they still read exactly as shipped before
 * (search/thesaurus-before-v750.tsv) and keep their category; an entry an admin edited keeps the admin's wording, and
 * an entry that has narrower notions keeps them. The rules are V560's and V701's, shared in {@link ThesaurusFile}.
 */
public class V750__grow_search_thesaurus_fringe extends BaseJavaMigration {

    static final String EARLIER = "/search/thesaurus-before-v750.tsv";

    @Override
    public void migrate(Context context) throws Exception {
        ThesaurusFile.growRound(context, EARLIER);
    }
}
