package cn.minqing.search;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.cases.CaseRecord;
import cn.minqing.cases.Cases;
import cn.minqing.county.Categories;
import cn.minqing.county.Category;
import cn.minqing.county.Region;
import cn.minqing.county.RegionAlias;
import cn.minqing.county.RegionAliases;
import cn.minqing.county.Regions;
import cn.minqing.people.CurrentUser;
import cn.minqing.people.UserAccounts;
import cn.minqing.support.ApiTest;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;

/**
 * Search quality on judged test sets (src/test/resources/relevance/): reports written the way
 * villagers write and queries the way cadres type, each with its relevant reports. Each set is searched
 * as the county leader leader1 over an index of its own (the project's mapping under the alias
 * {@code relevance-<set>}, so no other test's data moves the figures) that also holds the demo county's
 * cases (judged too: relevance/demo.tsv) and a few hundred generated reports on other needs. Prints
 * precision@5, recall@10 and nDCG@10 per query and on average, and the near-duplicates the similar-case
 * finder catches, and fails below each set's floors. The holdout set was written after the search was
 * tuned on the other, so its figures are the honest ones.
 * <p>It runs before every other test class ({@code @Order(1)}, junit-platform.properties): the demo county's cases,
 * the thesaurus and the synonyms are then read as seeded, before any test works a case (a category corrected at 受理)
 * or edits an entry, so the figures in the whole suite equal those of this class run alone.
 */
@Order(1)
class RelevanceTest extends ApiTest {

    /** A judged set and the floors it must reach (set just under what it reaches, as docs/relevance.md states). */
    record TestSet(String name, double ndcg10, double recall10, double precision5, int duplicatesCaught,
                   Map<String, Double> classFloors, boolean demoJudged) {

        TestSet(String name, double ndcg10, double recall10, double precision5, int duplicatesCaught) {
            this(name, ndcg10, recall10, precision5, duplicatesCaught, Map.of(), true);
        }
    }

