package loomlab.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version written into the jar by the build, and the runtime it runs on. */
public final class Version implements IVersionProvider {

    public static String version() {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("/loomlab/version.properties")) {
            if (in != null) p.load(in);
        } catch (IOException ignored) {
            // fall through to "unknown"
        }
        return p.getProperty("version", "unknown");
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "loomlab " + version(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.vm.version") + ")" + runtime()
        };
    }

    /** The Debian package's launcher runs the jar on the runtime it brings, and says so. */
    private static String runtime() {
        return "bundled".equals(System.getProperty("loomlab.runtime"))
                ? ", bundled runtime " + System.getProperty("java.home") : "";
    }
}
