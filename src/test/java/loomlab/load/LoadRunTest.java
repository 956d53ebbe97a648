package loomlab.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import loomlab.HeldPort;
import loomlab.TestServers;
import loomlab.config.Mode;
import loomlab.config.WireOrder;
import loomlab.server.Server;
import org.junit.jupiter.api.Test;

/** The load generator against real servers on port 0, and against servers that misbehave on purpose. */
class LoadRunTest {

    private static final Duration SHORT = Duration.ofMillis(500);

    private static LoadSettings settings(Workload w, InetSocketAddress target, int clients) {
        return LoadSettings.of(w, target, clients, SHORT).withTiming(SHORT, Duration.ZERO, Duration.ZERO);
    }

    private static LoadResult run(LoadSettings s) throws InterruptedException {
        return LoadRun.run(s, List.of(), Progress.NONE);
    }

    @Test
    void echoClientsAgainstTheVirtualServerAreAllServedAndVerified() throws Exception {
        try (Server server = TestServers.start(TestServers.echo(Mode.VIRTUAL))) {
            LoadResult r = run(settings(Workload.ECHO, TestServers.address(server), 50));
            assertEquals(LoadResult.Outcome.OK, r.outcome(), r.verdict());
            assertEquals(50, r.clientsConnected());
            assertTrue(r.clientsServed() > 0);
            assertEquals(0, r.mismatches());
            assertTrue(r.requests() > 0);
            assertTrue(r.latency().count() >= r.requests(), "every answer in the window is in the histogram");
            assertEquals(50, r.connects(), "echo clients keep their connection");
        }
    }

    @Test
    void largerEchoMessagesAreVerifiedToo() throws Exception {
        try (Server server = TestServers.start(TestServers.echo(Mode.PLATFORM))) {
            LoadResult r = run(settings(Workload.ECHO, TestServers.address(server), 4).withMessageSize(LoadSettings.MAX_MESSAGE_SIZE));
            assertEquals(LoadResult.Outcome.OK, r.outcome(), r.verdict());
        }
    }

    @Test
    void calcClientsOpenAConnectionPerRequestAndEveryResultIsChecked() throws Exception {
        try (Server server = TestServers.start(TestServers.calc(Mode.VIRTUAL))) {
            LoadResult r = run(settings(Workload.CALC, TestServers.address(server), 20));
            assertEquals(LoadResult.Outcome.OK, r.outcome(), r.verdict());
            assertTrue(r.connects() >= r.requests(), "one connection per request");
        }
    }

    @Test
    void udpCalcClientsInBothByteOrders() throws Exception {
        for (WireOrder order : WireOrder.values()) {
            try (Server server = TestServers.start(TestServers.udpCalc(order))) {
                LoadResult r = run(settings(Workload.UDP_CALC, TestServers.address(server), 10).withOrder(order));
                assertEquals(LoadResult.Outcome.OK, r.outcome(), order + ": " + r.verdict());
                assertEquals(10, r.clientsServed());
            }
        }
    }

    @Test
    void udpCalcInTheWrongByteOrderIsCaughtAsMismatches() throws Exception {
        try (Server server = TestServers.start(TestServers.udpCalc(WireOrder.LITTLE))) {
            LoadResult r = run(settings(Workload.UDP_CALC, TestServers.address(server), 2).withOrder(WireOrder.BIG));
            assertTrue(r.mismatches() > 0, r.verdict());
            assertEquals(LoadResult.Outcome.FAILED, r.outcome());
        }
    }

    @Test
    void aCorruptedEchoIsAMismatch() throws Exception {
        try (FakeServers fake = FakeServers.corruptingEcho()) {
            LoadResult r = run(settings(Workload.ECHO, fake.address(), 3));
            assertTrue(r.mismatches() > 0, r.verdict());
            assertEquals(0, r.requests());
            assertEquals(LoadResult.Outcome.FAILED, r.outcome());
        }
    }

    @Test
    void aWrongCalcResultIsAMismatchAndAnErrorReplyIsAServerError() throws Exception {
        try (FakeServers wrong = FakeServers.calcReplying("7\0\0")) {
            LoadResult r = run(settings(Workload.CALC, wrong.address(), 2));
            assertTrue(r.mismatches() > 0, r.verdict());
        }
        try (FakeServers error = FakeServers.calcReplying("ERROR not a number\0")) {
            LoadResult r = run(settings(Workload.CALC, error.address(), 2));
            assertTrue(r.errors().get(ErrorKind.SERVER_ERROR) > 0, r.verdict());
            assertEquals("ERROR not a number", r.examples().get(ErrorKind.SERVER_ERROR));
            assertEquals(LoadResult.Outcome.FAILED, r.outcome());
        }
    }

    @Test
    void nobodyListeningMeansUnreachable() throws Exception {
        try (HeldPort nothing = HeldPort.tcp()) {
            LoadResult r = run(settings(Workload.ECHO, nothing.address(), 3));
            assertEquals(LoadResult.Outcome.UNREACHABLE, r.outcome(), r.verdict());
            assertTrue(r.errors().get(ErrorKind.CONNECT_REFUSED) >= 3);
            assertEquals(0, r.clientsConnected());
        }
    }

