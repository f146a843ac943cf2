package cn.minqing.open311;

import cn.minqing.county.Categories;
import cn.minqing.county.Category;
import cn.minqing.platform.web.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The categories of the element library as GeoReport services: code, name, the questions the phone asks as
 * the description, and 三农/民生 as the group. Every service has metadata: whether the report is anonymous
 * (匿名反映) and, per question the category asks, an optional answer that is added to the description.
 */
@Service
class ServiceCatalogue {

    static final String ANONYMOUS = "anonymous";
    private final Categories categories;

    ServiceCatalogue(Categories categories) {
        this.categories = categories;
    }

    List<Map<String, Object>> services() {
        return categories.all().stream().map(this::service).toList();
    }

    Map<String, Object> definition(String code) {
        Category c = categories.find(code).filter(x -> categories.isActive(x.code()))
                .orElseThrow(() -> ApiException.notFound("open311.service.unknown", code));
        List<Map<String, Object>> attributes = new ArrayList<>();
        attributes.add(attribute(ANONYMOUS, "singlevaluelist", "匿名反映：经办干部看不到您的姓名", 1,
                List.of(Map.of("key", "false", "name", "署名反映"), Map.of("key", "true", "name", "匿名反映"))));
        List<String> questions = questionsOf(c);
        for (int i = 0; i < questions.size(); i++) {
            attributes.add(attribute("q" + (i + 1), "text", questions.get(i), i + 2, null));
        }
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("service_code", c.code());
        definition.put("attributes", attributes);
        return definition;
    }

    Optional<Category> active(String code) {
        return code == null ? Optional.empty() : categories.find(code).filter(c -> categories.isActive(c.code()));
    }

    /** The questions a category asks, one per sentence (停水多久了？影响几户？…). */
    static List<String> questionsOf(Category c) {
        List<String> questions = new ArrayList<>();
        for (String q : c.questions().split("(?<=[？?])")) {
            if (!q.isBlank()) {
                questions.add(q.strip());
            }
        }
        return questions;
    }

    private Map<String, Object> service(Category c) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("service_code", c.code());
        s.put("service_name", c.nameZh());
        s.put("description", c.questions());
        s.put("metadata", true);
        s.put("type", "realtime");
        s.put("keywords", c.nameEn() == null ? "" : c.nameEn());
        s.put("group", "sannong".equals(c.domain()) ? "三农" : "民生");
        return s;
    }

    private static Map<String, Object> attribute(String code, String type, String description, int order,
                                                 List<Map<String, String>> values) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("variable", true);
        a.put("code", code);
        a.put("datatype", type);
        a.put("required", false);
        a.put("datatype_description", null);
        a.put("order", order);
        a.put("description", description);
        if (values != null) {
            a.put("values", values);
        }
        return a;
    }
}