    static final TestSet TUNING = new TestSet("tuning", 0.94, 0.94, 0.725, 8);
    static final TestSet HOLDOUT = new TestSet("holdout", 0.93, 0.95, 0.76, 8);
    /** Small examples per class written while building pinyin, the thesaurus, places and relaxation (tuned on). */
    static final TestSet DEV = new TestSet("dev", 0.825, 0.92, 0.48, 0,
            Map.of("typo", 0.87, "colloquial", 0.74, "place", 0.89, "zero", 0.73), true);
    /*
     * The blind sets' demo cases: until the 10th session nobody had judged them, so a demo case that answered a blind
     * query counted as not relevant (a quarter to a third of the top-5 slots of failing queries). A judge who read no
     * search code has since graded all 182 demo cases for every blind query (relevance/<set>/demo.tsv,
     * relevance/demo-judgments.md), and another the 35 templates of the generated reports (generated.tsv,
     * relevance/generated-judgments.md); the floors below are on the figures with those grades, and the test still
     * prints each set's figures as before they were judged, to compare with older rounds (docs/relevance.md).
     */
    /**
     * Written by someone who never read the search code, after search was built; its demo cases are not judged
     * (relevance/blind/README.md). Queries of class {@code none} have no relevant report: they count apart.
     */
    static final TestSet BLIND = new TestSet("blind", 0.81, 0.63, 0.74, 10,
            Map.of("typo", 0.85, "colloquial", 0.72, "place", 0.85, "relax", 0.74), false);
    /**
     * A second blind set, written by another helper while search was changed again (relevance/blind2/README.md);
     * loaded like blind/ (demo cases unjudged, per-class figures); floors just under the search5 run (docs/relevance.md).
     */
    static final TestSet BLIND2 = new TestSet("blind2", 0.79, 0.68, 0.58, 9,
            Map.of("typo", 0.82, "colloquial", 0.67, "place", 0.91, "relax", 0.72), false);
    /**
     * A third blind set (relevance/blind3/README.md), written while search4 changed the search and merged only after
     * it had stopped: nobody tuned on it. Loaded like blind/; floors just under search5's run (alone: nDCG@10 0.675,
     * place 0.996; in the whole suite, where other tests' regions and cases share the database, search4 measured
     * 0.007 lower overall and place 0.966). search5 read only its aggregate figures. typo8's readings that weigh as
     * the text would (docs/relevance.md, seventh round) took its typo class 0.641 → 0.615 (a misspelt report of another
     * need read into a thesaurus form now ranks with clean ones) while every other set's typo class gained 0.04–0.15:
     * its typo floor follows, 0.60.
     */
    static final TestSet BLIND3 = new TestSet("blind3", 0.79, 0.68, 0.59, 11,
            Map.of("typo", 0.75, "colloquial", 0.69, "place", 0.94, "relax", 0.68), false);
    /**
     * A fourth blind set (relevance/blind4/README.md), written in the sixth session while search5 and thes5 changed the
     * search and its thesaurus, by someone who read neither; merged only after they had stopped.
     * Loaded like blind/. Before their changes (main at ce4dc8a, alone): nDCG@10 0.594, recall@10 0.640, precision@5
     * 0.291, 11 of 11 duplicates; typo 0.633, colloquial 0.443, place 0.965, relax 0.408. After them: 0.619, 0.662,
     * 0.287; typo 0.668, colloquial 0.478, place 0.965, relax 0.427. After search6 and thes6's thesaurus (search6 saw its
     * per-query output once, by a filter's mistake: docs/relevance.md): 0.625; typo 0.681, colloquial 0.486, relax 0.429.
     * Floors just under that, less a whole-suite margin. After typo8 (alone): 0.662, recall@10 0.695; typo 0.807.
     */
    static final TestSet BLIND4 = new TestSet("blind4", 0.78, 0.63, 0.54, 11,
            Map.of("typo", 0.83, "colloquial", 0.71, "place", 0.92, "relax", 0.61), false);
    /**
     * A fifth blind set (relevance/blind5/README.md), written in the seventh session while search6, thes6 and
     * searchperf changed the search, by someone who read none of it; merged only after they had stopped, and measured
     * on main before their changes (6874b06, alone) and after. Loaded like blind/. Before: nDCG@10 0.460, recall@10
     * 0.491, precision@5 0.251, 12 of 12 duplicates; typo 0.540, colloquial 0.303, place 0.852, relax 0.276. After:
     * 0.478, 0.490, 0.271; typo 0.515, colloquial 0.322, place 0.852, relax 0.358. Floors just under, less a
     * whole-suite margin. After typo8 (alone): 0.514, recall@10 0.512, precision@5 0.281; typo 0.663.
     */
    static final TestSet BLIND5 = new TestSet("blind5", 0.59, 0.49, 0.47, 12,
            Map.of("typo", 0.7, "colloquial", 0.46, "place", 0.81, "relax", 0.43), false);
    /**
     * A sixth blind set (relevance/blind6/README.md), written in the ninth session while lag9, searchcost9 and thes7
     * changed the search, its cost and its thesaurus, by someone who read none of it; merged only after they had
     * stopped, and measured on main before their changes (5372b9d, alone) and after. Loaded like blind/. Before:
     * nDCG@10 0.587, recall@10 0.602, precision@5 0.304, 14 of 14 duplicates; typo 0.765, colloquial 0.424, place
     * 1.000, relax 0.301. After (alone): 0.589, 0.608, 0.304; typo 0.772, colloquial 0.416, place 0.969, relax 0.340.
     * Floors just under, less a whole-suite margin (in the whole suite, where other tests' regions share the database,
     * place measured 0.938 and the set 0.584).
     */
    static final TestSet BLIND6 = new TestSet("blind6", 0.75, 0.64, 0.57, 14,
            Map.of("typo", 0.84, "colloquial", 0.72, "place", 0.92, "relax", 0.52), false);
    /**
     * A seventh blind set (relevance/blind7/README.md), written in the tenth session while cap10 changed which
     * rewrites a query gets, by someone who read none of the search; merged only after it had stopped, and measured
     * on main before its changes (2cc5ba3, alone): nDCG@10 0.576, recall@10 0.591, precision@5 0.232, 13 of 13
     * duplicates; typo 0.692, colloquial 0.483, place 0.966, relax 0.225 — with its demo cases judged 0.608 (typo 0.717,
     * colloquial 0.541, place 0.966, relax 0.250).
     */
    static final TestSet BLIND7 = new TestSet("blind7", 0.63, 0.55, 0.35, 13,
            Map.of("typo", 0.79, "colloquial", 0.5, "place", 0.92, "relax", 0.31), false);
    /**
     * An eighth blind set (relevance/blind8/README.md), written in the eleventh session by someone who read none of the
     * search, with its demo cases and generated templates judged by the same writer; measured on main before that
     * session's search changes (6b0dfbb, alone): nDCG@10 0.636, recall@10 0.532, precision@5 0.521, 13 of 13
     * duplicates; typo 0.777, colloquial 0.576, place 0.864, relax 0.364. After them (listing by the query's notion,
     * categories pointed to in pieces, the loose-words listing): 0.670 (typo 0.777, colloquial 0.571, place 0.900,
     * relax 0.506); floors just under.
     */
    static final TestSet BLIND8 = new TestSet("blind8", 0.66, 0.53, 0.54, 13,
            Map.of("typo", 0.75, "colloquial", 0.55, "place", 0.86, "relax", 0.48), false);
    /**
     * A ninth blind set (relevance/blind9/README.md), written in the twelfth session by someone who read none of the
     * search, in a 中原官话-coloured register, with its demo cases and generated templates judged by the same writer;
     * measured on main before any of that session's search changes (9910b12): nDCG@10 0.699, recall@10 0.564,
     * precision@5 0.565, 13 of 13 duplicates; typo 0.802, colloquial 0.631, place 0.928, relax 0.487. After thes12
     * (pruned) and whole thesaurus forms above a listing: 0.719, recall@10 0.578, precision@5 0.582 (typo 0.824,
     * colloquial 0.659, place 0.928, relax 0.505); floors just under.
     */
    static final TestSet BLIND9 = new TestSet("blind9", 0.70, 0.56, 0.56, 13,
            Map.of("typo", 0.8, "colloquial", 0.64, "place", 0.9, "relax", 0.48), false);
    /**
     * A tenth blind set (relevance/blind10/README.md), written in the thirteenth session by someone who read none of
     * the search, in a 东北官话-coloured register with the north's winter and grain life, with its demo cases and
     * generated templates judged by the same writer; measured on main before any of that session's search changes
     * (41bed68, alone): nDCG@10 0.703, recall@10 0.633, precision@5 0.563, 11 of 13 duplicates; typo 0.864, colloquial
     * 0.621, place 0.802, relax 0.562. It drops 62 generated reports (their words, synonyms or readings are a query's).
     */
    static final TestSet BLIND10 = new TestSet("blind10", 0.68, 0.61, 0.54, 13,
            Map.of("typo", 0.84, "colloquial", 0.6, "place", 0.78, "relax", 0.54), false);
    /**
     * An eleventh blind set (relevance/blind11/README.md), written in the fourteenth session by someone who read none
     * of the search, in a 粤语/客家/闽南-coloured register with the south coast's life (typhoons, fishing, fruit, 外嫁女),
     * with its demo cases and generated templates judged by the same writer; measured on main before any of that
     * session's search changes (83128f7 with the thesaurus look-up indexed, figures identical on every set): nDCG@10
     * 0.596, recall@10 0.529, precision@5 0.459, 13 of 13 duplicates; typo 0.707, colloquial 0.485, place 0.820, relax
     * 0.449. It drops 75 generated reports. After a query's syllables in a row counted as typed (0.624, typo 0.814)
     * and the thesaurus's tenth round (thes14, whose brief named the areas blind11 found weak): 0.649, recall@10
     * 0.572, precision@5 0.488 (typo 0.814, colloquial 0.560, place 0.820, relax 0.444); with the syllables' weight at 6,
     * 0.652 (typo 0.823); floors just under.
     */
    static final TestSet BLIND11 = new TestSet("blind11", 0.62, 0.54, 0.46, 12,
            Map.of("typo", 0.79, "colloquial", 0.53, "place", 0.79, "relax", 0.42), false);
    static final TestSet BLIND12 = new TestSet("blind12", 0.69, 0.51, 0.61, 12,
            Map.of("typo", 0.76, "colloquial", 0.62, "place", 0.84, "relax", 0.58), false);
    /**
     * The 16th session's blind set (湘赣/江淮 register), measured on main before any change of that session
     * (2bdb121's search): nDCG@10 0.718, recall@10 0.613, precision@5 0.560 (typo 0.839, colloquial 0.641, place 0.902,
     * relax 0.536), 13 of 13 duplicates. After two-character whole forms above a listing and the thesaurus's twelfth
     * round (thes17, written for this set's register): 0.733, recall@10 0.629, precision@5 0.569 (typo 0.846,
     * colloquial 0.674, place 0.902, relax 0.540); floors just under.
     */
    static final TestSet BLIND13 = new TestSet("blind13", 0.77, 0.64, 0.58, 12,
            Map.of("typo", 0.85, "colloquial", 0.72, "place", 0.88, "relax", 0.62), false);
    static final TestSet BLIND14 = new TestSet("blind14", 0.68, 0.64, 0.53, 12,
            Map.of("typo", 0.89, "colloquial", 0.60, "place", 0.75, "relax", 0.43), false);
    /**
     * The 18th session's blind set (a northern farming–pastoral register: 草场, 网围栏, 禁牧, 白灾, 嘎查/苏木), measured on
     * main before any change of that session (caebb2a's search): nDCG@10 0.658, recall@10 0.510, precision@5 0.550
     * (typo 0.784, colloquial 0.466, place 0.896, relax 0.627), 13 of 13 duplicates. After the bare forms once most
     * words are enough and the thesaurus's fourteenth round (thes19, written blind for this set's register): 0.676,
     * recall@10 0.535, precision@5 0.567 (typo 0.745, colloquial 0.519, place 0.896, relax 0.682); floors just under.
     * Typo is lower: 青住窖 is now read as the round's 青贮窖, whose category listing puts farm-sales cases above the
     * report that misspells it another way (青储窖, filed under other).
     */
    static final TestSet BLIND15 = new TestSet("blind15", 0.67, 0.53, 0.56, 12,
            Map.of("typo", 0.73, "colloquial", 0.51, "place", 0.88, "relax", 0.67), false);
    /**
     * The 19th session's blind set (a county seat's urban fringe and resettlement sites: 回迁房, 过渡费, 村改居, 物业,
     * 电梯, 飞线充电), measured on main before any change of that session (6b7cefd's search): nDCG@10 0.594, recall@10
     * 0.505, precision@5 0.478 (typo 0.745, colloquial 0.417, place 0.784, relax 0.582), 13 of 13 duplicates. After
     * the thesaurus's fifteenth round (thes20, written blind for this set's register), the completion of a query that
     * several notions hold and a same-notion report of another category ranking as a listed one: 0.623, recall@10
     * 0.538, precision@5 0.505 (typo 0.764, colloquial 0.474, place 0.784, relax 0.595); floors just under.
     */
    static final TestSet BLIND16 = new TestSet("blind16", 0.62, 0.53, 0.50, 12,
            Map.of("typo", 0.74, "colloquial", 0.47, "place", 0.76, "relax", 0.59), false);
    /**
     * The 20th session's blind set (a coal and resource county: 采煤沉陷, 沉陷区搬迁, 运煤车, 洗煤厂, 矸石山, 煤改气, 尘肺病,
     * 晋语 and 陕北话), measured on main before any search change of that session (98f06e5's search, the same as
     * 79fdf2c's): nDCG@10 0.696, recall@10 0.535, precision@5 0.628 (typo 0.769, colloquial 0.702, place 0.816, relax
     * 0.478), 13 of 13 duplicates. After the thesaurus's sixteenth round (thes21, written blind for this set's
     * register): 0.740, recall@10 0.570, precision@5 0.658 (typo 0.799, colloquial 0.716, place 0.899, relax 0.563);
     * floors just under.
     */
    static final TestSet BLIND17 = new TestSet("blind17", 0.73, 0.56, 0.65, 12,
            Map.of("typo", 0.78, "colloquial", 0.71, "place", 0.88, "relax", 0.54), false);
    /**
     * The 20th session's second blind set (a reservoir and river county: 库区移民 and 后期扶持, 十年禁渔 and 退捕渔民,
     * 水源地保护, 消落带, 渡口), measured on main before its own thesaurus round (fded99c's search: thes21 in, neither of
     * the session's search rules yet, which change no answer of this set): nDCG@10 0.631, recall@10 0.482, precision@5
     * 0.567 (typo 0.788, colloquial 0.551, place 0.655, relax 0.540), 13 of 13 duplicates. After the thesaurus's
     * seventeenth round (thes22, written blind for this set's register): 0.662, recall@10 0.499, precision@5 0.592
     * (typo 0.788, colloquial 0.591, place 0.683, relax 0.600); floors just under. The nineteenth round (thes24) gave
     * 土地流转 narrower notions: 土地流转 rose on eight other sets and fell here 0.98 → 0.85 (colloquial 0.587, its floor
     * 0.58 since).
     */
    static final TestSet BLIND18 = new TestSet("blind18", 0.65, 0.48, 0.58, 12,
            Map.of("typo", 0.77, "colloquial", 0.57, "place", 0.66, "relax", 0.59), false);
    /**
     * The 20th session's third blind set (a border county in the southwest mountains: 野象 and 野生动物肇事补偿, 甘蔗款,
     * 橡胶, 边民补助 and 护边员, 跨境婚姻, 禁毒, 抵边村寨; 云南话), measured on main before its thesaurus round (ee47ba2's
     * search): nDCG@10 0.631, recall@10 0.541, precision@5 0.477 (typo 0.747, colloquial 0.490, place 0.961, relax
     * 0.441), 13 of 13 duplicates. After the thesaurus's eighteenth round (thes23, written blind for this set's
     * register): 0.649, recall@10 0.564, precision@5 0.496 (typo 0.738, colloquial 0.499, place 0.961, relax 0.531);
     * floors just under.
     */
    static final TestSet BLIND19 = new TestSet("blind19", 0.64, 0.56, 0.48, 12,
            Map.of("typo", 0.72, "colloquial", 0.49, "place", 0.94, "relax", 0.52), false);
    /**
     * The 21st session's blind set (a county on the lower Yellow River plain in western Shandong: 合村并居 and 滩区迁建,
     * 引黄灌溉 and 机井, 粮站压价, 秸秆禁烧, 大蒜 and 大棚, 清洁取暖, 化工园区; 山东话), measured on main before its
     * thesaurus round (V785 and the own-category tie-break at 2 in): nDCG@10 0.657, recall@10 0.489, precision@5 0.575
     * (typo 0.692, colloquial 0.659, place 0.787, relax 0.496), 13 of 13 duplicates; with the tie-break at 5: 0.660
     * (colloquial 0.662, relax 0.501). After the thesaurus's nineteenth round (thes24, written blind for this set's
     * register): 0.664, recall@10 0.500, precision@5 0.583 (typo 0.723, colloquial 0.655, place 0.787, relax 0.495);
     * floors just under.
     */
    static final TestSet BLIND20 = new TestSet("blind20", 0.66, 0.49, 0.58, 12,
            Map.of("typo", 0.70, "colloquial", 0.64, "place", 0.77, "relax", 0.49), false);
    /**
     * The 21st session's second blind set (a karst mountain county on the Guangxi–Guizhou border: 桑蚕 and 蚕茧收购,
     * 水柜 and 人饮工程, 石漠化 and 封山禁牧, 砂糖橘 黄龙病, 通组路, 易地搬迁 安置区, 电子厂 wages; 桂柳话 and 黔南 speech),
     * measured on main before its thesaurus round (7c6f9d3's search, 老人钱 still in V785): nDCG@10 0.676, recall@10
     * 0.524, precision@5 0.549 (typo 0.665, colloquial 0.639, place 0.830, relax 0.627), 12 of 13 duplicates. After the
     * thesaurus's twentieth round (thes25, written blind for this set's register): 0.681, recall@10 0.532, precision@5
     * 0.558 (typo 0.679, colloquial 0.639, place 0.830, relax 0.633); floors just under.
     */
    static final TestSet BLIND21 = new TestSet("blind21", 0.67, 0.52, 0.55, 13,
            Map.of("typo", 0.66, "colloquial", 0.62, "place", 0.81, "relax", 0.62), false);
    /**
     * The 22nd session's blind set (a tropical island coastal county in Hainan: 橡胶 and 割胶, 槟榔 黄化病, 冬季瓜菜, 台风,
     * 渔船 and 休渔期, 咸水入侵, 农场 land, 候鸟老人, 黎族 villages; 海南话-coloured Mandarin), measured on main before
     * that session's search change (8776df2's search): nDCG@10 0.645, recall@10 0.542, precision@5 0.524 (typo 0.726,
     * colloquial 0.634, place 0.765, relax 0.452), 13 of 13 duplicates. After the session's search changes (0.647) and
     * the thesaurus's twenty-first round (thes26, for this set's register; its brief named two of the set's headings,
     * docs/relevance.md): 0.687, recall@10 0.585, precision@5 0.563 (typo 0.755, colloquial 0.651, place 0.765, relax
     * 0.595). The 23rd session's two search rules: 0.702 (place 0.885; relax 0.573 and precision@5 0.561 with the
     * form-part rule, whose floors were lowered for it); floors just under.
     */
    static final TestSet BLIND22 = new TestSet("blind22", 0.67, 0.57, 0.54, 13,
            Map.of("typo", 0.74, "colloquial", 0.63, "place", 0.75, "relax", 0.56), false);
    /**
     * The 23rd session's blind set (an oasis county in the arid northwest: 灌溉 and 水权, 轮灌, 机井关停 and 地下水超采,
     * 滴灌, 棉花 and 轧花厂 扣杂, 制种玉米, 风沙 and 防护林, 盐碱地, 生态移民, 兵团 连队 next to village land; 兰银官话 and
     * 西北话), measured on main before any change for it (83b79ef's search): nDCG@10 0.635, recall@10 0.529,
     * precision@5 0.501 (typo 0.846, colloquial 0.526, place 0.730, relax 0.468), 13 of 13 duplicates. After the
     * thesaurus's twenty-second round (thes27, briefed from the same register at the same time as the set's writer,
     * before either wrote; docs/relevance.md): 0.652, recall@10 0.543, precision@5 0.527 (typo 0.828, colloquial 0.556,
     * place 0.730, relax 0.525). After the session's two search rules (a form standing alone matched by two words of
     * three at the category step; a place named inexactly where the words find few lists its cases of the need):
     * 0.678, recall@10 0.566, precision@5 0.532 (typo 0.850, colloquial 0.558, place 0.845, relax 0.525); floors just
     * under.
     */
    static final TestSet BLIND23 = new TestSet("blind23", 0.66, 0.55, 0.52, 13,
            Map.of("typo", 0.83, "colloquial", 0.54, "place", 0.83, "relax", 0.51), false);
    /**
     * The 24th session's blind set (a hill county in the Sichuan basin's east, on the Chongqing side: 柑橘, 柠檬, 花椒 and
     * 青菜头 收购, 生猪 and 猪场 粪污, 撂荒地 复耕, 土地流转 租金 拖欠, 山坪塘 and 提灌站, 滑坡 and 地灾隐患点, 高山生态扶贫搬迁,
     * 留守老人 and 留守儿童, 人情酒, 坝坝宴; 四川话-coloured Mandarin), measured on main before any change for it
     * (6c59df4's search): nDCG@10 0.759, recall@10 0.656, precision@5 0.625 (typo 0.830, colloquial 0.717, place 0.814,
     * relax 0.692), 13 of 13 duplicates. After the thesaurus's twenty-third round (thes28, briefed from the same
     * register at the same time as the set's writer, before either wrote; docs/relevance.md): 0.766. After the
     * twenty-fourth round (thes29, the headings leaders work by, for no region) and the session's four search rules
     * (nothing found: the catch-all listed when only its forms hold the query's pairs; a listing ranks an akin entry's
     * forms; a broad notion filed where few of its notions lie points nowhere; a completion to another name of a broad
     * notion brings no notions under it): 0.778, recall@10 0.670, precision@5 0.642 (typo 0.842, colloquial 0.731,
     * place 0.814, relax 0.751); floors just under.
     */
    static final TestSet BLIND24 = new TestSet("blind24", 0.76, 0.65, 0.62, 13,
            Map.of("typo", 0.82, "colloquial", 0.71, "place", 0.80, "relax", 0.73), false);
    /**
     * The 25th session's blind set (a lake-and-plain county of the 江汉平原 / 洞庭湖 area: 垸 and 大堤, 防汛 and 管涌, 渍涝
     * and 排涝泵站, 血吸虫病, 稻虾共作 and 小龙虾, 莲藕, 退垸还湖 and 禁捕退捕, 黑臭沟渠, 分蓄洪区, 台 villages; 湖北/湖南
     * western-Mandarin colour), measured on main before any change for it (53b6557's search): nDCG@10 0.621, recall@10
     * 0.594, precision@5 0.451 (typo 0.673, colloquial 0.537, place 0.829, relax 0.525), 12 of 13 duplicates. After the
     * session's changes — a listing raising the cases like what the words found first, thes30 (plain everyday words, for
     * no region, briefed from nothing of this set) and thes31 (a lake-and-plain county, briefed from this set's register
     * description after the set was measured, so not an unseen gain): 0.658, recall@10 0.638, precision@5 0.473 (typo
     * 0.723, colloquial 0.599, place 0.820, relax 0.540); floors just under.
     */
    static final TestSet BLIND25 = new TestSet("blind25", 0.65, 0.62, 0.46, 12,
            Map.of("typo", 0.71, "colloquial", 0.58, "place", 0.80, "relax", 0.53), false);
    /**
     * The 27th session's blind set (a tea-and-bamboo mountain county of 皖南 / 浙西: 茶园 and 茶青, 毛竹 and 竹笋, 山核桃
     * and 香榧, 徽派 old houses and 祠堂, 民宿 and 农家乐, 水库移民, 山洪 and 地质灾害, 松材线虫病, 野猪, 护林员 and 森林防火,
     * 盘山路 and 山区班车, 溪 and 河滩; a mild 徽州 colour), measured on main before any change for it (ed7077e's search):
     * nDCG@10 0.656, recall@10 0.571, precision@5 0.561 (typo 0.743, colloquial 0.516, place 0.879, relax 0.606), 12 of 13
     * duplicates. No thesaurus round was briefed from its register before it was measured. After the session's round
     * (thes32, a tea-and-bamboo mountain county, briefed from the same register description as this set, before either
     * helper wrote; not an unseen gain) and dialect words read plainly in queries and reports (not unseen either: the
     * judged sets' dialect queries, this one's among them, were read before the words were listed): 0.679, recall@10
     * 0.584, precision@5 0.577 (typo 0.741, colloquial 0.539, place 0.910, relax 0.656); floors just under.
     */
    static final TestSet BLIND26 = new TestSet("blind26", 0.67, 0.57, 0.57, 12,
            Map.of("typo", 0.73, "colloquial", 0.53, "place", 0.90, "relax", 0.64), false);
    /**
     * The twenty-seventh blind set (28th session): a navel-orange hill county of 赣南 (Hakka country, a former 苏区) —
     * 脐橙 and 黄龙病, 油茶, rare-earth hills, 围屋, red heritage, 山塘 and 水陂, work in 广东 — in a mild 客家 colour,
     * written by a helper who read no search code, data or other set. First measured on 1f331d3's search, before
     * anything changed for it: 0.758, recall@10 0.652, precision@5 0.606 (typo 0.882, colloquial 0.662, place 0.920,
     * relax 0.631), 13 of 13 duplicates; floors just under.
     */
    static final TestSet BLIND27 = new TestSet("blind27", 0.75, 0.64, 0.60, 13,
            Map.of("typo", 0.87, "colloquial", 0.65, "place", 0.91, "relax", 0.62), false);
    /**
     * The twenty-eighth blind set (29th session): an agro-pastoral 旗 of eastern Inner Mongolia on the 科尔沁 sands —
     * 牛羊 and 草场, 禁牧 and 草畜平衡 奖补, 苞米 and 葵花, 机电井, 风沙, 白灾, wind and solar farms' land — in a northern
     * colour (嘎查, 旗里, 咋整), written by a helper who read no search code, data or other set. First measured on
     * 9d0b185's search, before anything changed for it: 0.616, recall@10 0.558, precision@5 0.487 (typo 0.787,
     * colloquial 0.421, place 0.876, relax 0.523), 13 of 13 duplicates. After the session's two character-pair rules
     * (unseen for them): 0.618 (typo 0.803, colloquial 0.421, place 0.876, relax 0.512); floors just under.
     */
    static final TestSet BLIND28 = new TestSet("blind28", 0.60, 0.54, 0.46, 13,
            Map.of("typo", 0.77, "colloquial", 0.41, "place", 0.86, "relax", 0.50), false);
    static final int DISTRACTORS = 300;
    /** The queries whose top ten are printed with titles ({@code -Drelevance.show=TQ58,PQ70}): to read a failure. */
    static final java.util.Set<String> SHOWN = java.util.Set.of(System.getProperty("relevance.show", "").split(","));
    /** 枫树坪村: "枫树坪 路" asks for every road problem there, so no generated road report goes there. */
    static final String ROADS_JUDGED_IN = "QS02001";

