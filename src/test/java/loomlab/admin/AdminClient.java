package loomlab.admin;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a script or a browser does with the admin endpoint, for the tests. */
public final class AdminClient {

    private AdminClient() { }

    public static HttpResponse<String> request(InetSocketAddress admin, String method, String path)
            throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + admin.getHostString() + ":" + admin.getPort() + path))
                    .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(20)).build();
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    /** GET, expecting 200. */
    public static String get(InetSocketAddress admin, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = request(admin, "GET", path);
        if (response.statusCode() != 200) throw new IOException(path + ": HTTP " + response.statusCode() + ": " + response.body());
        return response.body();
    }

    /** {@code /status} as maps, lists, strings, numbers and booleans. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> status(InetSocketAddress admin) throws IOException, InterruptedException {
        return (Map<String, Object>) parse(get(admin, "/status"));
    }

    /** The service named {@code name} in a {@code /status} answer. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> service(Map<String, Object> status, String name) {
        for (Object s : (List<Object>) status.get("services")) {
            Map<String, Object> service = (Map<String, Object>) s;
            if (service.get("name").equals(name)) return service;
        }
        throw new AssertionError("no service " + name + " in " + status);
    }

    static Object parse(String json) throws IOException {
        try (JsonParser p = JsonFactory.builder().build().createParser(json)) {
            p.nextToken();
            return value(p);
        }
    }

    private static Object value(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    map.put(name, value(p));
                }
                return map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) list.add(value(p));
                return list;
            }
            case VALUE_STRING -> { return p.getText(); }
            case VALUE_NUMBER_INT -> { return p.getLongValue(); }
            case VALUE_NUMBER_FLOAT -> { return p.getDoubleValue(); }
            case VALUE_TRUE, VALUE_FALSE -> { return p.getBooleanValue(); }
            case VALUE_NULL -> { return null; }
            default -> throw new IOException("unexpected " + t);
        }
    }
}
