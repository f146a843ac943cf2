package cn.minqing.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Reports that compete with the judged ones in the relevance index: plausible problems of the county
 * on needs no judged query asks about (wild boar, a noisy transformer, a missing kindergarten …),
 * spread over the villages, generated the same way on every run. RelevanceTest checks that none of
 * them contains a judged query's words or their synonyms where the query looks.
 */
final class RelevanceDistractors {

    /** A generated report: category, village code, title, description, and the title of the template it was made from. */
    record Distractor(String category, String village, String title, String description, String template) {
    }

    private record Template(String category, String title, String description) {
    }

    private static final List<Template> TEMPLATES = List.of(
            new Template("other", "野猪半夜下山拱庄稼", "{组}后山的野猪这几天半夜下山，把{人}家的红薯和玉米拱了{n}分地，又不让打，损失找哪个部门赔？"),
            new Template("other", "广场舞音响太吵", "{组}晒谷坪上每天晚上跳广场舞，音响开得很大声，一直闹到十点多，{人}家有病人睡不着觉。"),
            new Template("other", "去县城的班车太少", "从{组}到县城的班车一天只有{n}趟，错过了就要包车，老人去县医院复查很不方便，能不能加一趟。"),
            new Template("other", "快递只送到镇上", "快递只送到镇上，{人}家买的化肥种子每次都要骑{n}公里摩托车去取，希望快递点能设到村里。"),
            new Template("other", "村务公开栏好久没更新", "{组}村务公开栏上贴的还是{n}年前的账目，集体山林卖木材的钱怎么用的大家都想知道。"),
            new Template("other", "红白喜事大操大办", "村里红白喜事越办越大，酒席一摆就是{n}十桌，人情钱一年要花好几千，希望村里定个规矩。"),
            new Template("security", "有人在河里电鱼", "最近有人晚上开着三轮车来{组}那段河里电鱼，大鱼小鱼都电死了，{人}去说还被骂。"),
            new Template("security", "牛栏里的黄牛被偷了", "{人}家牛栏里的{n}头黄牛昨晚被偷了，门锁被撬开，请派出所来查一下。"),
            new Template("security", "接到冒充客服的诈骗电话", "{人}接到一个自称快递客服的电话，说包裹丢了要赔钱，让扫码，差点被骗走{n}千块。"),
            new Template("security", "两家为田埂吵起来了", "{人}家和隔壁为田埂的宽窄吵了{n}回，昨天差点动手，请村里的调解员来调解一下。"),
            new Template("land", "确权证上面积少了", "{人}家的承包地确权证上只登记了{n}亩，实际种的比这多，当时丈量没通知我们到场。"),
            new Template("land", "宅基地审批没消息", "{组}{人}申请宅基地建房，材料交上去{n}个月了还没有消息，问了几次都说在审。"),
            new Template("farm-sales", "生姜收购价太低", "今年生姜收购价只有{n}毛一斤，{组}好几户种了几十亩，收购的老板还挑大小，请帮忙找找销路。"),
            new Template("farm-sales", "蜂蜜想找人帮忙卖", "{人}家养了{n}十箱土蜂，今年摇了几百斤蜂蜜，自己卖不完，村里能不能帮忙对接超市。"),
            new Template("education", "营养午餐不够吃", "孩子说学校营养午餐的菜很少，{n}个人分一盘，下午上课肚子饿。"),
            new Template("education", "开学收资料费不给收据", "开学每个学生交了{n}十块资料费，学校也不开收据，不知道合不合规。"),
            new Template("education", "村里没有幼儿园", "{组}最近的幼儿园在镇上，每天接送来回{n}十里，能不能在村里办个教学点。"),
            new Template("medical", "卫生室常缺降压药", "村卫生室连常用的降压药都经常缺，{人}每个月都要坐车去镇上买药。"),
            new Template("medical", "签约家庭医生一年没见人", "{人}签了家庭医生，说好每年上门随访{n}次，一年到头一次都没来过。"),
            new Template("elderly", "幸福院建好了一直锁着门", "{组}的幸福院建好{n}年了，门一直锁着，老人想去下棋聊天都进不去。"),
            new Template("elderly", "想办个老年食堂", "{组}留守老人多，{人}他们做饭不方便，听说别的地方有老年食堂，我们这里能不能也搞一个。"),
            new Template("sanitation", "养鸡场臭味太大", "{组}新开的养鸡场离住户不到{n}百米，鸡粪堆在路边，夏天苍蝇多得不得了。"),
            new Template("sanitation", "改厕的化粪池太小", "去年改的厕所化粪池太小，{n}个月就满了，{人}家抽一次要两百块。"),
            new Template("housing", "邻居建房挡了采光", "{人}家隔壁新建了三层楼，离我家不到{n}米，窗户全挡住了，白天都要开灯。"),
            new Template("housing", "建房手续不知道去哪办", "{人}想把老房子拆了原地重建，不知道要办哪些手续，要跑哪几个部门。"),
            new Template("power", "电表箱门掉了", "{组}路边的电表箱门掉了，电线露在外面，小孩子放学经过很危险。"),
            new Template("power", "变压器整夜嗡嗡响", "{人}家屋旁的变压器整夜嗡嗡响，吵得睡不着，夏天外壳还发烫。"),
            new Template("power", "米粉作坊想接三相电", "{人}办了个米粉加工作坊，要接三相动力电，报装{n}个月了还没给接。"),
            new Template("telecom", "手机套餐多扣了钱", "{人}的手机套餐说好每月{n}十八块，每个月都多扣二十块，打客服也说不清楚。"),
            new Template("employment", "想报名学电焊", "{人}想学电焊，听说有免费的技能培训，什么时候开班，在哪里报名？"),
            new Template("employment", "公益性岗位怎么申请", "{人}是脱贫户，家里老人走不开，想在家门口做个护林员之类的公益性岗位，怎么申请？"),
            new Template("subsidy", "残疾人补贴在哪里申请", "{人}的儿子是{n}级残疾，听说有残疾人两项补贴，不知道去哪里申请，要带什么材料。"),
            new Template("subsidy", "耕地地力补贴没到账", "今年的耕地地力保护补贴{组}别人都到账了，{人}家一直没有，去信用社查也没有。"),
            new Template("road", "路口要装减速带", "{组}路口车开得很快，小孩子放学乱跑，建议装个减速带和警示牌。"),
            new Template("road", "转弯处树枝挡住视线", "{组}转弯的地方路边树枝太密，对面来车看不见，已经擦碰过{n}次了。"));