    @Autowired
    ElasticsearchClient client;
    @Autowired
    Clock clock;
    @Autowired
    CountyWords countyWords;
    @Autowired
    Synonyms synonyms;
    @Autowired
    PlaceNames placeNames;
    @Autowired
    Thesaurus thesaurus;
    @Autowired
    RegionAliases regionAliases;
    @Autowired
    CategoryIntent categoryIntent;
    @Autowired
    CaseDocuments documents;
    @Autowired
    Cases cases;
    @Autowired
    SoundAlikes soundAlikes;
    @Autowired
    Regions regions;
    @Autowired
    Categories categories;
    @Autowired
    UserAccounts accounts;
    @Value("${minqing.demo.cases}")
    int demoCases;

    record Report(String id, String category, String village, String title, String description) {
    }

    @Test
    void theTuningSet() throws IOException {
        evaluate(TUNING);
    }

    @Test
    void theHoldoutSetWrittenAfterTuning() throws IOException {
        evaluate(HOLDOUT);
    }

    @Test
    void theDevelopmentSetOfTyposColloquialWordsAndPlaces() throws IOException {
        evaluate(DEV);
    }

    @Test
    void theBlindSetWrittenWithoutSeeingTheSearch() throws IOException {
        evaluate(BLIND);
    }

    @Test
    void theSecondBlindSet() throws IOException {
        evaluate(BLIND2);
    }

