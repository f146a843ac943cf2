package cn.minqing.open311;

import cn.minqing.people.Principal;
import cn.minqing.platform.web.ApiException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) for the county's other systems and third-party
 * apps: discovery and the service list are open; requests take an API token as {@code api_key} (or the API's
 * Basic/Bearer) and see and file exactly what that account may in the app. Each path ends in {@code .json} or
 * {@code .xml}.
 */
@RestController
@RequestMapping("/open311/v2")
class GeoReportController {

    static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";
    private final ServiceCatalogue catalogue;
    private final RequestFeed feed;
    private final RequestFiling filing;
    private final RequestQueries queries;

    private final String jurisdiction;

    GeoReportController(ServiceCatalogue catalogue, RequestFeed feed, RequestFiling filing, RequestQueries queries,
                        @org.springframework.beans.factory.annotation.Value("${minqing.county-code}") String countyCode) {
        this.jurisdiction = countyCode;
        this.catalogue = catalogue;
        this.feed = feed;
        this.filing = filing;
        this.queries = queries;
    }

    @GetMapping("/discovery.{format}")
    ResponseEntity<String> discovery(@PathVariable String format) {
        checked(format);
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().path("/open311/v2").toUriString();
        Map<String, Object> endpoint = new LinkedHashMap<>();
        endpoint.put("specification", SPECIFICATION);
        endpoint.put("url", base);
        endpoint.put("changeset", "2026-12-02T00:00:00+08:00");
        endpoint.put("type", "production");
        endpoint.put("formats", List.of("application/json", "text/xml"));
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("changeset", "2026-12-02T00:00:00+08:00");
        d.put("contact", "县民情办 (Minqing)");
        d.put("key_service", "API tokens: sign in, then POST /api/tokens; send the token as api_key");
        d.put("endpoints", List.of(endpoint));
        return GeoReport.render(HttpStatus.OK, checked(format), "discovery", d);
    }

    @GetMapping("/services.{format}")
    ResponseEntity<String> services(@PathVariable String format, @RequestParam MultiValueMap<String, String> params) {
        served(params);
        return GeoReport.render(HttpStatus.OK, checked(format), "services", catalogue.services());
    }

    @GetMapping("/services/{code}.{format}")
    ResponseEntity<String> definition(@PathVariable String code, @PathVariable String format,
                                      @RequestParam MultiValueMap<String, String> params) {
        served(params);
        return GeoReport.render(HttpStatus.OK, checked(format), "service_definition", catalogue.definition(code));
    }

    @GetMapping("/requests.{format}")
    ResponseEntity<String> requests(@AuthenticationPrincipal Principal me, @PathVariable String format,
                                    @RequestParam MultiValueMap<String, String> params) {
        String f = checked(format);
        served(params);
        return GeoReport.render(HttpStatus.OK, f, "service_requests", feed.find(queries.parse(params), me.user()));
    }

    @GetMapping("/requests/{id}.{format}")
    ResponseEntity<String> request(@AuthenticationPrincipal Principal me, @PathVariable String id,
                                   @PathVariable String format, @RequestParam MultiValueMap<String, String> params) {
        String f = checked(format);
        served(params);
        return GeoReport.render(HttpStatus.OK, f, "service_requests", List.of(feed.one(id, me.user())));
    }

    @PostMapping(path = "/requests.{format}", consumes = {MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            MediaType.MULTIPART_FORM_DATA_VALUE})
    ResponseEntity<String> file(@AuthenticationPrincipal Principal me, @PathVariable String format,
                                @RequestParam MultiValueMap<String, String> form,
                                @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        String f = checked(format);
        served(form);
        String number = filing.file(form, me.user(), key);
        return GeoReport.render(HttpStatus.CREATED, f, "service_requests", List.of(RequestFiling.receipt(number)));
    }

    /** Requests are answered at once with their number: there are no tokens to look up. */
    @GetMapping("/tokens/{token}.{format}")
    ResponseEntity<String> token(@PathVariable String token, @PathVariable String format) {
        checked(format);
        throw ApiException.notFound("open311.token.unknown");
    }

    private static String checked(String format) {
        if (!GeoReport.known(format)) {
            throw ApiException.notFound("open311.format.unknown", format);
        }
        return format;
    }

    /**
     * {@code jurisdiction_id}, which the specification asks for only where one endpoint serves several: this one serves
     * one county, so none, its county code (QS) or the host name it is called by are accepted; any other is 404.
     */
    private void served(MultiValueMap<String, String> params) {
        String asked = RequestFiling.first(params, "jurisdiction_id");
        if (!RequestFiling.blank(asked) && !asked.strip().equalsIgnoreCase(jurisdiction)
                && !asked.strip().equalsIgnoreCase(ServletUriComponentsBuilder.fromCurrentContextPath().build().getHost())) {
            throw ApiException.notFound("open311.jurisdiction.unknown", asked.length() > 64 ? asked.substring(0, 64) : asked);
        }
    }

    /** Which format an error should be written in: the path's, JSON when it names none. */
    static String formatOf(String path) {
        return path != null && path.endsWith(".xml") ? "xml" : "json";
    }

}
