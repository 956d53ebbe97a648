package loomlab.load.report;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import loomlab.load.demo.DemoResult;
import org.junit.jupiter.api.Test;

/** The live page's server, spoken to over a real loopback socket on port 0. */
class LiveReportTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static DemoResult running(int steps) {
        DemoResult full = DemoSamples.result(null);
        return DemoSamples.result(full.placement(), null, full.steps().subList(0, steps), false);
    }

    @Test
    void servesTheReportAndItsDataOfTheLatestSnapshot() throws Exception {
        try (LiveReport live = LiveReport.start(0, running(2))) {
            assertTrue(live.url().matches("http://127\\.0\\.0\\.1:\\d+/"), live.url());
            HttpResponse<String> page = get(live, "/");
            assertEquals(200, page.statusCode());
            assertEquals("text/html; charset=utf-8", page.headers().firstValue("Content-Type").orElseThrow());
            assertEquals("no-store", page.headers().firstValue("Cache-Control").orElseThrow());
            assertTrue(page.headers().firstValue("Content-Security-Policy").orElseThrow().contains("connect-src 'self'"));
            assertTrue(page.body().contains("2 of 23 steps, running…"));
            Map<String, Object> json = JsonPaths.of(get(live, "/results.json").body());
            assertEquals(2, JsonPaths.count(json, "steps"));
            assertEquals(false, json.get("finished"));

            live.update(running(5));
            assertTrue(get(live, "/").body().contains("5 of 23 steps, running…"));
            assertEquals(5, JsonPaths.count(JsonPaths.of(get(live, "/results.json").body()), "steps"));

            live.update(DemoSamples.result(null));
            assertEquals(true, JsonPaths.of(get(live, "/results.json").body()).get("finished"));
            assertEquals(DemoHtmlReport.render(DemoSamples.result(null)), get(live, "/").body(), "the same page as the file at the end");
        }
    }

    @Test
    void beforeTheFirstStepItSaysItIsStarting() throws Exception {
        try (LiveReport live = LiveReport.start(0)) {
            HttpResponse<String> page = get(live, "/");
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("<meta http-equiv=\"refresh\" content=\"1\">"), "reloads until the report is there");
            assertTrue(page.body().contains("Starting: the report appears here after the first step."));
            assertEquals(503, get(live, "/results.json").statusCode());
            live.update(running(1));
            assertTrue(get(live, "/").body().contains("1 of 23 steps, running…"));
            assertEquals(200, get(live, "/results.json").statusCode());
        }
    }

    @Test
    void onlyGetOfItsTwoPathsAndNothingOfTheRequestInTheAnswer() throws Exception {
        try (LiveReport live = LiveReport.start(0, running(2))) {
            HttpResponse<String> other = get(live, "/%3Cscript%3Ealert(1)%3C/script%3E?x=%3Cb%3E");
            assertEquals(404, other.statusCode());
            assertFalse(other.body().contains("script") || other.body().contains("<b>"), other.body());
            assertEquals(404, get(live, "/index.html/../results.json.bak").statusCode());
            HttpResponse<String> post = HTTP.send(HttpRequest.newBuilder(URI.create(live.url() + "results.json"))
                    .POST(HttpRequest.BodyPublishers.ofString("<script>")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(405, post.statusCode());
            assertEquals("GET", post.headers().firstValue("Allow").orElseThrow());
            assertFalse(post.body().contains("script"));
            assertEquals(200, get(live, "/").statusCode(), "still serving after bad requests");
        }
    }

    @Test
    void closeStopsServing() throws Exception {
        LiveReport live = LiveReport.start(0, running(1));
        String url = live.url();
        assertEquals(200, get(live, "/results.json").statusCode());
        live.close();
        // A new client: the shared one could try its pooled connection and fail otherwise.
        HttpClient fresh = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        assertThrows(ConnectException.class, () -> fresh.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    void closeWaitsForAnOpenPageToFetchTheFinishedDemo() throws Exception {
        LiveReport live = LiveReport.start(0, running(2), Duration.ofMinutes(2));
        assertEquals(200, get(live, "/results.json").statusCode(), "a page polls: it is open");
        live.update(DemoSamples.result(null));
        Thread closing = Thread.ofPlatform().start(live::close);
        await().atMost(Duration.ofSeconds(30)).until(() -> closing.getState() == Thread.State.TIMED_WAITING);
        assertEquals(true, JsonPaths.of(get(live, "/results.json").body()).get("finished"), "still served while it waits");
        closing.join(Duration.ofSeconds(30));
        assertFalse(closing.isAlive(), "closed once the page had the end");
    }

    @Test
    void closeDoesNotWaitWhenNoPageIsOpen() throws Exception {
        LiveReport live = LiveReport.start(0, running(2), Duration.ofMinutes(10));
        live.update(DemoSamples.result(null));
        Thread closing = Thread.ofPlatform().start(live::close);
        closing.join(Duration.ofMinutes(1));
        assertFalse(closing.isAlive(), "nobody polled, so nothing to wait for");
    }

    @Test
    void aBadPortIsACleanError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LiveReport.start(70_000, running(1)));
        assertEquals("port must be 0..65535, got 70000", e.getMessage());
    }

    private static HttpResponse<String> get(LiveReport live, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(live.url().replaceAll("/$", "") + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
