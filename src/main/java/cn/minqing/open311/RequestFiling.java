package cn.minqing.open311;

import cn.minqing.cases.Cases;
import cn.minqing.county.Category;
import cn.minqing.county.NearestVillage;
import cn.minqing.county.Regions;
import cn.minqing.intake.CaseFiling;
import cn.minqing.intake.CaseReport;
import cn.minqing.people.CurrentUser;
import cn.minqing.people.Role;
import cn.minqing.platform.web.FieldProblem;
import cn.minqing.platform.web.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.util.MultiValueMap;

/**
 * A GeoReport v2 "POST Service Request" filed as a case through the same filing as the phone's (one transaction,
 * numbered, idempotent by Idempotency-Key), under the account of the API key, channel {@code open311}.
 * The village is {@code address_id}, else the villager's own, else the nearest village to {@code lat}/{@code long}
 * within {@value #NEAREST_KM} km. The title is the description's first sentence. Answers to the category's
 * questions ({@code attribute[q1]} …) are added to the description; {@code attribute[anonymous]=true} files it
 * anonymously. {@code media_url} is not fetched (the server does not reach out to addresses a client names);
 * name, e-mail and phone fields are not stored: the account is the reporter.
 */
@Service
class RequestFiling {

    static final int NEAREST_KM = 10;
    private static final int TITLE = 30;
    private static final Map<String, String> OUR_TO_THEIRS = Map.of("title", "description", "description", "description",
            "category", "service_code", "villageCode", "address_id", "lat", "lat", "lon", "long", "address", "address_string",
            "anonymous", "attribute[anonymous]");
    private final CaseFiling filing;
    private final Cases cases;
    private final ServiceCatalogue catalogue;
    private final Regions regions;

    RequestFiling(CaseFiling filing, Cases cases, ServiceCatalogue catalogue, Regions regions) {
        this.filing = filing;
        this.cases = cases;
        this.catalogue = catalogue;
        this.regions = regions;
    }

    String file(MultiValueMap<String, String> form, CurrentUser reporter, String idempotencyKey) {
        List<FieldProblem> problems = new ArrayList<>();
        String code = first(form, "service_code");
        Category service = catalogue.active(code).orElse(null);
        if (code == null || code.isBlank()) {
            problems.add(new FieldProblem("service_code", "open311.serviceCode.required"));
        } else if (service == null) {
            problems.add(new FieldProblem("service_code", "open311.service.unknown", code));
        }
        Double lat = number(form, "lat", -90, 90, problems);
        Double lon = number(form, "long", -180, 180, problems);
        String address = first(form, "address_string");
        String addressId = first(form, "address_id");
        if ((lat == null) != (lon == null) && !problems.stream().anyMatch(p -> p.field().equals("lat") || p.field().equals("long"))) {
            problems.add(new FieldProblem(lat == null ? "lat" : "long", "open311.location.pair"));
        }
        if (lat == null && lon == null && blank(address) && blank(addressId)) {
            problems.add(new FieldProblem("lat", "open311.location.required"));
        }
        Boolean anonymous = flag(first(form, "attribute[" + ServiceCatalogue.ANONYMOUS + "]"), problems);
        String village = villageOf(addressId, reporter, lat, lon, problems);
        String description = describe(form, service, address, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        CaseReport report = new CaseReport(titleOf(description, service), description, code, village, lat, lon,
                blank(address) ? null : address.strip(), anonymous, null);
        try {
            return filing.file(report, reporter, idempotencyKey, filed -> cases.cameThrough(filed.number(), "open311")).number();
        } catch (InvalidInputException e) {
            throw new InvalidInputException(e.problems().stream()
                    .map(p -> new FieldProblem(OUR_TO_THEIRS.getOrDefault(p.field(), p.field()), p.messageKey(), p.args()))
                    .toList());
        }
    }

    private String villageOf(String addressId, CurrentUser reporter, Double lat, Double lon, List<FieldProblem> problems) {
        if (!blank(addressId)) {
            if (!regions.isVillage(addressId.strip())) {
                problems.add(new FieldProblem("address_id", "open311.addressId.unknown", addressId));
            }
            return addressId.strip();
        }
        if (reporter.is(Role.VILLAGER) && reporter.villageCode() != null) {
            return reporter.villageCode();
        }
        if (lat != null && lon != null) {
            java.util.Optional<NearestVillage> near = regions.nearestVillage(lat, lon)
                    .filter(v -> v.distanceMeters() <= NEAREST_KM * 1000L);
            if (near.isPresent()) {
                return near.get().code();
            }
            problems.add(new FieldProblem("lat", "open311.location.outside", NEAREST_KM));
            return null;
        }
        problems.add(new FieldProblem("address_id", "open311.addressId.required"));
        return null;
    }

    /** The description with the answers to the category's questions; a report without one says what and where. */
    private static String describe(MultiValueMap<String, String> form, Category service, String address,
                                   List<FieldProblem> problems) {
        String text = first(form, "description");
        StringBuilder d = new StringBuilder(blank(text) ? "" : text.strip());
        List<String> questions = service == null ? List.of() : ServiceCatalogue.questionsOf(service);
        for (int i = 0; i < questions.size(); i++) {
            String answer = first(form, "attribute[q" + (i + 1) + "]");
            if (!blank(answer)) {
                if (answer.length() > 1000) {
                    problems.add(new FieldProblem("attribute[q" + (i + 1) + "]", "open311.answer.size", 1000));
                }
                d.append(d.isEmpty() ? "" : "\n").append("问：").append(questions.get(i)).append(" 答：").append(answer.strip());
            }
        }
        if (d.isEmpty() && service != null) {
            d.append(service.nameZh()).append("问题").append(blank(address) ? "" : "，地点：" + address.strip());
        }
        if (d.length() > 5000) {
            problems.add(new FieldProblem("description", "case.description.size"));
        }
        return d.toString();
    }

    private static String titleOf(String description, Category service) {
        String first = description.split("[。！？!?\\n；;]", 2)[0].strip();
        if (first.startsWith("问：") || first.isEmpty()) {
            return service.nameZh() + "问题";
        }
        return first.length() <= TITLE ? first : first.substring(0, TITLE - 1) + "…";
    }

    private static Double number(MultiValueMap<String, String> form, String field, double min, double max,
                                 List<FieldProblem> problems) {
        String raw = first(form, field);
        if (blank(raw)) {
            return null;
        }
        try {
            double v = Double.parseDouble(raw.strip());
            if (!Double.isFinite(v) || v < min || v > max) {
                problems.add(new FieldProblem(field, field.equals("lat") ? "case.lat.range" : "case.lon.range"));
                return null;
            }
            return v;
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(field, "request.parameter.invalid", field));
            return null;
        }
    }

    private static Boolean flag(String raw, List<FieldProblem> problems) {
        if (blank(raw) || raw.strip().equals("false") || raw.strip().equals("0")) {
            return false;
        }
        if (raw.strip().equals("true") || raw.strip().equals("1")) {
            return true;
        }
        problems.add(new FieldProblem("attribute[" + ServiceCatalogue.ANONYMOUS + "]", "open311.anonymous.invalid"));
        return false;
    }

    static String first(MultiValueMap<String, String> form, String name) {
        String v = form.getFirst(name);
        return v == null ? null : v.replace("\u0000", "");
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static Map<String, Object> receipt(String number) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("service_request_id", number);
        r.put("service_notice", "已收到您的反映，编号 " + number + "，受理后按时限办理");
        r.put("account_id", null);
        return r;
    }
}
