package cn.minqing.open311;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * GeoReport v2's two formats (http://wiki.open311.org/GeoReport_v2): the same tree as JSON or as XML. A list
 * inside an element is written as repeated children named by {@link #ITEMS} (endpoints → endpoint …); absent
 * values are empty elements in XML and null in JSON, as the specification's examples show them.
 */
final class GeoReport {

    static final MediaType JSON = new MediaType("application", "json", java.nio.charset.StandardCharsets.UTF_8);
    static final MediaType XML = new MediaType("text", "xml", java.nio.charset.StandardCharsets.UTF_8);
    private static final Map<String, String> ITEMS = Map.of("endpoints", "endpoint", "formats", "format",
            "attributes", "attribute", "values", "value", "services", "service", "service_requests", "request",
            "errors", "error");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private GeoReport() {
    }

    /** The format a path asks for ({@code json} or {@code xml}); anything else is not a GeoReport path. */
    static boolean known(String format) {
        return "json".equals(format) || "xml".equals(format);
    }

    static ResponseEntity<String> render(HttpStatus status, String format, String root, Object tree) {
        boolean xml = "xml".equals(format);
        return ResponseEntity.status(status).contentType(xml ? XML : JSON).body(xml ? xml(root, tree) : json(tree));
    }

    /** Times as ISO 8601 with the county's offset, to the second (2026-12-02T09:30:00+08:00). */
    static String time(OffsetDateTime at, ZoneId zone) {
        return at == null ? null : ISO.format(at.atZoneSameInstant(zone).toOffsetDateTime().truncatedTo(ChronoUnit.SECONDS));
    }

    private static String json(Object tree) {
        try {
            return MAPPER.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String xml(String root, Object tree) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            element(xml, root, tree);
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private static void element(XMLStreamWriter xml, String name, Object value) throws XMLStreamException {
        xml.writeStartElement(name);
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                element(xml, String.valueOf(e.getKey()), e.getValue());
            }
        } else if (value instanceof List<?> list) {
            String item = ITEMS.getOrDefault(name, "item");
            for (Object v : list) {
                element(xml, item, v);
            }
        } else if (value != null) {
            xml.writeCharacters(String.valueOf(value).replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]", ""));
        }
        xml.writeEndElement();
    }
}