    @Test
    void theThirdBlindSet() throws IOException {
        evaluate(BLIND3);
    }

    @Test
    void theFourthBlindSet() throws IOException {
        evaluate(BLIND4);
    }

    @Test
    void theFifthBlindSet() throws IOException {
        evaluate(BLIND5);
    }

    @Test
    void theSixthBlindSet() throws IOException {
        evaluate(BLIND6);
    }

    @Test
    void theSeventhBlindSet() throws IOException {
        evaluate(BLIND7);
    }

    @Test
    void theEighthBlindSet() throws IOException {
        evaluate(BLIND8);
    }

    @Test
    void theNinthBlindSet() throws IOException {
        evaluate(BLIND9);
    }

    @Test
    void theTenthBlindSet() throws IOException {
        evaluate(BLIND10);
    }

    @Test
    void theEleventhBlindSet() throws IOException {
        evaluate(BLIND11);
    }

    @Test
    void theTwelfthBlindSet() throws IOException {
        evaluate(BLIND12);
    }

    @Test
    void theThirteenthBlindSet() throws IOException {
        evaluate(BLIND13);
    }

    @Test
    void theFourteenthBlindSet() throws IOException {
        evaluate(BLIND14);
    }

    @Test
    void theFifteenthBlindSet() throws IOException {
        evaluate(BLIND15);
    }

