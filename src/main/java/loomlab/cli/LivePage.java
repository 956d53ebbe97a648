package loomlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import loomlab.load.demo.DemoResult;

/** The demo's live page, or none (--no-live). Placeholder until the report's live server lands. */
final class LivePage implements AutoCloseable {

    static LivePage none() {
        return new LivePage();
    }

    static LivePage start(int port, PrintWriter err) throws IOException {
        return new LivePage();
    }

    void update(DemoResult snapshot) {
    }

    @Override
    public void close() {
    }
}
