package cn.minqing.search;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.TestServers;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The domain thesaurus as data (search/thesaurus.tsv): every entry well formed — a known category, a source, no
 * duplicate term, no form that is empty, one character, a stop word or a sentence, no form under two categories — and
 * migrations V560, V590, V640, V670, V680, V690, V701, V710, V720, V730, V740, V750, V760, V770, V780, V790, V800, V810, V820, V830 and V840 each bring a database that the migration before left (with an admin's edits) up to the file:
 * new terms added, entries still worded as shipped before given their new variants, the admin's edits left as the admin
 * wrote them. The databases are scratch ones on the test run's PostgreSQL, migrated by Flyway from the project's own
 * migrations.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThesaurusDataTest {

    /** Words so common in reports that a form made of one would match nearly every search. */
    private static final Set<String> STOP_WORDS = Set.of("问题", "没有", "村里", "我们", "你们", "他们", "这个", "那个",
            "一个", "现在", "什么", "怎么", "还是", "已经", "可以", "不是", "就是", "情况", "群众", "老百姓", "村民", "希望",
            "要求", "请求", "帮忙", "解决", "处理", "政府", "领导", "干部", "时候", "东西", "事情", "反映", "不管", "一直",
            "好久", "没人", "不行", "不好", "不能", "知道", "麻烦", "看看", "一下", "问一下", "家里", "这里", "那里", "大家",
            "影响", "严重", "自己", "因为", "所以", "但是", "如果");
    /** Terms new in V560 that the rewound database lacks. */
    private static final List<String> NEW_TERMS = List.of("滞销", "补贴发放", "医保待遇", "农民工工资保障", "农村人居环境整治");
    /** Terms new in V590 (thes6) that a database V560 left lacks. */
    private static final List<String> NEW_TERMS_V590 = List.of("民生兜底保障", "医疗费用负担", "邻里矛盾调处", "班车难等",
            "工钱拖欠", "适老化服务", "基层减负");
    /** Terms new in V640 (thes7: one entry per need of a category) that a database V590 left lacks. */
    private static final List<String> NEW_TERMS_V640 = List.of("生活噪声扰民", "干活不给钱", "隔壁吵闹纠纷", "找活干",
            "养殖场臭气", "入户盗窃警情", "工单回访");
    /** Terms new in V670 (thes12: the official notions cadres type, with villagers' situations) that a database V640 left lacks. */
    private static final List<String> NEW_TERMS_V670 = List.of("四风问题", "庸懒散", "防灾减灾", "农村金融服务", "就业帮扶",
            "两不愁", "基本医疗保障");
    /** Terms new in V680 (thes13: the northern counties' winter, grain and conduct words) that a database V670 left lacks. */
    private static final List<String> NEW_TERMS_V680 = List.of("集中供暖", "暖气不热", "煤烟中毒", "售粮难", "扣水扣杂",
            "黑土地保护", "办事要吃请");
    /** Terms new in V690 (thes14: the southern coastal counties' typhoon, fishing, fruit and clan words) that a database V680 left lacks. */
    private static final List<String> NEW_TERMS_V690 = List.of("伏季休渔", "渔船燃油补贴", "荔枝滞销", "户口迁出分红",
            "登革热", "回南天", "三旧改造");
    /** Terms new in V710 (thes16: the northwestern loess counties' water, cave-house, dry-farming and conduct words) that a database V701 left lacks. */
    private static final List<String> NEW_TERMS_V710 = List.of("危窑改造", "草原生态补奖", "农膜回收", "苹果销售",
            "异地讨薪", "一满没人管", "旱作节水农业");
    /** Terms new in V720 (thes17: the 湘赣 rice-and-hill counties' rice, water-works, hill and conduct words) that a database V710 left lacks. */
    private static final List<String> NEW_TERMS_V720 = List.of("双抢", "稻渔综合种养", "圩堤", "血吸虫病防治",
            "冇得人管", "作孽户", "稻作生产");
    /** Terms new in V730 (thes18: the 吴语/浙南-闽东 coast's broad notions and its sea-wall, fishing, workshop and rental words) that a database V720 left lacks. */
    private static final List<String> NEW_TERMS_V730 = List.of("五水共治", "防汛防台", "清廉村居", "海塘受损", "渔民保险",
            "家庭作坊", "群租房");
    /** Terms new in V740 (thes19: the northern farming–pastoral belt's broad notions and its grassland, herd, milk and remote-service words) that a database V730 left lacks. */
    private static final List<String> NEW_TERMS_V740 = List.of("草场争议", "牧区振兴", "抗灾保畜", "奶价低", "牲畜死亡",
            "布病防治", "离网供电");
    /** Terms new in V750 (thes20: a county seat's urban fringe and resettlement sites, its broad notions and its resettlement, property and new-townspeople words) that a database V740 left lacks. */
    private static final List<String> NEW_TERMS_V750 = List.of("回迁房交付", "新型城镇化", "城镇老旧小区改造", "过渡费",
            "电梯困人", "村改居", "居住证办理");
    /** Terms new in V760 (thes21: a coal and resource county's broad notions and its subsidence, mining, coal-transport, heating and miners' words) that a database V750 left lacks. */
    private static final List<String> NEW_TERMS_V760 = List.of("采煤沉陷补偿", "资源型地区转型", "采煤沉陷区治理",
            "沉陷区搬迁", "运煤车扬尘", "尘肺病救治", "矿地矛盾调处");
    /** Terms new in V770 (thes22: a reservoir and river county's broad notions and its resettlement, reservoir-bank, ferry, fishing-ban and water-source words) that a database V760 left lacks. */
    private static final List<String> NEW_TERMS_V770 = List.of("移民后扶直补", "库区移民安稳致富", "长江十年禁渔",
            "退捕渔民补偿", "库岸塌岸", "水源地保护", "蓝藻水华");
    /** Terms new in V780 (thes23: a southwest border county's broad notions and its elephant, sugar-cane, border, cross-border marriage, drug and resettlement words) that a database V770 left lacks. */
    private static final List<String> NEW_TERMS_V780 = List.of("野象致害", "兴边富民行动", "边境管控", "甘蔗款拖欠",
            "人象和谐", "跨境婚姻登记", "禁毒防艾");
    /** Terms new in V790 (thes24: a western Shandong Yellow River plain county's broad notions and its 合村并居, 滩区迁建, irrigation, grain, straw, vegetable and chemical-park words) that a database V780 left lacks. */
    private static final List<String> NEW_TERMS_V790 = List.of("上楼后种地远", "合村并居", "滩区迁建", "黄河防汛",
            "粮食收购压价", "化工园区整治", "婚丧陋习整治");
    /** Terms new in V800 (thes25: a Guangxi–Guizhou karst county's broad notions and its rain-water tank, silkworm, hill-road, stone-desert and ethnic-affairs words) that a database V790 left lacks. */
    private static final List<String> NEW_TERMS_V800 = List.of("水柜漏水", "石漠化综合治理", "桑蚕产业",
            "蚕茧收购压价", "人饮安全", "自然村通硬化路", "大石山区诉求");
    /** Terms new in V810 (thes26: a Hainan island coastal county's broad notions and its rubber, winter-vegetable, salt-water, state-farm, hotel, fishing and 黎族 village words) that a database V800 left lacks. */
    private static final List<String> NEW_TERMS_V810 = List.of("胶水收购压价", "天然橡胶产业", "海洋渔业转型",
            "咸水入侵", "场村土地纠纷", "候鸟老人服务管理", "滨海渔村诉求");
    /** Terms new in V820 (thes27: an oasis county of the arid northwest's broad notions and its irrigation-quota, machine-well, drip, cotton, seed-maize, fruit, sand, salt and 兵团 neighbour words) that a database V810 left lacks. */
    private static final List<String> NEW_TERMS_V820 = List.of("轮灌排不上", "机井关停", "高效节水灌溉",
            "棉花产业", "兵地土地纠纷", "戈壁设施农业", "绿洲农村诉求");
    /** Terms new in V830 (thes28: a hill county of the Sichuan basin's east, its broad notions and its lemon, 青菜头, pig, landslide, 土坯房, 场镇, 坝坝宴 and 撂荒 words) that a database V820 left lacks. */
    private static final List<String> NEW_TERMS_V830 = List.of("柠檬销售", "青菜头收购", "屋后山坡开裂",
            "地质灾害防治", "生猪稳产保供", "高山生态搬迁", "川渝丘陵农村诉求");
    /** Terms new in V840 (thes29: the headings leaders work by, the 七有 family and the four revitalisations, and needs they lacked) that a database V830 left lacks. */
    private static final List<String> NEW_TERMS_V840 = List.of("幼有所育", "弱有所扶", "人才振兴",
            "组织振兴", "碧水保卫战", "乡村建设行动", "法律援助");
    /** Terms new in V850 (thes30: plain everyday words for the commonest needs, for no region) that a database V840 left lacks. */
    private static final List<String> NEW_TERMS_V850 = List.of("拧开龙头没水", "路坏了没人修", "补贴迟迟不发",
            "工资几个月没发");
    /** Terms new in V860 (thes31: a lake-and-plain county, its levees, crayfish, lotus and 血防 words and its broad notions) that a database V850 left lacks. */
    private static final List<String> NEW_TERMS_V860 = List.of("管涌险情", "小龙虾价格低", "晚期血吸虫病救治",
            "湖区防汛", "湖区农村诉求");
    /** Terms new in V870 (thes32: a tea-and-bamboo mountain county, its tea, bamboo, old houses and streams and its broad notions) that a database V860 left lacks. */
    private static final List<String> NEW_TERMS_V870 = List.of("春茶价格低", "毛竹价格低", "古民居拆建受限",
            "竹产业发展", "皖南山区农村诉求");

    /** Terms new in V785 (the 21st session's seen mend) that a database V780 left lacks. */
    private static final List<String> NEW_TERMS_V785 = List.of("办事要送烟");

    /**
     * The rounds since V710, which bring narrower notions too: each is migrated from a database the round before left,
     * with an admin's edits made in between, and names one of its new broad notions.
     */
    private record NarrowerRound(String version, String previous, List<String> newTerms, AdminEdits edits,
                                 String newBroad) {

        @Override
        public String toString() {
            return "V" + version;
        }
    }

    private static final List<NarrowerRound> NARROWER_ROUNDS = List.of(
            new NarrowerRound("710", "701", NEW_TERMS_V710,
                    new AdminEdits("窑洞", "窑洞透风", "梯田", "water", "老涝池", "涝池干了,涝池臭了", "水窖,苦咸水", "水窖"), "旱作节水农业"),
            new NarrowerRound("720", "710", NEW_TERMS_V720,
                    new AdminEdits("渡口", "渡口冇灯", "生猪价格", "irrigation", "老堰塘", "堰塘漏了,堰塘干了", "山塘水库,病险水库", "外出务工"), "稻作生产"),
            new NarrowerRound("730", "720", NEW_TERMS_V730,
                    new AdminEdits("胡同", "弄堂灯勿亮", "赤潮", "road", "老埠头", "埠头石板松了,埠头没栏杆", "渡口,危桥", "农民工"), "五水共治"),
            new NarrowerRound("740", "730", NEW_TERMS_V740,
                    new AdminEdits("巡回医疗", "医生一年来一回", "洋芋滞销", "farm-sales", "老羊圈", "羊圈塌了,羊圈漏风", "标准化圈舍,水窖", "肉牛肉羊养殖"), "牧区振兴"),
            new NarrowerRound("750", "740", NEW_TERMS_V750,
                    new AdminEdits("充电桩", "车棚里没插座", "异地就医", "housing", "老车棚", "车棚漏雨,车棚塌了", "充电桩,路灯", "拖欠农民工工资"), "新型城镇化"),
            new NarrowerRound("760", "750", NEW_TERMS_V760,
                    new AdminEdits("窑洞", "窑洞让矿上震裂", "重载车辆", "sanitation", "老煤场", "煤场扬灰,煤场自燃", "煤尘污染,道路扬尘", "工伤认定"), "资源型地区转型"),
            new NarrowerRound("770", "760", NEW_TERMS_V770,
                    new AdminEdits("柑橘滞销", "橘子贩子压价", "非法捕捞", "road", "老码头", "码头石阶松了,码头没灯", "渡口,危桥", "溺水"), "库区移民安稳致富"),
            new NarrowerRound("780", "770", NEW_TERMS_V780,
                    new AdminEdits("橡胶价格低", "胶价跌得老火", "禁毒", "housing", "老寨门", "寨门垮了,寨门没灯", "木楼防火,危房改造", "红白喜事"), "兴边富民行动"),
            // the 21st session's seen mend: no new broad notion, but 干部作风 and 噪声污染 gain narrower notions
            new NarrowerRound("785", "780", NEW_TERMS_V785,
                    new AdminEdits("干部态度生硬", "打官腔", "高龄补贴", "elderly", "老村部", "村部漏雨,村部没人", "村务公开", "办事拖拉"), "干部作风"),
            new NarrowerRound("790", "785", NEW_TERMS_V790,
                    new AdminEdits("玉米价格低", "棒子贱卖", "扣水扣杂", "irrigation", "老浮桥", "浮桥板松了,浮桥没栏杆", "黄河浮桥,危桥", "设施农用地"), "合村并居"),
            new NarrowerRound("800", "790", NEW_TERMS_V800,
                    new AdminEdits("沼气池", "沼气池堵了", "甘蔗砍运", "water", "老水柜", "老水柜裂了,老水柜没盖", "水柜漏水,蓄水池", "农村改厕"), "石漠化综合治理"),
            new NarrowerRound("810", "800", NEW_TERMS_V810,
                    new AdminEdits("渡槽", "渡槽渗水", "台风停电", "farm-sales", "老胶园", "老胶园荒了,老胶树无出胶", "胶园弃割,橡胶价格低", "海水养殖"), "天然橡胶产业"),
            // also renarrows 地下水保护, 防沙治沙 and 边远地区服务 (their notions as before: thesaurus-narrower-before-v820.tsv)
            new NarrowerRound("820", "810", NEW_TERMS_V820,
                    new AdminEdits("枸杞种植", "枸杞晒干没人收", "沙尘天气", "irrigation", "老涝坝", "涝坝干了,涝坝漏了", "斗渠毛渠失修,机井关停", "渠道硬化"), "棉花产业"),
            // also renarrows 柑橘产业 and 农村留守人员关爱 (their notions as before: thesaurus-narrower-before-v830.tsv)
            new NarrowerRound("830", "820", NEW_TERMS_V830,
                    new AdminEdits("山坪塘", "堰塘垮了", "提灌站", "land", "老晒坝", "晒坝裂了,晒坝积水", "坡地撂荒,撂荒地复耕", "沼气池"), "生猪稳产保供"),
            // existing entries given notions only had none, so no earlier narrower file
            new NarrowerRound("840", "830", NEW_TERMS_V840,
                    new AdminEdits("粮食安全", "种粮亏本", "一卡通", "other", "老戏台", "戏台漏雨,戏台塌了", "文体设施,农村文化礼堂", "田长制"), "人才振兴"),
            // plain words on existing entries and new needs, no broad notion: an earlier one's notions stay as they were
            new NarrowerRound("850", "840", NEW_TERMS_V850,
                    new AdminEdits("道路积水", "路上成河了", "收购价格", "irrigation", "老水闸", "水闸漏水,水闸锈死", "水闸,沟渠清淤", "讨薪难"), "人才振兴"),
            // also renarrows 长江十年禁渔 (its notions as before: thesaurus-narrower-before-v860.tsv)
            new NarrowerRound("860", "850", NEW_TERMS_V860,
                    new AdminEdits("圩堤", "堤坡滑了", "渡船停航", "water", "老涵闸", "涵闸漏水,涵闸关不严", "机埠泵站,圩堤", "油料作物"), "湖区防汛"),
            // also renarrows five headings (their notions as before: thesaurus-narrower-before-v870.tsv)
            new NarrowerRound("870", "860", NEW_TERMS_V870,
                    new AdminEdits("野猪毁庄稼", "野猪拱茶园", "竹笋采挖", "land", "老茶园", "茶园荒了,茶园冇人管", "茶园管护,竹林经营", "食用菌"), "竹产业发展"));

    /** A line of the file as written: the variants (and narrower notions) split at the commas only, nothing trimmed or dropped. */
    record Row(int line, String term, List<String> variants, String category, String source, List<String> narrower) {

        List<String> forms() {
            List<String> forms = new ArrayList<>(List.of(term));
            forms.addAll(variants);
            return forms;
        }
    }

    private final String database = "thesaurus_v560_" + ProcessHandle.current().pid();
    private final String database590 = "thesaurus_v590_" + ProcessHandle.current().pid();
    private final String database640 = "thesaurus_v640_" + ProcessHandle.current().pid();
    private final String database670 = "thesaurus_v670_" + ProcessHandle.current().pid();
    private final String database680 = "thesaurus_v680_" + ProcessHandle.current().pid();
    private final String database690 = "thesaurus_v690_" + ProcessHandle.current().pid();
    private String url;
    private String url590;
    private String url640;
    private String url670;
    private String url680;
    private String url690;
    /** Each round since V710: its database, and the entries it rewords as worded before it. */
    private final Map<String, String> roundUrls = new HashMap<>();
    private final Map<String, Map<String, String>> roundsBefore = new HashMap<>();
    private String user;
    private String password;
    private List<Row> file;
    private Map<String, String> before;
    private Map<String, String> before590;
    private Map<String, String> before640;
    private Map<String, String> before670;
    private Map<String, String> before680;
    private Map<String, String> before690;

    @BeforeAll
    void migrateADatabaseThatV380Left() throws Exception {
        TestServers.start();
        String server = System.getProperty("spring.datasource.url");
        user = System.getProperty("spring.datasource.username");
        password = System.getProperty("spring.datasource.password");
        try (Connection c = DriverManager.getConnection(server, user, password)) {
            c.createStatement().execute("create database " + database);
            c.createStatement().execute("create database " + database590);
            c.createStatement().execute("create database " + database640);
            c.createStatement().execute("create database " + database670);
            c.createStatement().execute("create database " + database680);
            c.createStatement().execute("create database " + database690);
            for (NarrowerRound r : NARROWER_ROUNDS) {
                c.createStatement().execute("create database " + roundDatabase(r));
            }
        }
        url = server.replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
        url590 = server.replaceFirst("/[^/?]+(\\?|$)", "/" + database590 + "$1");
        url640 = server.replaceFirst("/[^/?]+(\\?|$)", "/" + database640 + "$1");
        url670 = server.replaceFirst("/[^/?]+(\\?|$)", "/" + database670 + "$1");
        url680 = server.replaceFirst("/[^/?]+(\\?|$)", "/" + database680 + "$1");
        url690 = server.replaceFirst("/[^/?]+(\\?|$)", "/" + database690 + "$1");
        for (NarrowerRound r : NARROWER_ROUNDS) {
            roundUrls.put(r.version(), server.replaceFirst("/[^/?]+(\\?|$)", "/" + roundDatabase(r) + "$1"));
        }
        file = rows("/search/thesaurus.tsv");
        before = earlierWording("/search/thesaurus-before-v560.tsv");
        before590 = earlierWording("/search/thesaurus-before-v590.tsv");
        before640 = earlierWording("/search/thesaurus-before-v640.tsv");
        before670 = earlierWording("/search/thesaurus-before-v670.tsv");
        before680 = earlierWording("/search/thesaurus-before-v680.tsv");
        before690 = earlierWording("/search/thesaurus-before-v690.tsv");
        for (NarrowerRound r : NARROWER_ROUNDS) {
            roundsBefore.put(r.version(), earlierWording("/search/thesaurus-before-v" + r.version() + ".tsv"));
        }

        flyway(url, "380").migrate();
        try (Connection c = connect(url)) {
            // as V380 left it: the changed entries worded as before, this round's new terms absent
            for (Map.Entry<String, String> e : before.entrySet()) {
                update(c, "update search_thesaurus set variants = ? where term = ?", e.getValue(), e.getKey());
            }
            for (String term : NEW_TERMS) {
                update(c, "delete from search_thesaurus where term = ?", term);
            }
            // and an admin's edits: a word added, a category changed, an entry of the admin's own, a term deleted
            update(c, "update search_thesaurus set variants = ? where term = ?", before.get("不作为") + ",拖了半年", "不作为");
            update(c, "update search_thesaurus set category = 'other' where term = ?", "邻里纠纷");
            update(c, "insert into search_thesaurus (term, variants, category, source) values (?, ?, 'security', '管理员')",
                    "大黄狗", "狗咬人,恶狗");
            update(c, "delete from search_thesaurus where term = ?", "殡葬");
        }
        flyway(url, null).migrate();
        migrateADatabaseTheRoundBeforeLeft(url590, "560", before590, NEW_TERMS_V590,
                new AdminEdits("便民服务", "帮我代办", "农村客运", "water", "老水塔", "水塔漏了,水塔脏", null, "水井"));
        migrateADatabaseTheRoundBeforeLeft(url640, "590", before640, NEW_TERMS_V640,
                new AdminEdits("噪音扰民", "打铁声", "治安", "road", "老石桥", "石桥松了,石桥裂了", null, "宽带"));
        migrateADatabaseTheRoundBeforeLeft(url670, "640", before670, NEW_TERMS_V670,
                new AdminEdits("干部作风", "打官腔", "防汛", "housing", "老祠堂", "祠堂漏雨,祠堂要倒", null, "自来水"));
        migrateADatabaseTheRoundBeforeLeft(url680, "670", before680, NEW_TERMS_V680,
                new AdminEdits("火炕", "炕沿裂了", "苞谷", "water", "老压水井", "压水井冻了,压不上水", null, "停水"));
        migrateADatabaseTheRoundBeforeLeft(url690, "680", before690, NEW_TERMS_V690,
                new AdminEdits("台风灾害", "台风吹倒棚", "茶叶", "farm-sales", "老蚝排", "蚝排烂了,蚝排冲走", null, "水产养殖"));
        for (NarrowerRound r : NARROWER_ROUNDS) {
            migrateADatabaseTheRoundBeforeLeft(roundUrls.get(r.version()), r.previous(), roundsBefore.get(r.version()),
                    r.newTerms(), r.edits(), narrowerBefore(r.version()));
        }
    }

    /**
     * An admin's edits on a database a round left: a word added to an entry ({@code worded} + {@code addedWord}), an
     * entry moved to other, an entry of the admin's own in {@code ownCategory} (with narrower notions from V701 on, when
     * the column exists; {@code ownNarrower} null before), a term deleted.
     */
    private record AdminEdits(String worded, String addedWord, String moved, String ownCategory, String ownTerm,
                              String ownVariants, String ownNarrower, String deleted) {
    }

    /**
     * Migrates database {@code url} to {@code version}, makes it as that version left it for the next round (the
     * entries the round rewords worded as before, its new terms absent), makes an admin's edits, then migrates it to
     * the file.
     */
    private void migrateADatabaseTheRoundBeforeLeft(String url, String version, Map<String, String> before,
                                                    List<String> newTerms, AdminEdits edits) throws SQLException {
        migrateADatabaseTheRoundBeforeLeft(url, version, before, newTerms, edits, Map.of());
    }

    /** As above, the entries whose narrower notions the round changes ({@code narrowerBefore}) with those as before. */
    private void migrateADatabaseTheRoundBeforeLeft(String url, String version, Map<String, String> before,
                                                    List<String> newTerms, AdminEdits edits,
                                                    Map<String, String> narrowerBefore) throws SQLException {
        flyway(url, version).migrate();
        try (Connection c = connect(url)) {
            for (Map.Entry<String, String> e : before.entrySet()) {
                update(c, "update search_thesaurus set variants = ? where term = ?", e.getValue(), e.getKey());
            }
            for (Map.Entry<String, String> e : narrowerBefore.entrySet()) {
                update(c, "update search_thesaurus set narrower = ? where term = ?", e.getValue(), e.getKey());
            }
            for (String term : newTerms) {
                update(c, "delete from search_thesaurus where term = ?", term);
            }
            update(c, "update search_thesaurus set variants = ? where term = ?", before.get(edits.worded()) + ","
                    + edits.addedWord(), edits.worded());
            update(c, "update search_thesaurus set category = 'other' where term = ?", edits.moved());
            if (edits.ownNarrower() == null) {
                update(c, "insert into search_thesaurus (term, variants, category, source) values (?, ?, ?, '管理员')",
                        edits.ownTerm(), edits.ownVariants(), edits.ownCategory());
            } else {
                update(c, "insert into search_thesaurus (term, variants, category, source, narrower) values (?, ?, ?, '管理员', ?)",
                        edits.ownTerm(), edits.ownVariants(), edits.ownCategory(), edits.ownNarrower());
            }
            update(c, "delete from search_thesaurus where term = ?", edits.deleted());
            if (Integer.parseInt(version) >= 701) {
                // two cases (a round since V710 queues those holding a phrase it brings): one titled by the round's
                // first new term, one holding no thesaurus phrase at all; nothing queued before the round runs
                update(c, "insert into region (code, name, level) values ('TV1', '测试村', 'village')");
                update(c, "insert into app_user (username, password_hash, display_name, roles) values ('tv1', 'x', '测试', '{villager}')");
                for (String[] row : List.of(new String[] {"T-NEW", onlyIn(newTerms, before) + "的事"}, new String[] {"T-OLD", "测试编号甲"})) {
                    update(c, "insert into case_record (number, title, description, category_code, village_code, reporter, status) "
                            + "values (?, ?, '测试编号乙', 'other', 'TV1', 'tv1', 'received')", row[0], row[1]);
                }
                update(c, "delete from search_outbox");
            }
        }
        flyway(url, null).migrate();
    }

    @AfterAll
    void dropTheDatabases() throws SQLException {
        if (url != null) {
            try (Connection c = DriverManager.getConnection(url.replace("/" + database, "/postgres"), user, password)) {
                c.createStatement().execute("drop database if exists " + database + " with (force)");
                c.createStatement().execute("drop database if exists " + database590 + " with (force)");
                c.createStatement().execute("drop database if exists " + database640 + " with (force)");
                c.createStatement().execute("drop database if exists " + database670 + " with (force)");
                c.createStatement().execute("drop database if exists " + database680 + " with (force)");
                c.createStatement().execute("drop database if exists " + database690 + " with (force)");
                for (NarrowerRound r : NARROWER_ROUNDS) {
                    c.createStatement().execute("drop database if exists " + roundDatabase(r) + " with (force)");
                }
            }
        }
    }

    @Test
    void v560AddsNewTermsAndRewordsOnlyTheEntriesNoAdminEdited() throws SQLException {
        Map<String, Row> shipped = new HashMap<>();
        file.forEach(r -> shipped.put(r.term(), r));
        Map<String, String[]> db = thesaurusIn(url);
        for (String term : NEW_TERMS) {
            assertThat(db.get(term)).as(term).containsExactly(String.join(",", shipped.get(term).variants()),
                    shipped.get(term).category(), shipped.get(term).source());
        }
        for (String term : before.keySet()) {
            if (!List.of("不作为", "邻里纠纷").contains(term)) {
                assertThat(Thesaurus.split(db.get(term)[0])).as(term).isEqualTo(shipped.get(term).variants());
            }
        }
        assertThat(db.get("不作为")[0]).isEqualTo(before.get("不作为") + ",拖了半年");
        assertThat(db.get("邻里纠纷")).containsExactly(before.get("邻里纠纷"), "other", shipped.get("邻里纠纷").source());
        assertThat(db.get("大黄狗")).containsExactly("狗咬人,恶狗", "security", "管理员");
        // a term an admin deleted comes back once (as with V380), with the file's wording
        assertThat(Thesaurus.split(db.get("殡葬")[0])).isEqualTo(shipped.get("殡葬").variants());
        assertThat(db).hasSize(file.size() + 1);
    }

    @Test
    void v590AddsNewTermsAndRewordsOnlyTheEntriesNoAdminEdited() throws SQLException {
        Map<String, Row> shipped = new HashMap<>();
        file.forEach(r -> shipped.put(r.term(), r));
        Map<String, String[]> db = thesaurusIn(url590);
        for (String term : NEW_TERMS_V590) {
            assertThat(db.get(term)).as(term).containsExactly(String.join(",", shipped.get(term).variants()),
                    shipped.get(term).category(), shipped.get(term).source());
        }
        for (String term : before590.keySet()) {
            if (!List.of("便民服务", "农村客运").contains(term)) {
                assertThat(Thesaurus.split(db.get(term)[0])).as(term).isEqualTo(shipped.get(term).variants());
            }
        }
        assertThat(db.get("便民服务")[0]).isEqualTo(before590.get("便民服务") + ",帮我代办");
        assertThat(db.get("农村客运")).containsExactly(before590.get("农村客运"), "other", shipped.get("农村客运").source());
        assertThat(db.get("老水塔")).containsExactly("水塔漏了,水塔脏", "water", "管理员");
        assertThat(Thesaurus.split(db.get("水井")[0])).isEqualTo(shipped.get("水井").variants());
        assertThat(db).hasSize(file.size() + 1);
    }

    @Test
    void v640AddsNewTermsAndRewordsOnlyTheEntriesNoAdminEdited() throws SQLException {
        Map<String, Row> shipped = new HashMap<>();
        file.forEach(r -> shipped.put(r.term(), r));
        Map<String, String[]> db = thesaurusIn(url640);
        for (String term : NEW_TERMS_V640) {
            assertThat(db.get(term)).as(term).containsExactly(String.join(",", shipped.get(term).variants()),
                    shipped.get(term).category(), shipped.get(term).source());
        }
        for (String term : before640.keySet()) {
            if (!List.of("噪音扰民", "治安").contains(term)) {
                assertThat(Thesaurus.split(db.get(term)[0])).as(term).isEqualTo(shipped.get(term).variants());
            }
        }
        assertThat(db.get("噪音扰民")[0]).isEqualTo(before640.get("噪音扰民") + ",打铁声");
        assertThat(db.get("治安")).containsExactly(before640.get("治安"), "other", shipped.get("治安").source());
        assertThat(db.get("老石桥")).containsExactly("石桥松了,石桥裂了", "road", "管理员");
        assertThat(Thesaurus.split(db.get("宽带")[0])).isEqualTo(shipped.get("宽带").variants());
        assertThat(db).hasSize(file.size() + 1);
    }

    @Test
    void v670AddsNewTermsAndRewordsOnlyTheEntriesNoAdminEdited() throws SQLException {
        Map<String, Row> shipped = new HashMap<>();
        file.forEach(r -> shipped.put(r.term(), r));
        Map<String, String[]> db = thesaurusIn(url670);
        for (String term : NEW_TERMS_V670) {
            assertThat(db.get(term)).as(term).containsExactly(String.join(",", shipped.get(term).variants()),
                    shipped.get(term).category(), shipped.get(term).source());
        }
        for (String term : before670.keySet()) {
            if (!List.of("干部作风", "防汛").contains(term)) {
                assertThat(Thesaurus.split(db.get(term)[0])).as(term).isEqualTo(shipped.get(term).variants());
            }
        }
        assertThat(db.get("干部作风")[0]).isEqualTo(before670.get("干部作风") + ",打官腔");
        assertThat(db.get("防汛")).containsExactly(before670.get("防汛"), "other", shipped.get("防汛").source());
        assertThat(db.get("老祠堂")).containsExactly("祠堂漏雨,祠堂要倒", "housing", "管理员");
        assertThat(Thesaurus.split(db.get("自来水")[0])).isEqualTo(shipped.get("自来水").variants());
        assertThat(db).hasSize(file.size() + 1);
    }

    @Test
    void v680AddsNewTermsAndRewordsOnlyTheEntriesNoAdminEdited() throws SQLException {
        Map<String, Row> shipped = new HashMap<>();
        file.forEach(r -> shipped.put(r.term(), r));
        Map<String, String[]> db = thesaurusIn(url680);
        for (String term : NEW_TERMS_V680) {
            assertThat(db.get(term)).as(term).containsExactly(String.join(",", shipped.get(term).variants()),
                    shipped.get(term).category(), shipped.get(term).source());
        }
        for (String term : before680.keySet()) {
            if (!List.of("火炕", "苞谷").contains(term)) {
                assertThat(Thesaurus.split(db.get(term)[0])).as(term).isEqualTo(shipped.get(term).variants());
            }
        }
        assertThat(db.get("火炕")[0]).isEqualTo(before680.get("火炕") + ",炕沿裂了");
        assertThat(db.get("苞谷")).containsExactly(before680.get("苞谷"), "other", shipped.get("苞谷").source());
        assertThat(db.get("老压水井")).containsExactly("压水井冻了,压不上水", "water", "管理员");
        assertThat(Thesaurus.split(db.get("停水")[0])).isEqualTo(shipped.get("停水").variants());
        assertThat(db).hasSize(file.size() + 1);
    }

    @Test
    void v690AddsNewTermsAndRewordsOnlyTheEntriesNoAdminEdited() throws SQLException {
        assertRoundLanded(url690, NEW_TERMS_V690, before690, "台风灾害", "台风吹倒棚", "茶叶",
                "老蚝排", List.of("蚝排烂了,蚝排冲走", "farm-sales", "管理员"), "水产养殖");
    }

    /** The narrower notions a round changed, as shipped before it (V785 on; none before). */
    private static Map<String, String> narrowerBefore(String version) throws IOException {
        String resource = "/search/thesaurus-narrower-before-v" + version + ".tsv";
        return ThesaurusDataTest.class.getResource(resource) == null ? Map.of() : earlierWording(resource);
    }

    /**
     * V785 gives an entry the file's narrower notions only where they read as shipped before: the notions an admin
     * wrote for 噪声污染 on a database V780 left stay, 干部作风 (not edited) gets the file's.
     */
    @Test
    void v785KeepsTheNarrowerNotionsAnAdminWrote() throws SQLException, IOException {
        onScratchDatabase("thesaurus_v785_admin", url785 -> {
            flyway(url785, "780").migrate();
            try (Connection c = connect(url785)) {
                for (Map.Entry<String, String> e : narrowerBefore("785").entrySet()) {
                    update(c, "update search_thesaurus set narrower = ? where term = ?", e.getValue(), e.getKey());
                }
                update(c, "update search_thesaurus set narrower = ? where term = ?", "夜间噪声,广场舞扰民", "噪声污染");
            }
            flyway(url785, null).migrate();
            Map<String, String> narrower = narrowerIn(url785);
            assertThat(narrower.get("噪声污染")).isEqualTo("夜间噪声,广场舞扰民");
            assertThat(narrower.get("干部作风")).isEqualTo(String.join(",", file.stream()
                    .filter(r -> r.term().equals("干部作风")).findFirst().orElseThrow().narrower()))
                    .contains("办事要送烟");
        });
    }

    /** Work on a database of its own, created for it and dropped after. */
    private interface DatabaseWork {
        void on(String url) throws SQLException, IOException;
    }

    private void onScratchDatabase(String prefix, DatabaseWork work) throws SQLException, IOException {
        String name = prefix + "_" + ProcessHandle.current().pid();
        String server = System.getProperty("spring.datasource.url");
        try (Connection c = DriverManager.getConnection(server, user, password)) {
            c.createStatement().execute("create database " + name);
        }
        try {
            work.on(server.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1"));
        } finally {
            try (Connection c = DriverManager.getConnection(server, user, password)) {
                c.createStatement().execute("drop database if exists " + name + " with (force)");
            }
        }
    }

    /** Each entry's narrower notions as the database holds them. */
    private Map<String, String> narrowerIn(String url) throws SQLException {
        Map<String, String> narrower = new HashMap<>();
        try (Connection c = connect(url); ResultSet rs = c.createStatement()
                .executeQuery("select term, narrower from search_thesaurus")) {
            while (rs.next()) {
                narrower.put(rs.getString(1), rs.getString(2));
            }
        }
        return narrower;
    }

    private static String roundDatabase(NarrowerRound r) {
        return "thesaurus_v" + r.version() + "_" + ProcessHandle.current().pid();
    }

    private List<NarrowerRound> narrowerRounds() {
        return NARROWER_ROUNDS;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("narrowerRounds")
    void eachRoundSinceV710AddsNewTermsWithTheirNarrowerNotionsAndRewordsOnlyTheEntriesNoAdminEdited(NarrowerRound r)
            throws SQLException {
        String dbUrl = roundUrls.get(r.version());
        AdminEdits e = r.edits();
        assertRoundLanded(dbUrl, r.newTerms(), roundsBefore.get(r.version()), e.worded(), e.addedWord(), e.moved(),
                e.ownTerm(), List.of(e.ownVariants(), e.ownCategory(), "管理员"), e.deleted());
        assertNarrowerLanded(dbUrl, r.newBroad(), e.ownTerm(), e.ownNarrower());
    }

    /**
     * A variant of one of a round's new terms that no other entry of the file has (as a form or a notion) and no earlier
     * wording held: a phrase the round brings to a database whatever else it held.
     */
    private String onlyIn(List<String> newTerms, Map<String, String> earlier) {
        for (String term : newTerms) {
            for (Row r : file) {
                if (!r.term().equals(term)) {
                    continue;
                }
                for (String v : r.variants()) {
                    boolean elsewhere = file.stream().anyMatch(o -> !o.term().equals(term)
                            && (o.forms().contains(v) || o.narrower().contains(v)))
                            || earlier.values().stream().anyMatch(w -> w.contains(v));
                    if (v.length() >= 2 && !elsewhere) {
                        return v;
                    }
                }
            }
        }
        throw new IllegalStateException("no variant of " + newTerms + " is the round's alone");
    }

    @Test
    void eachRoundSinceV710QueuesTheCasesHoldingAPhraseItBroughtForIndexing() throws SQLException {
        for (String dbUrl : NARROWER_ROUNDS.stream().map(r -> roundUrls.get(r.version())).toList()) {
            try (Connection c = connect(dbUrl); var s = c.createStatement();
                 ResultSet rs = s.executeQuery("select case_number from search_outbox order by 1")) {
                List<String> queued = new ArrayList<>();
                while (rs.next()) {
                    queued.add(rs.getString(1));
                }
                assertThat(queued).as(dbUrl).containsExactly("T-NEW");
            }
        }
    }

    /**
     * What a thesaurus round's migration leaves on a database the round before left with an admin's edits: its new
     * terms as shipped; the entries it rewords in the file's wording, except the one the admin gave a variant
     * ({@code extended}, kept with it) and the one the admin moved to {@code other} ({@code recategorised}, kept as
     * the admin left it); the admin's own entry; an entry the admin deleted back as shipped; nothing else added.
     */
    private void assertRoundLanded(String dbUrl, List<String> newTerms, Map<String, String> before, String extended,
                                   String extraVariant, String recategorised, String adminTerm, List<String> adminRow,
                                   String deleted) throws SQLException {
        Map<String, Row> shipped = new HashMap<>();
        file.forEach(r -> shipped.put(r.term(), r));
        Map<String, String[]> db = thesaurusIn(dbUrl);
        for (String term : newTerms) {
            assertThat(db.get(term)).as(term).containsExactly(String.join(",", shipped.get(term).variants()),
                    shipped.get(term).category(), shipped.get(term).source());
        }
        for (String term : before.keySet()) {
            if (!List.of(extended, recategorised).contains(term)) {
                assertThat(Thesaurus.split(db.get(term)[0])).as(term).isEqualTo(shipped.get(term).variants());
            }
        }
        assertThat(db.get(extended)[0]).isEqualTo(before.get(extended) + "," + extraVariant);
        assertThat(db.get(recategorised)).containsExactly(before.get(recategorised), "other",
                shipped.get(recategorised).source());
        assertThat(db.get(adminTerm)).containsExactly(adminRow.toArray(String[]::new));
        assertThat(Thesaurus.split(db.get(deleted)[0])).isEqualTo(shipped.get(deleted).variants());
        assertThat(db).hasSize(file.size() + 1);
    }

    /** The round's new broad notions come with the concrete ones under them; every other entry keeps the file's, the admin's entry its own. */
    private void assertNarrowerLanded(String dbUrl, String newBroad, String adminTerm, String adminNarrower) throws SQLException {
        Map<String, String> narrower = narrowerIn(dbUrl);
        assertThat(file.stream().filter(r -> r.term().equals(newBroad)).findFirst().orElseThrow().narrower()).isNotEmpty();
        for (Row r : file) {
            assertThat(narrower.get(r.term())).as(r.term()).isEqualTo(String.join(",", r.narrower()));
        }
        assertThat(narrower.get(adminTerm)).isEqualTo(adminNarrower);
    }

    @Test
    void everyEntryIsWellFormed() throws SQLException, IOException {
        Set<String> categories = new HashSet<>();
        try (Connection c = connect(url); ResultSet rs = c.createStatement().executeQuery("select code from category")) {
            while (rs.next()) {
                categories.add(rs.getString(1));
            }
        }
        assertThat(lines("/search/thesaurus.tsv").get(0)).isEqualTo("term\tvariants\tcategory\tsource\tnarrower");
        List<String> problems = new ArrayList<>();
        Set<String> terms = new HashSet<>();
        Map<String, Integer> perCategory = new HashMap<>();
        for (Row r : file) {
            String at = "line " + r.line() + " (" + r.term() + "): ";
            if (!terms.add(r.term())) {
                problems.add(at + "term listed twice");
            }
            if (!categories.contains(r.category())) {
                problems.add(at + "unknown category '" + r.category() + "'");
            }
            if (r.source().isBlank()) {
                problems.add(at + "no source");
            }
            if (r.variants().isEmpty()) {
                problems.add(at + "no variants");
            }
            // (a variant that repeats the term is harmless: the thesaurus reads the term once)
            if (new HashSet<>(r.variants()).size() != r.variants().size()) {
                problems.add(at + "a variant listed twice");
            }
            for (String form : r.forms()) {
                if (form.length() < Thesaurus.MIN_FORM_LENGTH || form.length() > 8 || !form.strip().equals(form)
                        || form.chars().anyMatch(ch -> Character.isWhitespace(ch) || ch == '，' || ch == '、')) {
                    problems.add(at + "form '" + form + "' is not 2 to 8 characters of text");
                }
                if (STOP_WORDS.contains(form)) {
                    problems.add(at + "form '" + form + "' is a stop word");
                }
            }
            perCategory.merge(r.category(), 1, Integer::sum);
        }
        assertThat(problems).isEmpty();
        assertThat(perCategory.keySet()).as("every category has entries").containsExactlyInAnyOrderElementsOf(categories);
        assertThat(file).hasSizeGreaterThanOrEqualTo(1850);
    }

    /**
     * Broad notions (V701): each narrower notion two to 64 characters of text, at most 40 per entry (what the admin API
     * takes), never the entry's own term, and no two entries each under the other; most are terms of the file.
     */
    @Test
    void theNarrowerNotionsAreWellFormed() {
        Map<String, Row> byTerm = new HashMap<>();
        file.forEach(r -> byTerm.put(r.term(), r));
        List<String> problems = new ArrayList<>();
        int items = 0;
        int terms = 0;
        for (Row r : file) {
            if (r.narrower().size() > Thesaurus.MAX_NARROWER_PER_ENTRY) {
                problems.add(r.term() + ": more than " + Thesaurus.MAX_NARROWER_PER_ENTRY + " narrower notions");
            }
            for (String n : r.narrower()) {
                items++;
                if (n.length() < 2 || n.length() > 64 || !n.strip().equals(n) || n.equals(r.term())) {
                    problems.add(r.term() + ": narrower '" + n + "'");
                }
                if (byTerm.containsKey(n)) {
                    terms++;
                    if (byTerm.get(n).narrower().contains(r.term())) {
                        problems.add(r.term() + " and " + n + " are each under the other");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(file.stream().filter(r -> !r.narrower().isEmpty()).count()).isGreaterThanOrEqualTo(100);
        assertThat(terms).as("narrower notions that are terms").isGreaterThan(items * 9 / 10);
    }

    /**
     * V701 on a database V700 left (the column there, empty) with an admin's narrower notions on one entry and a
     * new term missing: the admin's notions stay, the term comes with its notions, every other entry gets the file's.
     */
    @Test
    void v701GivesTheFilesNarrowerNotionsAndKeepsAnAdminsOwn() throws SQLException, IOException {
        onScratchDatabase("thesaurus_v701", url701 -> {
            flyway(url701, "700").migrate();
            try (Connection c = connect(url701)) {
                update(c, "update search_thesaurus set narrower = ? where term = ?", "山洪暴发,房子进水", "防灾减灾");
                update(c, "delete from search_thesaurus where term = ?", "急难愁盼");
            }
            flyway(url701, null).migrate();
            Map<String, String> narrower = narrowerIn(url701);
            assertThat(narrower.get("防灾减灾")).isEqualTo("山洪暴发,房子进水");
            for (Row r : file) {
                if (!r.term().equals("防灾减灾")) {
                    assertThat(narrower.get(r.term())).as(r.term()).isEqualTo(String.join(",", r.narrower()));
                }
            }
            assertThat(narrower.get("急难愁盼")).isNotEmpty();
            assertThat(narrower).hasSize(file.size());
        });
    }

    @Test
    void noFormPointsToTwoCategories() {
        Map<String, Set<String>> categoriesOf = new HashMap<>();
        for (Row r : file) {
            r.forms().forEach(f -> categoriesOf.computeIfAbsent(f, x -> new TreeSet<>()).add(r.category()));
        }
        assertThat(categoriesOf.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(e -> e.getKey() + " " + e.getValue()).toList()).isEmpty();
    }

    @Test
    void theEarlierWordingsListOnlyEntriesThatChanged() {
        Map<String, Row> shipped = new HashMap<>();
        file.forEach(r -> shipped.put(r.term(), r));
        List<Map<String, String>> earlierWordings = new ArrayList<>(List.of(before, before590, before640, before670,
                before680, before690));
        NARROWER_ROUNDS.forEach(r -> earlierWordings.add(roundsBefore.get(r.version())));
        for (Map<String, String> earlier : earlierWordings) {
            assertThat(earlier).isNotEmpty();
            earlier.forEach((term, variants) -> {
                assertThat(shipped).as(term).containsKey(term);
                assertThat(Thesaurus.split(variants)).as(term).isNotEqualTo(shipped.get(term).variants());
            });
        }
    }

    private Map<String, String[]> thesaurusIn(String database) throws SQLException {
        Map<String, String[]> db = new HashMap<>();
        try (Connection c = connect(database); ResultSet rs = c.createStatement()
                .executeQuery("select term, variants, coalesce(category, ''), source from search_thesaurus")) {
            while (rs.next()) {
                assertThat(db.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3), rs.getString(4)}))
                        .as("term %s once", rs.getString(1)).isNull();
            }
        }
        return db;
    }

    private static Map<String, String> earlierWording(String resource) throws IOException {
        Map<String, String> earlier = new LinkedHashMap<>();
        for (String line : lines(resource).stream().skip(1).filter(l -> !l.isBlank()).toList()) {
            String[] f = line.split("\t", -1);
            earlier.put(f[0], f[1]);
        }
        return earlier;
    }

    private Flyway flyway(String url, String target) {
        var config = Flyway.configure().dataSource(url, user, password).schemas("minqing").defaultSchema("minqing")
                .createSchemas(true).locations("classpath:db/migration");
        return (target == null ? config : config.target(target)).load();
    }

    private Connection connect(String url) throws SQLException {
        Connection c = DriverManager.getConnection(url, user, password);
        c.createStatement().execute("set search_path to minqing");
        return c;
    }

    private static void update(Connection c, String sql, String... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setString(i + 1, params[i]);
            }
            s.executeUpdate();
        }
    }

    private static List<Row> rows(String resource) throws IOException {
        List<String> lines = lines(resource);
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] f = lines.get(i).split("\t", -1);
            assertThat(f.length).as("line %d has term, variants, category, source (and narrower notions)", i + 1).isBetween(4, 5);
            rows.add(new Row(i + 1, f[0], List.of(f[1].split(",", -1)), f[2], f[3],
                    f.length < 5 || f[4].isEmpty() ? List.of() : List.of(f[4].split(",", -1))));
        }
        return rows;
    }

    private static List<String> lines(String resource) throws IOException {
        try (InputStream in = ThesaurusDataTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}