    @Test
    void theSixteenthBlindSet() throws IOException {
        evaluate(BLIND16);
    }

    @Test
    void theSeventeenthBlindSet() throws IOException {
        evaluate(BLIND17);
    }

    @Test
    void theEighteenthBlindSet() throws IOException {
        evaluate(BLIND18);
    }

    @Test
    void theNineteenthBlindSet() throws IOException {
        evaluate(BLIND19);
    }

    @Test
    void theTwentiethBlindSet() throws IOException {
        evaluate(BLIND20);
    }

    @Test
    void theTwentyFirstBlindSet() throws IOException {
        evaluate(BLIND21);
    }

    @Test
    void theTwentySecondBlindSet() throws IOException {
        evaluate(BLIND22);
    }

    @Test
    void theTwentyThirdBlindSet() throws IOException {
        evaluate(BLIND23);
    }

    @Test
    void theTwentyFourthBlindSet() throws IOException {
        evaluate(BLIND24);
    }

    @Test
    void theTwentyFifthBlindSet() throws IOException {
        evaluate(BLIND25);
    }

    @Test
    void theTwentySixthBlindSet() throws IOException {
        evaluate(BLIND26);
    }

    @Test
    void theTwentySeventhBlindSet() throws IOException {
        evaluate(BLIND27);
    }

    @Test
    void theTwentyEighthBlindSet() throws IOException {
        evaluate(BLIND28);
    }

    /** The set's index without stored offsets (searchcost9): its answers, highlights included, must be the same. */
    private HighlightTwin twin;

    private void evaluate(TestSet set) throws IOException {
        twin = null;
        SearchIndex index = new SearchIndex(client, "relevance-" + set.name(), clock, countyWords);
        drop(index);
        List<RegionAlias> aliasesBefore = regionAliases.all();
        try {
            loadAliases(set, aliasesBefore);
            index.ensureExists();
            Map<String, Report> reports = reports(set);
            twin = HighlightTwin.create(client, "relevance-" + set.name() + "-nooffsets", countyWords.all());
            Map<String, String> labels = fill(index, set, reports);
            categoryIntent.forget(index.alias());
            categoryIntent.forget(twin.alias());
            CurrentUser leader = accounts.find("leader1").orElseThrow().user();
            measure(set, new CaseSearch(client, index, synonyms, placeNames, thesaurus, categoryIntent, soundAlikes, "Asia/Shanghai"),
                    new SimilarCases(client, index, regions), leader, reports, labels);
        } finally {
            regionAliases.replace(aliasesBefore);
            drop(index);
            if (twin != null) {
                twin.drop();
            }
        }
    }

    /** A set's old and short place names (aliases.tsv: alias, region code, …) go into the element library as data. */
    private void loadAliases(TestSet set, List<RegionAlias> before) throws IOException {
        if (!new ClassPathResource("relevance/" + set.name() + "/aliases.tsv").exists()) {
            return;
        }
        List<String> columns = List.of(header(set.name() + "/aliases.tsv").split("\t"));
        int code = columns.stream().filter(c -> c.toLowerCase().contains("code") || c.contains("village") || c.contains("region"))
                .findFirst().map(columns::indexOf).orElse(1);
        int alias = code == 0 ? 1 : 0;
        List<RegionAlias> aliases = new ArrayList<>(before);
        Set<String> seen = before.stream().map(RegionAlias::alias).collect(Collectors.toCollection(HashSet::new));
        for (String[] row : rows(set.name() + "/aliases.tsv")) {
            if (seen.add(row[alias].strip())) {
                String kind = row.length > 2 && List.of("old-name", "short-name").contains(row[2].strip()) ? row[2].strip() : "other";
                aliases.add(new RegionAlias(row[alias].strip(), row[code].strip(), kind, "relevance set " + set.name()));
            }
        }
        regionAliases.replace(aliases);
    }

    /** A judged query: its class (typo, colloquial, place, zero …; "" in the older sets) and grades by label (2 full, 1 partial). */
    record Judged(String qid, String query, String queryClass, Map<String, Integer> grades) {
    }

    /** Mean figures over some queries. */
    record Figures(int queries, double precision5, double bestPrecision5, double recall10, double ndcg10) {
    }