    private static final List<String> GROUPS = List.of("一组", "二组", "三组", "四组", "五组", "六组", "七组", "八组");
    private static final List<String> PEOPLE = List.of("老张", "老李", "王大爷", "刘婶", "陈师傅", "周大姐", "赵老汉", "我");

    private RelevanceDistractors() {
    }

    /** The templates' titles (a generated report's title may also start with its group). */
    static java.util.Set<String> templateTitles() {
        return TEMPLATES.stream().map(Template::title).collect(java.util.stream.Collectors.toSet());
    }

    /**
     * {@code count} reports over {@code villages}, always the same for the same arguments. {@code avoidRoads}
     * is a village whose road reports would answer a judged query ("枫树坪 路"): texts with 路 go elsewhere.
     */
    static List<Distractor> generate(int count, List<String> villages, String avoidRoads) {
        Random random = new Random(20260611L);
        List<Distractor> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Template t = TEMPLATES.get(i % TEMPLATES.size());
            String group = GROUPS.get(random.nextInt(GROUPS.size()));
            String description = t.description().replace("{组}", group)
                    .replace("{人}", PEOPLE.get(random.nextInt(PEOPLE.size())))
                    .replace("{n}", String.valueOf(2 + random.nextInt(8)));
            String village = villages.get(random.nextInt(villages.size()));
            while (village.equals(avoidRoads) && (t.title() + description).contains("路")) {
                village = villages.get(random.nextInt(villages.size()));
            }
            String title = random.nextInt(3) == 0 ? group + t.title() : t.title();
            out.add(new Distractor(t.category(), village, title, description, t.title()));
        }
        return out;
    }
}
