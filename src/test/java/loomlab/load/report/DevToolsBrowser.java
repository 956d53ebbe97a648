package loomlab.load.report;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import loomlab.HeadlessChromium;

/**
 * A long-lived headless Chromium driven over the DevTools protocol, for pages that change while
 * they are open (the demo's live page): {@code --dump-dom} only sees one moment. Chromium picks
 * its debugging port itself (port 0) and writes it to DevToolsActivePort in its profile; the
 * protocol is JSON over one WebSocket, read here with Jackson's streaming parser.
 */
final class DevToolsBrowser implements AutoCloseable {

    private static final Duration ANSWER = Duration.ofSeconds(30);

    private final Process process;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Long, CompletableFuture<Map<String, Object>>> waiting = new ConcurrentHashMap<>();

    private DevToolsBrowser(Process process, WebSocket socket) {
        this.process = process;
        this.socket = socket;
    }

    static DevToolsBrowser start(Path workDir) throws IOException, InterruptedException {
        Path profile = Files.createDirectories(workDir.resolve("devtools-profile"));
        Path portFile = profile.resolve("DevToolsActivePort");
        List<String> cmd = new ArrayList<>(List.of(HeadlessChromium.BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--remote-debugging-port=0", "--remote-debugging-address=127.0.0.1",
                "--user-data-dir=" + profile, "about:blank"));
        Process p = new ProcessBuilder(cmd).redirectOutput(workDir.resolve("devtools.out").toFile())
                .redirectError(workDir.resolve("devtools.err").toFile()).start();
        try {
            // Line 1: the port; line 2: the browser's WebSocket path.
            await().atMost(Duration.ofSeconds(60)).until(() -> !p.isAlive() || Files.exists(portFile)
                    && Files.readAllLines(portFile).size() >= 2);
            if (!p.isAlive()) throw new IOException("chromium exited " + p.exitValue() + ": " + Files.readString(workDir.resolve("devtools.err")));
            List<String> lines = Files.readAllLines(portFile);
            URI uri = URI.create("ws://127.0.0.1:" + lines.get(0).trim() + lines.get(1).trim());
            DevToolsBrowser[] self = new DevToolsBrowser[1];
            WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(uri, new WebSocket.Listener() {
                private final StringBuilder text = new StringBuilder();

                @Override
                public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                    text.append(data);
                    if (last) {
                        self[0].answer(text.toString());
                        text.setLength(0);
                    }
                    w.request(1);
                    return null;
                }
            }).get(ANSWER.toSeconds(), TimeUnit.SECONDS);
            self[0] = new DevToolsBrowser(p, ws);
            return self[0];
        } catch (IOException | RuntimeException | InterruptedException e) {
            stop(p);
            throw e;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            stop(p);
            throw new IOException("cannot reach chromium's DevTools: " + e.getMessage(), e);
        }
    }

    /** Opens a tab on {@code url}; returns the session to evaluate in. */
    String open(String url) throws IOException, InterruptedException {
        String target = (String) call(null, "Target.createTarget", g -> g.writeStringField("url", url)).get("result.targetId");
        return (String) call(null, "Target.attachToTarget", g -> {
            g.writeStringField("targetId", target);
            g.writeBooleanField("flatten", true);
        }).get("result.sessionId");
    }

    /** A JavaScript expression's value in the tab, as a string ("" for undefined). */
    String evaluate(String session, String expression) throws IOException, InterruptedException {
        Map<String, Object> answer = call(session, "Runtime.evaluate", g -> {
            g.writeStringField("expression", "String(" + expression + ")");
            g.writeBooleanField("returnByValue", true);
        });
        if (answer.containsKey("result.exceptionDetails.text")) {
            throw new IOException("page threw: " + answer.get("result.exceptionDetails.text") + " in " + expression);
        }
        Object v = answer.get("result.result.value");
        return v == null ? "" : v.toString();
    }

    /**
     * A PNG of the whole page in the tab, {@code width} CSS pixels wide and as long as the page
     * (the charts are drawn by then: call it once the page says so).
     */
    void screenshot(String session, int width, Path png) throws IOException, InterruptedException {
        call(session, "Emulation.setDeviceMetricsOverride", g -> {
            g.writeNumberField("width", width);
            g.writeNumberField("height", 900);
            g.writeNumberField("deviceScaleFactor", 1);
            g.writeBooleanField("mobile", false);
        });
        int height = Integer.parseInt(evaluate(session, "Math.ceil(document.documentElement.scrollHeight)"));
        Map<String, Object> shot = call(session, "Page.captureScreenshot", g -> {
            g.writeStringField("format", "png");
            g.writeBooleanField("captureBeyondViewport", true);
            g.writeObjectFieldStart("clip");
            g.writeNumberField("x", 0);
            g.writeNumberField("y", 0);
            g.writeNumberField("width", width);
            g.writeNumberField("height", height);
            g.writeNumberField("scale", 1);
            g.writeEndObject();
        });
        Files.createDirectories(png.toAbsolutePath().getParent());
        Files.write(png, Base64.getDecoder().decode((String) shot.get("result.data")));
    }

    private interface Params {
        void write(JsonGenerator g) throws IOException;
    }

    private Map<String, Object> call(String session, String method, Params params) throws IOException, InterruptedException {
        long id = ids.incrementAndGet();
        StringWriter out = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("id", id);
            if (session != null) g.writeStringField("sessionId", session);
            g.writeStringField("method", method);
            g.writeObjectFieldStart("params");
            params.write(g);
            g.writeEndObject();
            g.writeEndObject();
        }
        CompletableFuture<Map<String, Object>> answer = new CompletableFuture<>();
        waiting.put(id, answer);
        socket.sendText(out.toString(), true).join();
        try {
            Map<String, Object> a = answer.get(ANSWER.toSeconds(), TimeUnit.SECONDS);
            if (a.containsKey("error.message")) throw new IOException(method + ": " + a.get("error.message"));
            return a;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException(method + ": no answer from chromium (" + e + ")", e);
        } finally {
            waiting.remove(id);
        }
    }

    /** An answer completes its call; events (no id) are not needed here. */
    private void answer(String json) {
        try {
            Map<String, Object> doc = JsonPaths.of(json);
            if (doc.get("id") instanceof Long id) {
                CompletableFuture<Map<String, Object>> f = waiting.get(id);
                if (f != null) f.complete(doc);
            }
        } catch (UncheckedIOException e) {
            // not JSON: nothing waits for it
        }
    }

    @Override
    public void close() {
        try {
            socket.sendText("{\"id\":0,\"method\":\"Browser.close\",\"params\":{}}", true).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            // stopped below anyway
        }
        stop(process);
    }

    private static void stop(Process p) {
        p.descendants().forEach(ProcessHandle::destroy);
        p.destroy();
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