    private void measure(TestSet set, CaseSearch search, SimilarCases similar, CurrentUser leader,
                         Map<String, Report> reports, Map<String, String> labels) throws IOException {
        if (Boolean.getBoolean("relevance.duplicatesOnly")) {
            // -Drelevance.duplicatesOnly=true: only the similar-case search, every set in about four minutes (26th
            // session); the floors are not asserted
            duplicatesCaught(set, similar, leader, reports, labels);
            return;
        }
        List<Judged> queries = queries(set, set.demoJudged() ? demoJudgements(labels) : Map.of());
        // a blind set whose demo cases were judged afterwards (relevance/<set>/demo.tsv): they count with their grades
        Map<String, Map<String, Integer>> judgedLater = judgedAfterwards(set, labels);
        Map<String, List<double[]>> perClassAsBefore = new LinkedHashMap<>();
        System.out.printf("%nrelevance set %s, searched as leader1 among %d documents%n%-4s %-16s %-10s %5s %5s %7s  %s%n",
                set.name(), labels.size(), "qid", "query", "class", "P@5", "R@10", "nDCG@10",
                "top 10 (R = judged set, D = demo case, X = generated)");
        Map<String, List<double[]>> perClass = new LinkedHashMap<>();
        Map<String, List<double[]>> perClassCondensed = new LinkedHashMap<>();
        List<String> shapesDiffer = new ArrayList<>();
        List<String> highlightsDiffer = new ArrayList<>();
        SearchIndex withoutOffsets = new SearchIndex(client, twin.alias(), clock, countyWords);
        CaseSearch plain = new CaseSearch(client, withoutOffsets, synonyms, placeNames, thesaurus, categoryIntent,
                soundAlikes, "Asia/Shanghai");
        for (Judged q : queries) {
            CaseSearch.Criteria criteria = new CaseSearch.Criteria(q.query(), null, null, null, null,
                    set.demoJudged() ? 10 : 30, 0);
            SearchResult result = search.search(criteria, leader);
            SearchResult apart = asPageAndCount(search, criteria, leader);
            if (!result.equals(apart)) {
                shapesDiffer.add(q.qid());
                System.out.printf("%s %s: the two request shapes differ: %s%n", q.qid(), q.query(), firstDifference(result, apart));
            }
            SearchResult plainResult = plain.search(criteria, leader);
            if (!result.equals(plainResult)) {
                highlightsDiffer.add(q.qid());
                System.out.printf("%s %s: with and without stored offsets differ: %s%n", q.qid(), q.query(),
                        firstDifference(result, plainResult));
            }
            // what the page shows, in order: the hits, then the cases worded like a few found (FewFoundAlike)
            List<String> all = java.util.stream.Stream.concat(result.hits().stream(), result.alike().stream())
                    .map(h -> labels.get(h.number())).toList();
            List<String> ranked = all.stream().limit(10).toList();
            if (SHOWN.contains(q.qid())) {
                // -Drelevance.show=<qid>,… : the query's top ten with their titles, to read a failure
                System.out.printf("SHOW %s %s relaxed %s: %s%n", q.qid(), q.query(), result.relaxed(), result.hits().stream()
                        .limit(10).map(h -> labels.get(h.number()).replaceAll(":QS\\d+$", "") + "=" + h.title() + "@" + h.score()).toList());
            }
            if (!set.demoJudged()) {
                // the demo cases were not judged for this set: also measure with them left out (a condensed list)
                List<String> condensed = all.stream().filter(l -> !l.startsWith("D:")).limit(10).toList();
                Set<String> rel = q.grades().keySet();
                if (!rel.isEmpty()) {
                    addRow(perClassCondensed, q.queryClass(), row(condensed, q.grades()));
                }
            }
            assertThat(ranked).as("hits come from this set's index only").doesNotContainNull();
            if (!judgedLater.isEmpty() && !q.grades().isEmpty()) {
                // as measured before the demo and generated reports were judged (each counted not relevant)
                addRow(perClassAsBefore, q.queryClass(), row(ranked, q.grades()));
            }
            if (judgedLater.containsKey(q.qid()) && !q.grades().isEmpty()) {
                Map<String, Integer> withJudged = new LinkedHashMap<>(q.grades());
                judgedLater.get(q.qid()).forEach(withJudged::putIfAbsent);
                q = new Judged(q.qid(), q.query(), q.queryClass(), withJudged);
            }
            Set<String> relevant = q.grades().keySet();
            if (relevant.isEmpty()) {
                // nothing answers it: what counts is that the answer does not pass off what it shows as a match
                System.out.printf("%-4s %-16s %-10s %d hits, relaxed %s  %s%n", q.qid(), q.query(), q.queryClass(),
                        result.total(), result.relaxed(), ranked.stream().map(l -> l.replaceAll(":.*", "")).toList());
                continue;
            }
            double[] row = row(ranked, q.grades());
            double qp5 = row[0];
            double qr10 = row[2];
            double qndcg = row[3];
            System.out.printf("%-4s %-16s %-10s %5.2f %5.2f %7.2f  %s%n", q.qid(), q.query(), q.queryClass(), qp5, qr10, qndcg,
                    ranked.stream().map(l -> (relevant.contains(l) ? "+" : "-") + l.replaceAll(":.*", "")).collect(Collectors.joining(" ")));
            if (qndcg < 0.5) {
                // a failing query: what the search made of it, and what it put first
                System.out.printf("     intent %s, read as %s, relaxed %s; top: %s%n",
                        categoryIntent.of(q.query(), "relevance-" + set.name()),
                        soundAlikes.correct(q.query(), "relevance-" + set.name()), result.relaxed(),
                        result.hits().stream().limit(5).map(h -> h.category() + ":" + h.title()).collect(Collectors.joining(" | ")));
            }
            addRow(perClass, q.queryClass(), row);
        }
        // searchperf8: the page and the count sent apart answer exactly what the single request answered
        System.out.printf("%s: request shapes compared on %d queries (hits, order, scores, highlights, total, facets, "
                + "relaxation): %d differ %s%n", set.name(), queries.size(), shapesDiffer.size(), shapesDiffer);
        assertThat(shapesDiffer).as(set.name() + ": queries answered differently by the two request shapes").isEmpty();
        // searchcost9: highlights from the stored offsets, the whole answer against the index without them
        System.out.printf("%s: with and without stored offsets compared on %d queries (hits, order, scores, highlights, "
                + "total, facets, relaxation): %d differ %s%n", set.name(), queries.size(), highlightsDiffer.size(), highlightsDiffer);
        assertThat(highlightsDiffer).as(set.name() + ": queries answered differently with the highlighter's stored offsets").isEmpty();
        Map<String, Figures> figures = new LinkedHashMap<>();
        perClass.forEach((c, rows) -> figures.put(c, mean(rows)));
        figures.forEach((c, f) -> System.out.printf("%s%s: mean over %d queries: precision@5 %.3f (at best %.3f)  recall@10 %.3f  nDCG@10 %.3f (%.5f)%n",
                set.name(), c.isEmpty() ? "" : " [" + c + "]", f.queries(), f.precision5(), f.bestPrecision5(), f.recall10(), f.ndcg10(),
                f.ndcg10()));
        printMeans(set, "demo and generated reports counted not relevant (as before they were judged)", perClassAsBefore);
        printMeans(set, "unjudged demo cases left out", perClassCondensed);
        int caught = duplicatesCaught(set, similar, leader, reports, labels);
        Figures all = figures.get("");
        assertThat(all.ndcg10()).as(set.name() + " mean nDCG@10").isGreaterThanOrEqualTo(set.ndcg10());
        assertThat(all.recall10()).as(set.name() + " mean recall@10").isGreaterThanOrEqualTo(set.recall10());
        assertThat(all.precision5()).as(set.name() + " mean precision@5").isGreaterThanOrEqualTo(set.precision5());
        set.classFloors().forEach((c, floor) -> assertThat(figures.get(c)).as(set.name() + " has queries of class " + c)
                .isNotNull().extracting(Figures::ndcg10).as(set.name() + " [" + c + "] mean nDCG@10")
                .satisfies(v -> assertThat(v).isGreaterThanOrEqualTo(floor)));
        assertThat(caught).as(set.name() + " duplicates caught").isGreaterThanOrEqualTo(set.duplicatesCaught());
    }

    /** Where two answers to one query part, to read a failure of the comparisons above. */
    private static String firstDifference(SearchResult a, SearchResult b) {
        if (a.total() != b.total() || !a.relaxed().equals(b.relaxed())) {
            return "total " + a.total() + " / " + b.total() + ", relaxed " + a.relaxed() + " / " + b.relaxed();
        }
        for (int i = 0; i < Math.min(a.hits().size(), b.hits().size()); i++) {
            SearchResult.Hit x = a.hits().get(i);
            SearchResult.Hit y = b.hits().get(i);
            if (!x.equals(y)) {
                return "hit " + i + ": " + x.number() + " " + x.score() + " " + x.highlight() + " / " + y.number() + " "
                        + y.score() + " " + y.highlight();
            }
        }
        return a.hits().size() != b.hits().size() ? "hits " + a.hits().size() + " / " + b.hits().size()
                : "facets " + a.facets() + " / " + b.facets() + ", after " + a.searchAfter() + " / " + b.searchAfter();
    }

    /** The same search sent in the other shape (PageAndCount): the page apart from the count and the facets. */
    private static SearchResult asPageAndCount(CaseSearch search, CaseSearch.Criteria criteria, CurrentUser user)
            throws IOException {
        System.setProperty("minqing.search.single-request", "false");
        try {
            return search.search(criteria, user);
        } finally {
            System.clearProperty("minqing.search.single-request");
        }
    }

    /** The set's means, per class, measured another way ({@code how}). */
    private static void printMeans(TestSet set, String how, Map<String, List<double[]>> perClass) {
        perClass.forEach((c, rows) -> {
            Figures f = mean(rows);
            System.out.printf("%s%s, %s: precision@5 %.3f  recall@10 %.3f  nDCG@10 %.3f%n",
                    set.name(), c.isEmpty() ? "" : " [" + c + "]", how, f.precision5(), f.recall10(), f.ndcg10());
        });
    }

    /** One query's precision@5, the best precision@5 it allows, recall@10 and nDCG@10 for these hits. */
    private static double[] row(List<String> ranked, Map<String, Integer> grades) {
        Set<String> relevant = grades.keySet();
        return new double[] {ranked.stream().limit(5).filter(relevant::contains).count() / 5.0,
                Math.min(5, relevant.size()) / 5.0,
                ranked.stream().limit(10).filter(relevant::contains).count() / (double) relevant.size(),
                ndcg(ranked, grades, 10)};
    }

    /** The row counts for the whole set ("") and for its query's class. */
    private static void addRow(Map<String, List<double[]>> perClass, String queryClass, double[] row) {
        perClass.computeIfAbsent("", k -> new ArrayList<>()).add(row);
        if (!queryClass.isBlank()) {
            perClass.computeIfAbsent(queryClass, k -> new ArrayList<>()).add(row);
        }
    }

    private static Figures mean(List<double[]> rows) {
        double[] sum = new double[4];
        rows.forEach(r -> {
            for (int i = 0; i < 4; i++) {
                sum[i] += r[i];
            }
        });
        int n = rows.size();
        return new Figures(n, sum[0] / n, sum[1] / n, sum[2] / n, sum[3] / n);
    }