    @Test
    void aServerThatNeverAnswersGivesReadTimeoutsThatShowInTheLatency() throws Exception {
        try (FakeServers silent = FakeServers.silent()) {
            LoadSettings s = settings(Workload.ECHO, silent.address(), 2)
                    .withTiming(Duration.ofSeconds(1), Duration.ZERO, Duration.ZERO)
                    .withTimeouts(LoadSettings.DEFAULT_CONNECT_TIMEOUT, Duration.ofMillis(100));
            LoadResult r = run(s);
            assertTrue(r.errors().get(ErrorKind.READ_TIMEOUT) > 0, r.verdict());
            assertTrue(r.latency().count() > 0, "timeouts are in the histogram");
            assertTrue(r.latency().max() >= 100, "at the time they waited");
            assertEquals(LoadResult.Outcome.FAILED, r.outcome());
        }
    }

    @Test
    void aSerialServerServesOneClientWhileTheOthersWait() throws Exception {
        try (Server server = TestServers.start(TestServers.echo(Mode.SERIAL))) {
            LoadResult r = run(settings(Workload.ECHO, TestServers.address(server), 3));
            assertEquals(3, r.clientsConnected(), "the backlog accepts the connections");
            assertEquals(1, r.clientsServed(), "but only one client is ever answered");
            assertTrue(r.verdict().contains("2 of 3 clients got no answer"), r.verdict());
        }
    }

    /**
     * With a rate, each client's intended starts (its pacer's own timestamps, noted by the clock
     * the pacers wait on) are exactly one interval apart; the server gets every one of them but
     * at most the last of each client, cut by the stop (none skipped), and no request before its
     * intended start (none ahead).
     */
    @Test
    void aRateNeverSendsAheadOfTheSchedule() throws Exception {
        int clients = 4;
        long interval = 50_000_000; // 20 requests per second per client
        Queue<Long> arrivals = new ConcurrentLinkedQueue<>();
        try (FakeServers server = FakeServers.timedEcho(LoadSettings.DEFAULT_MESSAGE_SIZE, arrivals)) {
            LoadSettings paced = settings(Workload.ECHO, server.address(), clients).withPacing(20, Duration.ZERO);
            ScheduleLog schedule = new ScheduleLog();
            long start = System.nanoTime();
            LoadRun run = LoadRun.prepare(paced, List.of(), Progress.NONE);
            run.ctx.pacerClock = schedule;
            run.begin();
            run.awaitWindowEnd();
            LoadResult r = run.finish();
            double seconds = (System.nanoTime() - start) / 1e9;
            assertEquals(LoadResult.Outcome.OK, r.outcome(), r.verdict());
            // Each client's k-th request is not sent before start + k/rate.
            assertTrue(r.answeredInRun() <= 4 * (20 * seconds + 1), r.answeredInRun() + " answers in " + seconds + " s");

            assertEquals(clients, schedule.byClient.size(), "every client paced its requests");
            List<Long> intended = new ArrayList<>();
            for (Queue<Long> starts : schedule.byClient.values()) {
                List<Long> own = List.copyOf(starts);
                assertTrue(own.size() >= 2, "a schedule, not one request: " + own);
                assertTrue(own.getFirst() >= start, "no start before the run's");
                // The schedule's count in the window from its first start to its last, both ways.
                assertEquals((own.getLast() - own.getFirst()) / interval + 1, own.size(), own::toString);
                for (int k = 1; k < own.size(); k++) assertEquals(interval, own.get(k) - own.get(k - 1), own::toString);
                intended.addAll(own);
            }
            List<Long> arrived = arrivals.stream().sorted().toList();
            Collections.sort(intended);
            assertTrue(arrived.size() <= intended.size(), arrived.size() + " requests for " + intended.size() + " starts");
            assertTrue(arrived.size() >= intended.size() - clients,
                    arrived.size() + " requests for " + intended.size() + " starts: some were skipped");
            assertTrue(arrived.size() >= r.answeredInRun(), "every answer the run counted came from the server");
            // None ahead: the i-th request in is no earlier than the i-th intended start.
            for (int i = 0; i < arrived.size(); i++) {
                assertTrue(arrived.get(i) >= intended.get(i),
                        "request " + i + " came " + (intended.get(i) - arrived.get(i)) + " ns before its intended start");
            }
        }
    }

    /** The system's clock, noting each client's intended starts as its pacer waits for them. */
    private static final class ScheduleLog implements Pacer.Clock {
        final Map<Thread, Queue<Long>> byClient = new ConcurrentHashMap<>();

        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleepUntil(long deadlineNanos) throws InterruptedException {
            byClient.computeIfAbsent(Thread.currentThread(), t -> new ConcurrentLinkedQueue<>()).add(deadlineNanos);
            Pacer.Clock.SYSTEM.sleepUntil(deadlineNanos);
        }
    }

    @Test
    void clientsAreSpreadOverTheGivenSourceAddresses() throws Exception {
        try (Server server = TestServers.start(TestServers.echo(Mode.VIRTUAL))) {
            LoadSettings s = settings(Workload.ECHO, TestServers.address(server), 6)
                    .withSources(SourceAddresses.parse("127.0.0.2-127.0.0.3"));
            LoadResult r = run(s);
            assertEquals(LoadResult.Outcome.OK, r.outcome(), r.verdict());
            assertEquals(6, r.clientsServed());
        }
    }
}
