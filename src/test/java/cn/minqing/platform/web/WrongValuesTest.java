package cn.minqing.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** The request bodies' mapper notes wrong values of every kind and reads on; the app's own JSON fails at once. */
class WrongValuesTest {

    enum Urgency { normal, urgent }

    record Inner(String name) {
    }

    record Body(String title, BigDecimal cost, int days, Boolean anonymous, Urgency urgency, LocalDate due,
                List<String> tags, Inner inner, Map<String, Integer> parts) {
    }

    final ObjectMapper strict = StrictJsonShapes.strict(Jackson2ObjectMapperBuilder.json().modulesToInstall(new NulFreeStrings()).build());

    @AfterEach
    void noRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void everyWrongFieldOfARequestBodyIsNotedAndReadingGoesOn() throws Exception {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        WrongFields.start();
        Body body = strict.readValue("""
                {"title":{"a":[1]},"cost":"abc","days":"x","anonymous":"yes","urgency":"very","due":"2026-13-45",
                 "tags":{"a":1},"inner":"abc","parts":{"a":"b","c":2},"after":1}""", Body.class);
        assertThat(WrongFields.finish()).containsExactly("title", "cost", "days", "anonymous", "urgency", "due", "tags",
                "inner", "parts.a");
        assertThat(body.parts()).containsEntry("c", 2);
        assertThat(body.days()).isZero();
    }

    record Counts(int household, Long people, Integer days) {
    }

    @Test
    void aFractionOrAnOverflowWhereAWholeNumberBelongsIsNotedAndReadingGoesOn() throws Exception {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        WrongFields.start();
        Counts counts = strict.readValue("{\"household\":1.5,\"people\":99999999999999999999,\"days\":2147483648}", Counts.class);
        assertThat(WrongFields.finish()).containsExactly("household", "people", "days");
        assertThat(counts.household()).isZero();
        WrongFields.start();
        assertThat(strict.readValue("{\"household\":7,\"people\":9999999999,\"days\":null}", Counts.class))
                .isEqualTo(new Counts(7, 9999999999L, null));
        assertThat(WrongFields.finish()).isEmpty();
        RequestContextHolder.resetRequestAttributes();
        assertThatThrownBy(() -> strict.readValue("{\"household\":1.5}", Counts.class)).isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void aNumberWhereOneOfASetOfWordsBelongsIsNotedNotTakenAsThePositionInTheSet() throws Exception {
        // Jackson's default reads {"urgency":1} and {"urgency":"1"} as the second constant (urgent): a client's number
        // would be stored as a choice it never named
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        WrongFields.start();
        Body body = strict.readValue("{\"urgency\":1}", Body.class);
        assertThat(WrongFields.finish()).containsExactly("urgency");
        assertThat(body.urgency()).isNull();
        WrongFields.start();
        strict.readValue("{\"urgency\":\"1\"}", Body.class);
        assertThat(WrongFields.finish()).containsExactly("urgency");
        RequestContextHolder.resetRequestAttributes();
        assertThatThrownBy(() -> strict.readValue("{\"urgency\":0}", Body.class)).isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void aSoundBodyNotesNothing() throws Exception {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        WrongFields.start();
        Body body = strict.readValue("""
                {"title":"t","cost":"1.5","days":3,"anonymous":false,"urgency":"urgent","due":"2026-12-15",
                 "tags":["a"],"inner":{"name":"n"},"parts":{"a":1}}""", Body.class);
        assertThat(WrongFields.finish()).isEmpty();
        assertThat(body.urgency()).isEqualTo(Urgency.urgent);
    }

    @Test
    void theBodyAsAWholeAndJsonOutsideARequestFailAtOnce() {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        WrongFields.start();
        assertThatThrownBy(() -> strict.readValue("\"abc\"", Body.class)).isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> strict.readValue("[1]", Body.class)).isInstanceOf(MismatchedInputException.class);
        assertThat(WrongFields.finish()).isEmpty();
        assertThatThrownBy(() -> strict.readValue("{\"cost\":\"abc\"}", Body.class)).isInstanceOf(MismatchedInputException.class);
    }
}