    private int duplicatesCaught(TestSet set, SimilarCases similar, CurrentUser leader, Map<String, Report> reports,
                                 Map<String, String> labels) throws IOException {
        int caught = 0;
        List<String[]> duplicates = rows(set.name() + "/duplicates.tsv");
        Map<String, String> numberOf = new HashMap<>();
        labels.forEach((number, label) -> numberOf.put(label, number));
        for (String[] pair : duplicates) {
            Report r = reports.get(pair[0]);
            List<String> found = similar.find(r.title() + " " + r.description(), r.village(), 3, 10, leader).stream()
                    .map(SimilarCases.Match::number).filter(num -> !num.equals(numberOf.get(pair[0]))).limit(5).toList();
            boolean caughtIt = found.contains(numberOf.get(pair[1]));
            System.out.printf("duplicate %s of %s: %s (top 5: %s)%n", pair[0], pair[1], caughtIt ? "caught" : "MISSED",
                    found.stream().map(labels::get).map(l -> l.replaceAll(":.*", "")).toList());
            caught += caughtIt ? 1 : 0;
        }
        System.out.printf("%s: duplicates caught: %d of %d%n", set.name(), caught, duplicates.size());
        // -Drelevance.similarShapes=words,alike,alike:60:2 … : each shape of SimilarCases' query asked the same pairs
        for (String shape : System.getProperty("relevance.similarShapes", "").split(",")) {
            if (!shape.isBlank()) {
                compareSimilarShape(shape.strip(), set, similar, leader, reports, labels, duplicates, numberOf);
            }
        }
        return caught;
    }

    /** One shape of the similar-case query ({@code minqing.search.similar-shape}): pairs caught and their reciprocal ranks. */
    private void compareSimilarShape(String shape, TestSet set, SimilarCases similar, CurrentUser leader,
                                     Map<String, Report> reports, Map<String, String> labels, List<String[]> duplicates,
                                     Map<String, String> numberOf) throws IOException {
        System.setProperty("minqing.search.similar-shape", shape);
        try {
            int caught = 0;
            double reciprocalRanks = 0;
            for (String[] pair : duplicates) {
                Report r = reports.get(pair[0]);
                List<String> found = similar.find(r.title() + " " + r.description(), r.village(), 3, 10, leader).stream()
                        .map(SimilarCases.Match::number).filter(num -> !num.equals(numberOf.get(pair[0]))).limit(5).toList();
                int at = found.indexOf(numberOf.get(pair[1]));
                if (at < 0) {
                    System.out.printf("similar shape %s, %s: %s of %s missed (top 5: %s)%n", shape, set.name(), pair[0],
                            pair[1], found.stream().map(labels::get).map(l -> l.replaceAll(":.*", "")).toList());
                }
                caught += at >= 0 ? 1 : 0;
                reciprocalRanks += at >= 0 ? 1.0 / (at + 1) : 0;
            }
            System.out.printf("SIMILAR-SHAPE %s %s caught %d of %d, reciprocal ranks %.3f%n", shape, set.name(), caught,
                    duplicates.size(), reciprocalRanks);
        } finally {
            System.clearProperty("minqing.search.similar-shape");
        }
    }

    /**
     * The set's queries: {@code qid query relevant} (the older sets: ids, all of grade 1) or
     * {@code qid query class relevant} with {@code id:grade}; the demo cases judged in demo.tsv count with grade 1.
     */
    private static List<Judged> queries(TestSet set, Map<String, Set<String>> demoJudged) throws IOException {
        List<String[]> rows = rows(set.name() + "/queries.tsv");
        boolean classed = header(set.name() + "/queries.tsv").contains("class");
        List<Judged> judged = new ArrayList<>();
        for (String[] q : rows) {
            Map<String, Integer> grades = new LinkedHashMap<>();
            for (String item : q[classed ? 3 : 2].split("\\s*[,，]\\s*")) {
                if (!item.isBlank()) {
                    String[] idGrade = item.strip().split(":");
                    grades.put(idGrade[0], idGrade.length > 1 ? Integer.parseInt(idGrade[1].strip()) : 1);
                }
            }
            grades.values().removeIf(g -> g <= 0);
            demoJudged.getOrDefault(q[1], Set.of()).forEach(d -> grades.putIfAbsent(d, 1));
            judged.add(new Judged(q[0], q[1], classed ? q[2].strip() : "", grades));
        }
        return judged;
    }

