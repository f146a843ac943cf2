package cn.minqing.channels;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;

/**
 * A loopback SMS gateway speaking the generic adapter's shape: POST {id, to, template, params, text}. Like a real
 * provider it delivers a text once per id (the idempotency key), whatever it answers; answers are scripted per
 * number ("500", "timeout": delivers, then answers after the client gave up, "200").
 */
final class FakeSmsGateway implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every request as it came. */
    final List<JsonNode> requests = Collections.synchronizedList(new ArrayList<>());
    /** The texts handed to phones: id → request, once per id. */
    final Map<String, JsonNode> delivered = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, ConcurrentLinkedQueue<String>> script = new java.util.concurrent.ConcurrentHashMap<>();
    private final HttpServer server;
    private final long slowMillis;

    FakeSmsGateway(long slowMillis) {
        this.slowMillis = slowMillis;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/sms", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/sms";
    }

    /** The next answers to texts for this number, in order; afterwards 200. */
    void answer(String phone, String... answers) {
        script.computeIfAbsent(phone, p -> new ConcurrentLinkedQueue<>()).addAll(List.of(answers));
    }

    List<JsonNode> textsTo(String phone) {
        synchronized (delivered) {
            return delivered.values().stream().filter(t -> t.path("to").asText().equals(phone)).toList();
        }
    }

    List<JsonNode> requestsFor(String phone) {
        synchronized (requests) {
            return requests.stream().filter(t -> t.path("to").asText().equals(phone)).toList();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        JsonNode text = JSON.readTree(exchange.getRequestBody().readAllBytes());
        requests.add(text);
        String answer = next(text.path("to").asText());
        if (!answer.equals("500")) {
            delivered.putIfAbsent(text.path("id").asText(), text);
        }
        if (answer.equals("timeout")) {
            sleep(slowMillis);
        }
        int status = answer.equals("500") ? 500 : 200;
        byte[] body = ("{\"accepted\":" + (status == 200) + "}").getBytes();
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private String next(String phone) {
        ConcurrentLinkedQueue<String> answers = script.get(phone);
        String a = answers == null ? null : answers.poll();
        return a == null ? "200" : a;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