    /** nDCG with graded gains (grade 2 a full answer, 1 a partial one); all-1 grades give the binary figure. */
    static double ndcg(List<String> ranked, Map<String, Integer> grades, int k) {
        double dcg = 0;
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            dcg += grades.getOrDefault(ranked.get(i), 0) / (Math.log(i + 2) / Math.log(2));
        }
        List<Integer> ideal = grades.values().stream().sorted(java.util.Comparator.reverseOrder()).toList();
        double best = 0;
        for (int i = 0; i < Math.min(k, ideal.size()); i++) {
            best += ideal.get(i) / (Math.log(i + 2) / Math.log(2));
        }
        return best == 0 ? 0 : dcg / best;
    }


    /**
     * Writes the demo county's cases (as PostgreSQL holds them), the set's reports and the generated ones
     * into the set's index; returns each document's label by case number: the set's id (R01), D:title for a
     * demo case, X:n:template title for a generated one.
     */
    private Map<String, String> fill(SearchIndex index, TestSet set, Map<String, Report> reports) throws IOException {
        Map<String, String> labels = new LinkedHashMap<>();
        List<CaseDocument> docs = new ArrayList<>();
        List<CaseRecord> demo = cases.page(0, demoCases);
        Set<String> demoTitles = tsv("demo/reports.tsv").stream().map(r -> r[1]).collect(Collectors.toSet());
        assertThat(demo).as("the demo county's cases come first").hasSize(demoCases)
                .allMatch(c -> demoTitles.contains(c.title()));
        for (CaseDocument d : documents.of(demo)) {
            docs.add(d);
            labels.put(d.number(), "D:" + d.title() + ":" + d.villageCode());
        }
        OffsetDateTime at = OffsetDateTime.parse("2026-01-05T09:00:00+08:00");
        for (Report r : reports.values()) {
            String number = "REL-" + set.name() + "-" + r.id();
            docs.add(documents.corrected(document(number, r.category(), r.village(), r.title(), r.description(), at)));
            labels.put(number, r.id());
        }
        // the villages with a place on the map (other tests import villages without coordinates)
        List<String> villages = regions.all().stream().filter(r -> r.level().equals("village") && r.lat() != null)
                .map(Region::code).sorted().toList();
        List<RelevanceDistractors.Distractor> generated = RelevanceDistractors.generate(DISTRACTORS, villages, ROADS_JUDGED_IN);
        List<RelevanceDistractors.Distractor> distractors = withoutAnswers(set, generated);
        assertThat(generated.size() - distractors.size()).as("generated reports dropped for answering a query of " + set.name())
                .isLessThanOrEqualTo(DISTRACTORS * 4 / 10); // blind14 drops 105: its queries name 噪声扰民, 居家养老, 村级财务公开 as templates do
        assertNoDistractorAnswersAQuery(set, distractors);
        for (int i = 0; i < distractors.size(); i++) {
            RelevanceDistractors.Distractor x = distractors.get(i);
            String number = "REL-X-" + i;
            docs.add(documents.corrected(document(number, x.category(), x.village(), x.title(), x.description(), at.minusHours(7L * i))));
            labels.put(number, "X:" + i + ":" + x.template());
        }
        docs.stream().filter(d -> d.corrected() != null).forEach(d -> System.out.printf("read as known %s: %s | %s%n",
                labels.get(d.number()).replaceAll(":.*", ""), d.title() + " " + d.description(), d.corrected()));
        // both indices are filled the same way, with no periodic refresh cutting a bulk into segments at a moment of
        // its own: what is learned from an index (CategoryIntent's significant words, order-dependent through
        // filter_duplicate_text) then reads the same documents in the same order in both, and the answers compare whole
        for (String alias : List.of(index.alias(), twin.alias())) {
            client.indices().putSettings(p -> p.index(alias).settings(x -> x.refreshInterval(t -> t.time("-1"))));
        }
        BulkRequest.Builder bulk = new BulkRequest.Builder();
        docs.forEach(d -> bulk.operations(CaseDocuments.write(index.alias(), d)));
        BulkResponse response = client.bulk(bulk.build());
        assertThat(response.errors()).as("bulk indexing").isFalse();
        client.indices().refresh(r -> r.index(index.alias()));
        BulkRequest.Builder same = new BulkRequest.Builder();
        docs.forEach(d -> same.operations(CaseDocuments.write(twin.alias(), d)));
        assertThat(client.bulk(same.build()).errors()).as("bulk indexing the twin without offsets").isFalse();
        client.indices().refresh(r -> r.index(twin.alias()));
        long[] sizes = twin.storeSizes(index.currentIndices().iterator().next());
        System.out.printf("%s: store with offsets %d bytes, without %d (one segment each, %d documents): %+.1f %%%n",
                set.name(), sizes[0], sizes[1], docs.size(), 100.0 * (sizes[0] - sizes[1]) / sizes[1]);
        return labels;
    }

    /**
     * The generated reports less those that contain a judged query's words (or their synonyms) where the query looks:
     * unjudged answers. The older sets lose none; blind2 asks about needs (化粪池 …) that the generator also writes.
     */
    private List<RelevanceDistractors.Distractor> withoutAnswers(TestSet set, List<RelevanceDistractors.Distractor> generated)
            throws IOException {
        List<RelevanceDistractors.Distractor> kept = new ArrayList<>();
        List<String[]> queries = rows(set.name() + "/queries.tsv");
        for (RelevanceDistractors.Distractor x : generated) {
            boolean answers = false;
            for (String[] q : queries) {
                PlaceNames.Parsed parsed = placeNames.parse(q[1]);
                List<String> words = new ArrayList<>(List.of(parsed.words().strip()));
                words.addAll(synonyms.variants(parsed.words().strip()));
                words.addAll(readAsKnown(parsed.words().strip()));
                answers |= (parsed.regionCode() == null || regions.pathOf(x.village()).contains(parsed.regionCode()))
                        && words.stream().anyMatch((x.title() + x.description())::contains);
            }
            if (!answers) {
                kept.add(x);
            }
        }
        System.out.printf("%s: %d of %d generated reports kept (the others answer one of its queries)%n", set.name(),
                kept.size(), generated.size());
        return kept;
    }

    /** The query as 同音纠错 reads it (变压气 → 变压器): a generated report holding that answers it too. */
    private List<String> readAsKnown(String words) {
        String read = SoundAlikes.correct(words, soundAlikesVocabulary());
        return read == null ? List.of() : List.of(read);
    }

    private SoundAlikes.Vocabulary vocabulary;

    /** The index-independent vocabulary (lexicon, thesaurus, synonyms, categories), as the index side uses it. */
    private SoundAlikes.Vocabulary soundAlikesVocabulary() {
        if (vocabulary == null) {
            vocabulary = soundAlikes.indexVocabulary();
        }
        return vocabulary;
    }

    /** No generated report may contain a judged query's words, or their synonyms, where the query looks. */
    private void assertNoDistractorAnswersAQuery(TestSet set, List<RelevanceDistractors.Distractor> distractors) throws IOException {
        for (String[] q : rows(set.name() + "/queries.tsv")) {
            PlaceNames.Parsed parsed = placeNames.parse(q[1]);
            List<String> words = new ArrayList<>(List.of(parsed.words().strip()));
            words.addAll(synonyms.variants(parsed.words().strip()));
            words.addAll(readAsKnown(parsed.words().strip()));
            for (RelevanceDistractors.Distractor x : distractors) {
                if (parsed.regionCode() == null || regions.pathOf(x.village()).contains(parsed.regionCode())) {
                    assertThat(x.title() + x.description()).as("a generated report answers " + q[1]).doesNotContain(words.toArray(String[]::new));
                }
            }
        }
    }

    /** A fresh, unworked report as the index holds one (no handling yet). */
    private CaseDocument document(String number, String category, String villageCode, String title, String description,
                                  OffsetDateTime at) {
        Region village = regions.find(villageCode).orElseThrow();
        Region township = regions.find(village.parentCode()).orElseThrow();
        String categoryName = categories.find(category).map(Category::nameZh).orElseThrow();
        return new CaseDocument(number, title, description, category, categoryName, village.code(), village.name(),
                township.code(), township.name(), List.of(township.parentCode(), township.code(), village.code()),
                "received", null, null, "relevance-judge", false, 0,
                village.lat() == null ? null : new CaseDocument.GeoPoint(village.lat(), village.lon()),
                null, at, at, null, null, null, false,
                new CaseDocument.Handling(null, null, false, false, null, 0, 0, 0, null), 1);
    }

    /** The demo cases judged relevant to each query (relevance/demo.tsv), by their labels; a village column limits to it. */
    private Map<String, Set<String>> demoJudgements(Map<String, String> labels) throws IOException {
        Map<String, Set<String>> judged = new HashMap<>();
        for (String[] row : rows("demo.tsv")) {
            Set<String> titles = Arrays.stream(row[2].split("\\s*,\\s*")).filter(t -> !t.isBlank()).collect(Collectors.toSet());
            judged.put(row[0], labels.values().stream().filter(l -> l.startsWith("D:"))
                    .filter(l -> titles.contains(l.split(":")[1]) && (row[1].isBlank() || l.endsWith(":" + row[1])))
                    .collect(Collectors.toSet()));
        }
        return judged;
    }

    /**
     * What was judged for a blind set's queries after it was written, by label: the demo cases
     * ({@code relevance/<set>/demo.tsv}) and the templates of the generated reports ({@code generated.tsv}), each
     * {@code qid relevant} with relevant = {@code <title>:<grade>} list; none where the files are absent.
     */
    private Map<String, Map<String, Integer>> judgedAfterwards(TestSet set, Map<String, String> labels) throws IOException {
        Map<String, Map<String, Integer>> graded = new HashMap<>();
        if (!set.demoJudged()) {
            // D:title:village and X:n:template
            gradesFrom(set.name() + "/demo.tsv", labels.values().stream().filter(l -> l.startsWith("D:"))
                    .collect(Collectors.groupingBy(l -> l.split(":")[1])), graded,
                    tsv("demo/reports.tsv").stream().map(r -> r[1]).collect(Collectors.toSet())); // 80 of them loaded
            gradesFrom(set.name() + "/generated.tsv", labels.values().stream().filter(l -> l.startsWith("X:"))
                    .collect(Collectors.groupingBy(l -> l.split(":", 3)[2])), graded,
                    RelevanceDistractors.templateTitles()); // a template whose reports answer a query is left out
        }
        return graded;
    }

    private static void gradesFrom(String file, Map<String, List<String>> labelsByTitle,
                                   Map<String, Map<String, Integer>> graded, Set<String> titles) throws IOException {
        if (!new ClassPathResource("relevance/" + file).exists()) {
            return;
        }
        for (String[] row : rows(file)) {
            Map<String, Integer> grades = graded.computeIfAbsent(row[0].strip(), k -> new LinkedHashMap<>());
            for (String item : row[1].split("\\s*[,，]\\s*")) {
                int colon = item.lastIndexOf(':');
                if (colon > 0) {
                    int grade = Integer.parseInt(item.substring(colon + 1).strip());
                    String title = item.substring(0, colon).strip();
                    assertThat(titles).as(file + " names only titles there are").contains(title);
                    labelsByTitle.getOrDefault(title, List.of()).forEach(label -> grades.merge(label, grade, Math::max));
                }
            }
            grades.values().removeIf(g -> g <= 0);
        }
    }

    private void drop(SearchIndex index) throws IOException {
        if (client.indices().existsAlias(a -> a.name(index.alias())).value()) {
            for (String name : index.currentIndices()) {
                client.indices().delete(d -> d.index(name));
            }
        }
        index.forget();
    }

    private static Map<String, Report> reports(TestSet set) throws IOException {
        Map<String, Report> reports = new LinkedHashMap<>();
        for (String[] r : rows(set.name() + "/reports.tsv")) {
            reports.put(r[0], new Report(r[0], r[1], r[2], r[3], r[4]));
        }
        return reports;
    }

    private static List<String[]> rows(String file) throws IOException {
        return tsv("relevance/" + file);
    }

    private static String header(String file) throws IOException {
        return new ClassPathResource("relevance/" + file).getContentAsString(StandardCharsets.UTF_8).lines().findFirst().orElse("");
    }

    private static List<String[]> tsv(String classpath) throws IOException {
        String text = new ClassPathResource(classpath).getContentAsString(StandardCharsets.UTF_8);
        return text.lines().skip(1).filter(l -> !l.isBlank()).map(l -> l.split("\t", -1)).toList();
    }
}
